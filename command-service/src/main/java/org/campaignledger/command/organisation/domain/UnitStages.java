package org.campaignledger.command.organisation.domain;

import org.campaignledger.kernel.id.UnitId;

/** How far a unit's participations have come, for the rule that freezes its type (R-ORG-02). */
public interface UnitStages {
    /** Whether any participation of the unit has ever started Stage 2. */
    boolean hasReachedStage2(UnitId unitId);
}
