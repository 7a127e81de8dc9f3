package org.campaignledger.command.rollout.domain;

import java.util.Optional;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.organisation.UnitType;

/** The type-specific guidance a rollout has issued, for R-RLO-05 when a unit starts Stage 1. */
public interface TypeGuidance {
    Optional<String> documentFor(RolloutId rolloutId, UnitType unitType);
}
