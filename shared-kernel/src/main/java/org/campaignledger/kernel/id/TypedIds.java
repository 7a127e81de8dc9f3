package org.campaignledger.kernel.id;

import java.util.regex.Pattern;
import org.campaignledger.kernel.command.InvalidCommandException;

/** The one syntax every identifier shares, so ids are safe in URLs, Kafka keys and log lines. */
final class TypedIds {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9:._-]{1,100}");

    private TypedIds() {
    }

    static void requireValid(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, "is required");
        }
        if (!SYNTAX.matcher(value).matches()) {
            throw new InvalidCommandException(field, "must be 1-100 characters of A-Z, a-z, 0-9, ':', '.', '_' or '-'");
        }
    }
}
