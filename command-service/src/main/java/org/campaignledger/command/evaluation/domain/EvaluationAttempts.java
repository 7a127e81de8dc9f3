package org.campaignledger.command.evaluation.domain;

import java.util.List;
import java.util.Optional;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.ParticipantGroup;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationId;

/**
 * A participation's evaluation attempts per type, with the outcome of each and whether the rework ordered after
 * it is completed: the facts R-EVL-06 and R-EVL-11 look up across aggregates.
 */
public interface EvaluationAttempts {

    /** The attempt with the highest number of this type, empty before the first is planned. */
    Optional<Attempt> latest(ParticipationId participationId, EvaluationType type);

    enum Outcome { OPEN, PASSED, FAILED }

    /**
     * {@code reworkCompleted}: at least one rework was ordered for this attempt and every one of them is completed.
     */
    record Attempt(EvaluationId evaluationId, Outcome outcome, boolean reworkCompleted,
                   List<ParticipantGroup> participantScope) {
    }
}
