package org.campaignledger.command.lookback.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.campaignledger.kernel.participation.ParticipationId;

/** The stage a participation is in and its planned end, for R-LBK-04's "later than the current planned end". */
public interface StagePlans {

    Optional<StagePlan> currentStage(ParticipationId participationId);

    /** {@code plannedTo} is null when the stage was started without a planned end. */
    record StagePlan(int stage, LocalDate plannedTo) {
    }
}
