package org.campaignledger.query.platform;

/** A query parameter is malformed; the problem response names it. */
public class BadRequestException extends RuntimeException {
    /** The rule id of every malformed-input problem, as on the command side. */
    public static final String RULE_ID = "R-API-VALIDATION";
    private final String field;

    public BadRequestException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
