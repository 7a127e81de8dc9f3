package org.campaignledger.kernel.evaluation;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.kernel.command.DerivedIdentity;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationDimension;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationPreconditionKey;
import org.campaignledger.kernel.evaluation.EvaluationEnums.NotificationSection;
import org.campaignledger.kernel.evaluation.EvaluationEnums.Rating;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationId;

/** Commands of the {@code PublicEvaluation} aggregate (DOMAIN §4.13). */
public sealed interface PublicEvaluationCommand extends LedgerCommand {

    private static int notNegative(int value, String field) {
        if (value < 0) {
            throw new InvalidCommandException(field, "must not be negative");
        }
        return value;
    }

    /**
     * A POST_MEETING {@code participantScope} may be left out: it is then copied from the unit's latest Stage-1
     * scope, or else from the jurisdiction's {@code defaultEvaluationScope} (R-EVL-06, DOMAIN-ERRATA B8).
     * {@code scopeExceptionId} is the office's approval of a POST_MEETING scope whose categories differ from the
     * one it would copy.
     */
    record PlanEvaluation(@TargetAggregateIdentifier EvaluationId evaluationId, ParticipationId participationId,
                          EvaluationType type, int attemptNo, String meetingId,
                          List<ParticipantGroup> participantScope, List<EvaluationDimension> dimensions,
                          ExceptionId scopeExceptionId) implements PublicEvaluationCommand, DerivedIdentity {
        public PlanEvaluation {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.required(type, "type");
            if (attemptNo < 1 || attemptNo > 999) {
                throw new InvalidCommandException("attemptNo", "must be between 1 and 999");
            }
            if (type == EvaluationType.POST_MEETING) {
                InvalidCommandException.requiredText(meetingId, "meetingId", 255);
            }
            participantScope = participantScope == null ? List.of() : List.copyOf(participantScope);
            if (participantScope.isEmpty() && type != EvaluationType.POST_MEETING) {
                throw new InvalidCommandException("participantScope", "must name at least one category");
            }
            if (participantScope.stream().map(ParticipantGroup::category).distinct().count() != participantScope.size()) {
                throw new InvalidCommandException("participantScope", "names a category twice");
            }
            dimensions = dimensions == null || dimensions.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(dimensions));
            EvaluationId derived = EvaluationId.of(participationId, type, attemptNo);
            if (evaluationId != null && !evaluationId.equals(derived)) {
                throw new InvalidCommandException("evaluationId", "must be " + derived + " or left out");
            }
            evaluationId = derived;
        }
    }

    /**
     * Sent by the evaluation precondition saga (DOMAIN §4.19); {@code notificationSections} are the sections of the
     * approved notification material (R-EVL-04).
     */
    record CreditEvaluationPrecondition(@TargetAggregateIdentifier EvaluationId evaluationId,
                                        EvaluationPreconditionKey key, String sourceRef,
                                        Set<NotificationSection> notificationSections)
            implements PublicEvaluationCommand {
        public CreditEvaluationPrecondition {
            InvalidCommandException.required(evaluationId, "evaluationId");
            InvalidCommandException.required(key, "key");
            InvalidCommandException.requiredText(sourceRef, "sourceRef", 255);
            notificationSections = notificationSections == null ? Set.of() : Set.copyOf(notificationSections);
        }
    }

    /**
     * Sent by the evaluation precondition saga when a credited fact stops holding before the session, e.g. a
     * re-hold order on the meeting (R-EVL-01).
     */
    record RevokeEvaluationPrecondition(@TargetAggregateIdentifier EvaluationId evaluationId,
                                        EvaluationPreconditionKey key, String reason)
            implements PublicEvaluationCommand {
        public RevokeEvaluationPrecondition {
            InvalidCommandException.required(evaluationId, "evaluationId");
            InvalidCommandException.required(key, "key");
            InvalidCommandException.requiredText(reason, "reason", 2000);
        }
    }

    record OpenEvaluationSession(@TargetAggregateIdentifier EvaluationId evaluationId, LocalDate date,
                                 PersonId hostPersonId, Map<String, Integer> participantsByCategory)
            implements PublicEvaluationCommand {
        public OpenEvaluationSession {
            InvalidCommandException.required(evaluationId, "evaluationId");
            InvalidCommandException.required(date, "date");
            InvalidCommandException.required(hostPersonId, "hostPersonId");
            participantsByCategory = participantsByCategory == null ? Map.of() : Map.copyOf(participantsByCategory);
            participantsByCategory.values().forEach(count -> notNegative(count, "participantsByCategory"));
        }
    }

    /** An electronic form: anonymous, it names the participant's category and never the person (R-EVL-10). */
    record RecordEvaluationForm(@TargetAggregateIdentifier EvaluationId evaluationId, String formId,
                                String participantCategory, Rating overall,
                                Map<EvaluationDimension, Rating> dimensionRatings) implements PublicEvaluationCommand {
        public RecordEvaluationForm {
            InvalidCommandException.required(evaluationId, "evaluationId");
            InvalidCommandException.requiredText(formId, "formId", 100);
            InvalidCommandException.requiredText(participantCategory, "participantCategory", 100);
            InvalidCommandException.required(overall, "overall");
            dimensionRatings = dimensionRatings == null ? Map.of() : Map.copyOf(dimensionRatings);
        }
    }

    /** The counts of one batch of paper forms, entered by one staff member and confirmed by another. */
    record RecordPaperTally(@TargetAggregateIdentifier EvaluationId evaluationId, String tallyId, RatingCounts counts,
                            int invalid, Map<EvaluationDimension, RatingCounts> dimensionCounts)
            implements PublicEvaluationCommand {
        public RecordPaperTally {
            InvalidCommandException.required(evaluationId, "evaluationId");
            InvalidCommandException.requiredText(tallyId, "tallyId", 100);
            InvalidCommandException.required(counts, "counts");
            notNegative(invalid, "invalid");
            dimensionCounts = dimensionCounts == null ? Map.of() : Map.copyOf(dimensionCounts);
        }
    }

    record ConfirmPaperTally(@TargetAggregateIdentifier EvaluationId evaluationId, String tallyId)
            implements PublicEvaluationCommand {
        public ConfirmPaperTally {
            InvalidCommandException.required(evaluationId, "evaluationId");
            InvalidCommandException.requiredText(tallyId, "tallyId", 100);
        }
    }

    record CloseEvaluation(@TargetAggregateIdentifier EvaluationId evaluationId) implements PublicEvaluationCommand {
        public CloseEvaluation {
            InvalidCommandException.required(evaluationId, "evaluationId");
        }
    }

    record FeedBackEvaluationResults(@TargetAggregateIdentifier EvaluationId evaluationId, LocalDate date)
            implements PublicEvaluationCommand {
        public FeedBackEvaluationResults {
            InvalidCommandException.required(evaluationId, "evaluationId");
            InvalidCommandException.required(date, "date");
        }
    }

    /** Sent when the evaluation report has been filed with the campaign office (DOMAIN-ERRATA I6). */
    record RecordEvaluationReportFiled(@TargetAggregateIdentifier EvaluationId evaluationId, String documentId)
            implements PublicEvaluationCommand {
        public RecordEvaluationReportFiled {
            InvalidCommandException.required(evaluationId, "evaluationId");
            InvalidCommandException.requiredText(documentId, "documentId", 255);
        }
    }

    /** The corrected overall counts, approved by the campaign office (R-EVL-09). */
    record CorrectEvaluationTally(@TargetAggregateIdentifier EvaluationId evaluationId, RatingCounts counts,
                                  int invalid, String reason) implements PublicEvaluationCommand {
        public CorrectEvaluationTally {
            InvalidCommandException.required(evaluationId, "evaluationId");
            InvalidCommandException.required(counts, "counts");
            notNegative(invalid, "invalid");
            InvalidCommandException.requiredText(reason, "reason", 4000);
        }
    }
}
