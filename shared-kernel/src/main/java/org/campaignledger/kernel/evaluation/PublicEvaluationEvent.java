package org.campaignledger.kernel.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationDimension;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationPreconditionKey;
import org.campaignledger.kernel.evaluation.EvaluationEnums.Rating;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationId;

/**
 * Events of the {@code PublicEvaluation} aggregate (DOMAIN §4.13). Every event carries the participation's
 * association keys (DOMAIN-ERRATA B2), so gate and rework handlers never look the evaluation up.
 */
public sealed interface PublicEvaluationEvent extends LedgerEvent {
    EvaluationId evaluationId();

    ParticipationId participationId();

    UnitId unitId();

    EvaluationType type();

    int attemptNo();

    @Override
    default String concernsUnitId() {
        return unitId().value();
    }

    @Override
    default String concernsCampaignId() {
        return participationId().campaignId().value();
    }

    /**
     * {@code scopeCopiedFrom} is the Stage-1 evaluation the scope was checked against (R-EVL-06), null when there
     * was none; {@code requiredPreconditions} are the keys READY waits for (DOMAIN-ERRATA I6).
     */
    @Revision("1")
    record EvaluationPlanned(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                             EvaluationType type, int attemptNo, String meetingId,
                             List<ParticipantGroup> participantScope, List<EvaluationDimension> dimensions,
                             Set<EvaluationPreconditionKey> requiredPreconditions, EvaluationId scopeCopiedFrom,
                             ExceptionId scopeExceptionId) implements PublicEvaluationEvent {
    }

    @Revision("1")
    record EvaluationPreconditionCredited(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                                          EvaluationType type, int attemptNo, EvaluationPreconditionKey key,
                                          String sourceRef) implements PublicEvaluationEvent {
    }

    /** A READY evaluation falls back to PLANNED until the key is credited again. */
    @Revision("1")
    record EvaluationPreconditionRevoked(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                                         EvaluationType type, int attemptNo, EvaluationPreconditionKey key,
                                         String reason) implements PublicEvaluationEvent {
    }

    @Revision("1")
    record EvaluationBecameReady(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                                 EvaluationType type, int attemptNo) implements PublicEvaluationEvent {
    }

    @Revision("1")
    record EvaluationSessionOpened(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                                   EvaluationType type, int attemptNo, String meetingId, LocalDate date,
                                   PersonId hostPersonId, Map<String, Integer> participantsByCategory)
            implements PublicEvaluationEvent {
    }

    /** Anonymous: the participant's category, never a person (R-EVL-10). */
    @Revision("1")
    record EvaluationFormRecorded(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                                  EvaluationType type, int attemptNo, String formId, Rating overall,
                                  Map<EvaluationDimension, Rating> dimensionRatings, String participantCategory)
            implements PublicEvaluationEvent {
    }

    @Revision("1")
    record EvaluationPaperTallyRecorded(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                                        EvaluationType type, int attemptNo, String tallyId, RatingCounts counts,
                                        int invalid, Map<EvaluationDimension, RatingCounts> dimensionCounts,
                                        PersonId enteredByPersonId) implements PublicEvaluationEvent {
    }

    @Revision("1")
    record EvaluationPaperTallyConfirmed(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                                         EvaluationType type, int attemptNo, String tallyId,
                                         PersonId confirmedByPersonId) implements PublicEvaluationEvent {
    }

    /**
     * {@code numerator} counts the forms in {@code satisfiedOptions}, {@code denominator} the valid forms (R-EVL-07);
     * {@code rule} is the policy's pass rule they were judged by, null in events recorded before it was carried
     * (then {@link SatisfactionRule#TWO_THIRDS}, the only rule there was).
     */
    @Revision("1")
    record EvaluationTallied(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                             EvaluationType type, int attemptNo, int validForms, int satisfied,
                             int basicallySatisfied, int dissatisfied, int invalid, int numerator, int denominator,
                             boolean passed, Map<EvaluationDimension, RatingCounts> perDimension,
                             PersonId talliedByPersonId, SatisfactionRule rule) implements PublicEvaluationEvent {
        public SatisfactionRule ruleApplied() {
            return rule == null ? SatisfactionRule.TWO_THIRDS : rule;
        }
    }

    @Revision("1")
    record EvaluationPassed(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                            EvaluationType type, int attemptNo, int numerator, int denominator)
            implements PublicEvaluationEvent {
    }

    /** {@code shortfallForms}: how many more satisfied forms the same valid total would have needed to pass. */
    @Revision("1")
    record EvaluationFailed(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                            EvaluationType type, int attemptNo, int numerator, int denominator, int shortfallForms)
            implements PublicEvaluationEvent {
    }

    @Revision("1")
    record EvaluationResultsFedBack(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                                    EvaluationType type, int attemptNo, PersonId toPersonId, LocalDate date)
            implements PublicEvaluationEvent {
    }

    @Revision("1")
    record EvaluationReportFiled(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                                 EvaluationType type, int attemptNo, String documentId)
            implements PublicEvaluationEvent {
    }

    @Revision("1")
    record EvaluationTallyCorrected(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                                    EvaluationType type, int attemptNo, RatingCounts oldCounts, int oldInvalid,
                                    RatingCounts newCounts, int newInvalid, int numerator, int denominator,
                                    boolean passed, String reason, PersonId approvedByPersonId)
            implements PublicEvaluationEvent {
    }

    /** A correction flipped pass and fail; the gates follow it (DOMAIN-ERRATA M3). */
    @Revision("1")
    record EvaluationOutcomeChanged(EvaluationId evaluationId, ParticipationId participationId, UnitId unitId,
                                    EvaluationType type, int attemptNo, boolean passed, int numerator,
                                    int denominator) implements PublicEvaluationEvent {
    }
}
