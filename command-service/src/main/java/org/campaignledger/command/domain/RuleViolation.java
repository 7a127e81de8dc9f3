package org.campaignledger.command.domain;

import java.util.Map;

/**
 * A command broke a rule. {@code ruleId} is a DOMAIN rule id (e.g. {@code R-ORG-01}) or one of the
 * platform rules in {@link PlatformRules}; the API turns it into an RFC 9457 problem response.
 */
public class RuleViolation extends RuntimeException {
    private final String ruleId;
    private final transient Map<String, Object> details;

    public RuleViolation(String ruleId, String message, Map<String, Object> details) {
        super(message);
        this.ruleId = ruleId;
        this.details = Map.copyOf(details);
    }

    public RuleViolation(String ruleId, String message) {
        this(ruleId, message, Map.of());
    }

    public String ruleId() {
        return ruleId;
    }

    public Map<String, Object> details() {
        return details;
    }
}
