package org.campaignledger.infra.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * One command of the demo county as the HTTP API takes it: its type, its fields, and the business day it
 * belongs to (sent as {@code occurredAt}, 09:00 in the county, so the simulated clock of DOMAIN §8.5 reaches
 * every rule that reads business time). {@code account} is the demo account that signs in to send it, since the
 * actor comes from the token (a reviewer or an office approver acts as themselves); {@code expectedRuleId}, when
 * set, is the rule an injected anomaly (§8.4) must be rejected with.
 */
record Command(String type, Map<String, Object> fields, LocalDate businessDate, String account,
               String expectedRuleId) {
    /** The loader of the county: the paper ledgers it replays were kept by many offices (docs/adr/0010). */
    static final String IMPORTER = "importer";
    /** Moves the simulated clock, a platform operation of the system administrator. */
    static final String CLOCK_KEEPER = "system-admin";
    static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    Command {
        fields = new TreeMap<>(fields);
    }

    boolean expectsRejection() {
        return expectedRuleId != null;
    }

    /**
     * The person of a demo account may be registered already, by the README walk-through or a scenario on the same
     * stack: then "exists already" is as good as registering it.
     */
    boolean mayExistAlready() {
        return type.equals("RegisterPerson") && String.valueOf(fields.get("personId")).startsWith("demo-");
    }

    /** The request body without a commandId; sorted keys, so the same command always reads the same. */
    Map<String, Object> body() {
        Map<String, Object> body = new TreeMap<>(fields);
        body.put("occurredAt", businessDate.atTime(LocalTime.of(9, 0)).atZone(COUNTY_ZONE).toInstant().toString());
        return body;
    }
}
