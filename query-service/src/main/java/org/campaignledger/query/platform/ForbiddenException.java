package org.campaignledger.query.platform;

import java.util.List;

/**
 * The reader holds none of the roles that may read this here; the problem names the roles and the read rule,
 * never a unit (not even the one asked for: its instance is the rule, not the request path).
 */
public class ForbiddenException extends RuntimeException {
    public static final String RULE_ID = "R-API-FORBIDDEN";
    private final String readRule;
    private final List<String> requiredRoles;

    public ForbiddenException(String message, String readRule, List<String> requiredRoles) {
        super(message);
        this.readRule = readRule;
        this.requiredRoles = List.copyOf(requiredRoles);
    }

    public String readRule() {
        return readRule;
    }

    public List<String> requiredRoles() {
        return requiredRoles;
    }
}
