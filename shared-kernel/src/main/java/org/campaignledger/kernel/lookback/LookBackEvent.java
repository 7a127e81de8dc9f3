package org.campaignledger.kernel.lookback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.command.SystemTriggered;
import org.campaignledger.kernel.id.LookBackId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationId;

/**
 * Events of the {@code LookBackReview} aggregate (DOMAIN §4.14, DOMAIN-ERRATA B3 and I9). Every event names the
 * participation it reviews; those the look-back effects and the meeting preparation act on also carry the unit
 * and the reviewed stage, their association keys (DOMAIN-ERRATA B2).
 */
public sealed interface LookBackEvent extends LedgerEvent {
    LookBackId lookBackId();

    ParticipationId participationId();

    @Override
    default String concernsUnitId() {
        return participationId().unitId().value();
    }

    @Override
    default String concernsCampaignId() {
        return participationId().campaignId().value();
    }

    @Revision("1")
    record LookBackOpened(LookBackId lookBackId, ParticipationId participationId, UnitId unitId, int batchNo,
                          UnitId jurisdictionUnitId, int reviewedStage, SgId sgId, ReviewWindow window,
                          PersonId openedByPersonId) implements LookBackEvent {
    }

    /** The notes are INTERNAL content kept in the vault; the event carries their token. */
    @Revision("1")
    record LookBackFindingRecorded(LookBackId lookBackId, ParticipationId participationId, CheckItem checkItem,
                                   FindingResult result, String notesRef, List<String> evidenceRefs,
                                   PersonId recordedByPersonId) implements LookBackEvent {
    }

    @Revision("1")
    record LookBackOutcomeDecided(LookBackId lookBackId, ParticipationId participationId, UnitId unitId,
                                  int reviewedStage, OutcomeTerms terms, PersonId decidedByPersonId)
            implements LookBackEvent {
    }

    @Revision("1")
    record LookBackCorrectiveActionCompleted(LookBackId lookBackId, ParticipationId participationId, String actionId,
                                             List<String> evidenceRefs, PersonId confirmedByPersonId)
            implements LookBackEvent {
    }

    @Revision("1")
    record LookBackMakeUpActivityCompleted(LookBackId lookBackId, ParticipationId participationId, String activityId,
                                           List<String> evidenceRefs, PersonId confirmedByPersonId)
            implements LookBackEvent {
    }

    @Revision("1")
    record LookBackDowngradeProposed(LookBackId lookBackId, ParticipationId participationId, String proposalId,
                                     LookBackOutcome currentOutcome, OutcomeTerms terms, String justification,
                                     PersonId proposedByPersonId) implements LookBackEvent {
    }

    /** An upgrade by the SG names its member as both proposer and approver. */
    @Revision("1")
    record LookBackOutcomeAmended(LookBackId lookBackId, ParticipationId participationId, UnitId unitId,
                                  int reviewedStage, LookBackOutcome oldOutcome, OutcomeTerms terms,
                                  String justification, PersonId proposedByPersonId, PersonId approvedByPersonId)
            implements LookBackEvent {
    }

    @Revision("1")
    record LookBackRedoCompleted(LookBackId lookBackId, ParticipationId participationId, UnitId unitId,
                                 int reviewedStage, LocalDate completedOn) implements LookBackEvent {
    }

    @Revision("1")
    record LookBackConcluded(LookBackId lookBackId, ParticipationId participationId, UnitId unitId, int reviewedStage,
                             LookBackOutcome finalOutcome, PersonId concludedByPersonId) implements LookBackEvent {
    }

    @Revision("1")
    record LookBackCorrectiveActionBecameOverdue(LookBackId lookBackId, ParticipationId participationId,
                                                 String actionId, LocalDate dueDate, Instant triggeredAt)
            implements LookBackEvent, SystemTriggered {
    }

    /** An ADVISORY rule was not met; the command still went through (DOMAIN §0.3). */
    @Revision("1")
    record LookBackRuleWarningRaised(LookBackId lookBackId, ParticipationId participationId, String ruleId,
                                     String details) implements LookBackEvent {
    }
}
