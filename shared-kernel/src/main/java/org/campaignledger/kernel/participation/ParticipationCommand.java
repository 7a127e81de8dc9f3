package org.campaignledger.kernel.participation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.kernel.command.DerivedIdentity;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationEnums.AccountabilityMeasure;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.ReworkScope;
import org.campaignledger.kernel.participation.ParticipationEnums.StudyActivityType;

/** Commands of the {@code UnitParticipation} aggregate (DOMAIN §4.5). */
public sealed interface ParticipationCommand extends LedgerCommand {

    static int requireStage(int stage) {
        if (stage < 1 || stage > 3) {
            throw new InvalidCommandException("stage", "must be 1, 2 or 3");
        }
        return stage;
    }

    record RegisterParticipation(@TargetAggregateIdentifier ParticipationId participationId, CampaignId campaignId,
                                 int batchNo, UnitId unitId, int tierNo)
            implements ParticipationCommand, DerivedIdentity {
        public RegisterParticipation {
            InvalidCommandException.required(campaignId, "campaignId");
            InvalidCommandException.required(unitId, "unitId");
            if (batchNo < 1) {
                throw new InvalidCommandException("batchNo", "must be 1 or more");
            }
            if (tierNo < 1) {
                throw new InvalidCommandException("tierNo", "must be 1 or more");
            }
            ParticipationId derived = ParticipationId.of(campaignId, batchNo, unitId);
            if (participationId != null && !participationId.equals(derived)) {
                throw new InvalidCommandException("participationId", "must be " + derived + " or left out");
            }
            participationId = derived;
        }
    }

    record StartPreparation(@TargetAggregateIdentifier ParticipationId participationId, LocalDate date)
            implements ParticipationCommand {
        public StartPreparation {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.required(date, "date");
        }
    }

    record FlagWeakOrganisation(@TargetAggregateIdentifier ParticipationId participationId, String reason)
            implements ParticipationCommand {
        public FlagWeakOrganisation {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.requiredText(reason, "reason", 2000);
        }
    }

    record CompleteOrganisationalRectification(@TargetAggregateIdentifier ParticipationId participationId,
                                               PersonId newSecretaryPersonId, String summary,
                                               List<String> evidenceRefs) implements ParticipationCommand {
        public CompleteOrganisationalRectification {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.requiredText(summary, "summary", 4000);
            evidenceRefs = evidenceRefs == null ? List.of() : List.copyOf(evidenceRefs);
        }
    }

    record FormUnitLeadingGroup(@TargetAggregateIdentifier ParticipationId participationId, PersonId headPersonId,
                                List<PersonId> memberIds, PersonId officeHeadPersonId, LocalDate date)
            implements ParticipationCommand {
        public FormUnitLeadingGroup {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.required(date, "date");
            InvalidCommandException.required(headPersonId, "headPersonId");
            InvalidCommandException.required(officeHeadPersonId, "officeHeadPersonId");
            memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        }
    }

    record RecordMobilisation(@TargetAggregateIdentifier ParticipationId participationId, LocalDate date)
            implements ParticipationCommand {
        public RecordMobilisation {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.required(date, "date");
        }
    }

    /** Sent by the gate sagas (DOMAIN §3.3) when a fact another aggregate owns becomes true. */
    record CreditGateFact(@TargetAggregateIdentifier ParticipationId participationId, GateFact fact,
                          String sourceAggregateType, String sourceAggregateId, String sourceEventId)
            implements ParticipationCommand {
        public CreditGateFact {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.required(fact, "fact");
            InvalidCommandException.requiredText(sourceAggregateId, "sourceAggregateId", 255);
            InvalidCommandException.requiredText(sourceEventId, "sourceEventId", 255);
        }
    }

    record RevokeGateFact(@TargetAggregateIdentifier ParticipationId participationId, GateFact fact, String reason,
                          String sourceEventId) implements ParticipationCommand {
        public RevokeGateFact {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.required(fact, "fact");
            InvalidCommandException.requiredText(reason, "reason", 2000);
        }
    }

    record StartStage(@TargetAggregateIdentifier ParticipationId participationId, int stage, LocalDate date,
                      LocalDate plannedTo) implements ParticipationCommand {
        public StartStage {
            InvalidCommandException.required(participationId, "participationId");
            requireStage(stage);
            InvalidCommandException.required(date, "date");
            if (plannedTo != null && plannedTo.isBefore(date)) {
                throw new InvalidCommandException("plannedTo", "must not be before date");
            }
        }
    }

