package org.campaignledger.command.eventstore;

import java.util.Map;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;

/**
 * An aggregate's stored events do not verify against their hash chain, so it is not loaded: a command on it is
 * refused (and audited as such) instead of appending to, or being decided on, a history edited outside the system.
 */
public class BrokenChainException extends RuleViolation {
    public BrokenChainException(String aggregateType, String aggregateId, long sequence, String reason) {
        super(PlatformRules.INTEGRITY, "the stored history of " + aggregateId + " does not verify at sequence "
                        + sequence + " (" + reason + "); no command is accepted on it until it is investigated",
                Map.of("aggregateType", aggregateType, "aggregateId", aggregateId, "sequence", sequence,
                        "reason", reason));
    }
}
