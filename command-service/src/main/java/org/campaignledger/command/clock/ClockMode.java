package org.campaignledger.command.clock;

import java.util.Locale;

/** Where business "now" comes from: the wall clock, or a stored clock that only an administrator moves. */
public enum ClockMode {
    SYSTEM,
    SIMULATED;

    static ClockMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ledger.clock.mode must be 'system' or 'simulated', not '" + value + "'");
        }
    }
}