    /**
     * {@code format} is how the activity was actually delivered when that differs from its type, e.g. a
     * concentrated study held as an expert lecture; excluded formats never count (R-UNP-09).
     */
    record RecordStudyActivity(@TargetAggregateIdentifier ParticipationId participationId, String activityId,
                               StudyActivityType activityType, StudyActivityType format, LocalDate from,
                               LocalDate to, int halfDays, int participantCount,
                               List<PersonId> sgAttendeePersonIds) implements ParticipationCommand {
        public RecordStudyActivity {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.requiredText(activityId, "activityId", 100);
            InvalidCommandException.required(activityType, "activityType");
            InvalidCommandException.required(from, "from");
            InvalidCommandException.required(to, "to");
            if (to.isBefore(from)) {
                throw new InvalidCommandException("to", "must not be before from");
            }
            if (halfDays < 1) {
                throw new InvalidCommandException("halfDays", "must be 1 or more");
            }
            if (halfDays > 2 * (to.toEpochDay() - from.toEpochDay() + 1)) {
                throw new InvalidCommandException("halfDays", "cannot exceed two per calendar day of the activity");
            }
            if (participantCount < 0) {
                throw new InvalidCommandException("participantCount", "must not be negative");
            }
            sgAttendeePersonIds = sgAttendeePersonIds == null ? List.of() : List.copyOf(sgAttendeePersonIds);
        }
    }

    record RecordGrassrootsListening(@TargetAggregateIdentifier ParticipationId participationId,
                                     PersonId leaderPersonId, LocalDate from, LocalDate to,
                                     List<String> placesVisited) implements ParticipationCommand {
        public RecordGrassrootsListening {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.required(leaderPersonId, "leaderPersonId");
            InvalidCommandException.required(from, "from");
            InvalidCommandException.required(to, "to");
            if (to.isBefore(from)) {
                throw new InvalidCommandException("to", "must not be before from");
            }
            placesVisited = placesVisited == null ? List.of() : List.copyOf(placesVisited);
        }
    }

    record RecordSymposium(@TargetAggregateIdentifier ParticipationId participationId, PersonId hostPersonId,
                           LocalDate date, int attendeeCount) implements ParticipationCommand {
        public RecordSymposium {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.required(hostPersonId, "hostPersonId");
            InvalidCommandException.required(date, "date");
            if (attendeeCount < 1) {
                throw new InvalidCommandException("attendeeCount", "must be 1 or more");
            }
        }
    }

    record OrderRework(@TargetAggregateIdentifier ParticipationId participationId, String reworkId,
                       String evaluationId, Set<ReworkScope> scope, String reason) implements ParticipationCommand {
        public OrderRework {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.requiredText(reworkId, "reworkId", 100);
            if (scope == null || scope.isEmpty()) {
                throw new InvalidCommandException("scope", "must name at least one rework scope");
            }
            scope = Set.copyOf(scope);
            InvalidCommandException.requiredText(reason, "reason", 4000);
        }
    }

    record CompleteRework(@TargetAggregateIdentifier ParticipationId participationId, String reworkId,
                          List<String> evidenceRefs) implements ParticipationCommand {
        public CompleteRework {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.requiredText(reworkId, "reworkId", 100);
            evidenceRefs = evidenceRefs == null ? List.of() : List.copyOf(evidenceRefs);
        }
    }

    /** Sent by the look-back effects saga for EXTEND_AND_MAKE_UP (R-UNP-23). */
    record ExtendStage(@TargetAggregateIdentifier ParticipationId participationId, int stage, LocalDate newPlannedTo,
                       String lookBackId, List<String> makeUpActivities) implements ParticipationCommand {
        public ExtendStage {
            InvalidCommandException.required(participationId, "participationId");
            requireStage(stage);
            InvalidCommandException.required(newPlannedTo, "newPlannedTo");
            InvalidCommandException.requiredText(lookBackId, "lookBackId", 100);
            makeUpActivities = makeUpActivities == null ? List.of() : List.copyOf(makeUpActivities);
        }
    }

    /** Sent by the look-back effects saga for REDO (R-UNP-23). */
    record ReopenStage(@TargetAggregateIdentifier ParticipationId participationId, int stage, String lookBackId,
                       Set<GateFact> invalidatedGateFacts) implements ParticipationCommand {
        public ReopenStage {
            InvalidCommandException.required(participationId, "participationId");
            requireStage(stage);
            InvalidCommandException.requiredText(lookBackId, "lookBackId", 100);
            invalidatedGateFacts = invalidatedGateFacts == null ? Set.of() : Set.copyOf(invalidatedGateFacts);
        }
    }

    record ConcludeParticipation(@TargetAggregateIdentifier ParticipationId participationId, LocalDate date)
            implements ParticipationCommand {
        public ConcludeParticipation {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.required(date, "date");
        }
    }

    record WithdrawParticipation(@TargetAggregateIdentifier ParticipationId participationId, String reason,
                                 LocalDate date) implements ParticipationCommand {
        public WithdrawParticipation {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.requiredText(reason, "reason", 2000);
            InvalidCommandException.required(date, "date");
        }
    }

    record RecordAccountabilityMeasure(@TargetAggregateIdentifier ParticipationId participationId, PersonId personId,
                                       AccountabilityMeasure measure, String reason) implements ParticipationCommand {
        public RecordAccountabilityMeasure {
            InvalidCommandException.required(participationId, "participationId");
            InvalidCommandException.required(personId, "personId");
            InvalidCommandException.required(measure, "measure");
            InvalidCommandException.requiredText(reason, "reason", 4000);
        }
    }
}
