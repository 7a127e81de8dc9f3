package org.campaignledger.kernel.participation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.participation.ParticipationEnums.AccountabilityMeasure;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.MaterialRequirement;
import org.campaignledger.kernel.participation.ParticipationEnums.MeetingType;
import org.campaignledger.kernel.participation.ParticipationEnums.ParticipationState;
import org.campaignledger.kernel.participation.ParticipationEnums.RectificationForm;
import org.campaignledger.kernel.participation.ParticipationEnums.ReworkScope;
import org.campaignledger.kernel.participation.ParticipationEnums.StudyActivityType;

/** Events of the {@code UnitParticipation} aggregate (DOMAIN §4.5). */
public sealed interface ParticipationEvent extends LedgerEvent {
    ParticipationId participationId();

    @Override
    default String concernsUnitId() {
        return participationId().unitId().value();
    }

    @Override
    default String concernsCampaignId() {
        return participationId().campaignId().value();
    }

    /** {@code ancestorIds} is the unit's org-tree path when it registered, copied for the read models. */
    @Revision("1")
    record ParticipationRegistered(ParticipationId participationId, CampaignId campaignId, int batchNo, UnitId unitId,
                                   UnitType unitType, Level level, int tierNo, UnitId jurisdictionId,
                                   List<UnitId> ancestorIds, MeetingType meetingType,
                                   MaterialRequirement materialRequirement, RectificationForm rectificationForm)
            implements ParticipationEvent {
    }

    @Revision("1")
    record PreparationStarted(ParticipationId participationId, LocalDate date) implements ParticipationEvent {
    }

    @Revision("1")
    record WeakOrganisationFlagged(ParticipationId participationId, String reason, PersonId flaggedByPersonId)
            implements ParticipationEvent {
    }

    @Revision("1")
    record OrganisationalRectificationCompleted(ParticipationId participationId, PersonId newSecretaryPersonId,
                                                String summary, List<String> evidenceRefs,
                                                PersonId confirmedByPersonId) implements ParticipationEvent {
    }

    /** {@code date} is the business day the group was formed; null in revision 1, which did not carry it. */
    @Revision("2")
    record UnitLeadingGroupFormed(ParticipationId participationId, PersonId headPersonId, List<PersonId> memberIds,
                                  PersonId officeHeadPersonId, LocalDate date) implements ParticipationEvent {
    }

    @Revision("1")
    record UnitMobilisationHeld(ParticipationId participationId, LocalDate date) implements ParticipationEvent {
    }

    @Revision("1")
    record GateFactCredited(ParticipationId participationId, GateFact fact, String sourceAggregateType,
                            String sourceAggregateId, String sourceEventId) implements ParticipationEvent {
    }

    @Revision("1")
    record GateFactRevoked(ParticipationId participationId, GateFact fact, String reason, String sourceEventId)
            implements ParticipationEvent {
    }

    /** The predecessor's start of the stage is copied in as it was read (R-UNP-07/08), so replay never re-reads it. */
    @Revision("1")
    record StageStarted(ParticipationId participationId, int stage, LocalDate date, LocalDate plannedTo,
                        UnitId predecessorUnitId, LocalDate predecessorStarted) implements ParticipationEvent {
    }

    @Revision("1")
    record StageCompleted(ParticipationId participationId, int stage, LocalDate date) implements ParticipationEvent {
    }

    @Revision("1")
    record StudyActivityRecorded(ParticipationId participationId, String activityId, StudyActivityType activityType,
                                 StudyActivityType format, LocalDate from, LocalDate to, int halfDays,
                                 int participantCount, List<PersonId> sgAttendeePersonIds,
                                 boolean countsAsConcentratedStudy, boolean countsAsSeminar)
            implements ParticipationEvent {
    }

    @Revision("1")
    record GrassrootsListeningRecorded(ParticipationId participationId, PersonId leaderPersonId, LocalDate from,
                                       LocalDate to, long days, List<String> placesVisited)
            implements ParticipationEvent {
    }

    @Revision("1")
    record SymposiumRecorded(ParticipationId participationId, PersonId hostPersonId, LocalDate date,
                             int attendeeCount) implements ParticipationEvent {
    }

    @Revision("1")
    record ReworkOrdered(ParticipationId participationId, String reworkId, String evaluationId,
                         Set<ReworkScope> scope, String reason, PersonId orderedByPersonId)
            implements ParticipationEvent {
    }

    @Revision("1")
    record ReworkCompleted(ParticipationId participationId, String reworkId, List<String> evidenceRefs,
                           PersonId confirmedByPersonId) implements ParticipationEvent {
    }

    @Revision("1")
    record StageExtended(ParticipationId participationId, int stage, LocalDate oldPlannedTo, LocalDate newPlannedTo,
                         String lookBackId, List<String> makeUpActivities) implements ParticipationEvent {
    }

    @Revision("1")
    record StageReopened(ParticipationId participationId, int stage, ParticipationState previousState,
                         String lookBackId, Set<GateFact> invalidatedGateFacts) implements ParticipationEvent {
    }

    @Revision("1")
    record ParticipationConcluded(ParticipationId participationId, LocalDate date, long daysSinceStage1Start)
            implements ParticipationEvent {
    }

    @Revision("1")
    record ParticipationWithdrawn(ParticipationId participationId, String reason, LocalDate date)
            implements ParticipationEvent {
    }

    @Revision("1")
    record AccountabilityMeasureRecorded(ParticipationId participationId, PersonId personId,
                                         AccountabilityMeasure measure, String reason, PersonId recordedByPersonId)
            implements ParticipationEvent {
    }

    /** An ADVISORY rule was not met; the command still went through (DOMAIN §0.3). */
    @Revision("1")
    record RuleWarningRaised(ParticipationId participationId, String ruleId, String details)
            implements ParticipationEvent {
    }

    /** ADVISORY: the stage's planned window ended while the unit was still in it (DOMAIN §4.19 stageWindowEnd). */
    @Revision("1")
    record StageWindowExceeded(ParticipationId participationId, int stage, LocalDate plannedTo,
                               java.time.Instant triggeredAt)
            implements ParticipationEvent, org.campaignledger.kernel.command.SystemTriggered {
    }
}
