package org.campaignledger.command.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every guard of a transition in the order DOMAIN lists them and rejects with the first failing rule,
 * listing all of them in {@code details.failedRules} (DOMAIN-ERRATA B10).
 */
public final class Guards {
    private final List<Map<String, String>> failures = new ArrayList<>();

    public Guards check(boolean holds, String ruleId, String message) {
        if (!holds) {
            Map<String, String> failure = new LinkedHashMap<>();
            failure.put("ruleId", ruleId);
            failure.put("message", message);
            failures.add(failure);
        }
        return this;
    }

    public void enforce() {
        if (!failures.isEmpty()) {
            Map<String, String> first = failures.get(0);
            throw new RuleViolation(first.get("ruleId"), first.get("message"), Map.of("failedRules", List.copyOf(failures)));
        }
    }
}
