package org.campaignledger.kernel.command;

/** A command that is malformed in itself (a missing or ill-formed field), before any rule is looked at. */
public class InvalidCommandException extends RuntimeException {
    private final String field;

    public InvalidCommandException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidCommandException(field, "is required");
        }
        return value;
    }

    public static String requiredText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, "is required");
        }
        if (value.length() > maxLength) {
            throw new InvalidCommandException(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }
}
