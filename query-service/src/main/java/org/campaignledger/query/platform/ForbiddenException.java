package org.campaignledger.query.platform;

import java.util.List;

/** The reader holds none of the roles that may read this here; the problem names the roles, never a unit. */
public class ForbiddenException extends RuntimeException {
    public static final String RULE_ID = "R-API-FORBIDDEN";
    private final List<String> requiredRoles;

    public ForbiddenException(String message, List<String> requiredRoles) {
        super(message);
        this.requiredRoles = List.copyOf(requiredRoles);
    }

    public List<String> requiredRoles() {
        return requiredRoles;
    }
}
