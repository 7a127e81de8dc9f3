package org.campaignledger.command.rollout.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;

/**
 * Granted policy exceptions, for handlers of other aggregates that accept an {@code exceptionId} on an
 * OVERRIDABLE rule (DOMAIN §0.3, DOMAIN-ERRATA I16). Consumption of single-use exceptions is the using
 * aggregate's business: this port only says what was granted.
 */
public interface PolicyExceptions {
    Optional<Granted> find(ExceptionId exceptionId);

    /** The exception exists, names this unit and rule, and has not expired on {@code on}. */
    default boolean isValidFor(ExceptionId exceptionId, UnitId unitId, String ruleId, LocalDate on) {
        return find(exceptionId).filter(g -> g.appliesTo(unitId, ruleId, on)).isPresent();
    }

    record Granted(ExceptionId exceptionId, RolloutId rolloutId, UnitId unitId, String ruleId,
                   PersonId approvedByPersonId, LocalDate grantedOn, LocalDate validUntil, boolean reusable) {
        public boolean appliesTo(UnitId unit, String rule, LocalDate on) {
            return unitId.equals(unit) && ruleId.equals(rule) && (validUntil == null || !on.isAfter(validUntil));
        }
    }
}
