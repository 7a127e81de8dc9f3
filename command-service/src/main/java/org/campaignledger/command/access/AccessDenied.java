package org.campaignledger.command.access;

/**
 * The sender holds none of the roles the command needs in the units it concerns. The message names the roles
 * and the command, never the units or persons, so a refusal tells nothing about another unit's data.
 */
public final class AccessDenied extends RuntimeException {
    public static final String RULE_ID = "R-API-FORBIDDEN";

    AccessDenied(String message) {
        super(message);
    }
}
