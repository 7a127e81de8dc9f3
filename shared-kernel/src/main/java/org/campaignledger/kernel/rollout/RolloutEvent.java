package org.campaignledger.kernel.rollout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.command.SystemTriggered;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;

/**
 * Events of the {@code JurisdictionRollout} aggregate (DOMAIN §4.3). Every event names the campaign and the
 * jurisdiction, so the envelope carries the policy version and nothing has to parse the rollout id.
 */
public sealed interface RolloutEvent extends LedgerEvent {
    RolloutId rolloutId();

    CampaignId campaignId();

    UnitId jurisdictionUnitId();

    @Override
    default String concernsCampaignId() {
        return campaignId().value();
    }

    @Override
    default String concernsJurisdictionId() {
        return jurisdictionUnitId().value();
    }

    @Revision("1")
    record RolloutOpened(RolloutId rolloutId, CampaignId campaignId, int batchNo, UnitId jurisdictionUnitId,
                         Level jurisdictionLevel) implements RolloutEvent {
    }

    @Revision("1")
    record LeadingGroupEstablished(RolloutId rolloutId, CampaignId campaignId, UnitId jurisdictionUnitId,
                                   PersonId headPersonId, Set<PersonId> memberIds, LocalDate date)
            implements RolloutEvent {
    }

    /** One office per rollout: the rollout id identifies it. */
    @Revision("1")
    record CampaignOfficeEstablished(RolloutId rolloutId, CampaignId campaignId, UnitId jurisdictionUnitId,
                                     PersonId directorPersonId, Set<PersonId> staffIds, Set<PersonId> approverIds,
                                     LocalDate date)
            implements RolloutEvent {
    }

    /** {@code exceptionId} is the R-RLO-03 exception this definition used, or null. */
    @Revision("1")
    record TierDefined(RolloutId rolloutId, CampaignId campaignId, UnitId jurisdictionUnitId, int tierNo,
                       TierSelector selector, Map<Stage, DateWindow> plannedWindows, LocalDate date,
                       ExceptionId exceptionId)
            implements RolloutEvent {
    }

    @Revision("1")
    record TypeGuidanceIssued(RolloutId rolloutId, CampaignId campaignId, UnitId jurisdictionUnitId, UnitType unitType,
                              String documentRef) implements RolloutEvent {
    }

    @Revision("1")
    record PolicyOverridden(RolloutId rolloutId, CampaignId campaignId, UnitId jurisdictionUnitId, String parameter,
                            String value, String reason, PersonId overriddenByPersonId) implements RolloutEvent {
    }

    @Revision("1")
    record MobilisationConferenceHeld(RolloutId rolloutId, CampaignId campaignId, UnitId jurisdictionUnitId,
                                      LocalDate date) implements RolloutEvent {
    }

    @Revision("1")
    record PolicyExceptionGranted(RolloutId rolloutId, CampaignId campaignId, UnitId jurisdictionUnitId,
                                  ExceptionId exceptionId, UnitId unitId, String ruleId, String justification,
                                  PersonId approvedByPersonId, LocalDate date, LocalDate validUntil, boolean reusable)
            implements RolloutEvent {
        @Override
        public String concernsUnitId() {
            return unitId.value();
        }
    }

    @Revision("1")
    record LowerLevelReportHeard(RolloutId rolloutId, CampaignId campaignId, UnitId jurisdictionUnitId,
                                 PersonId secretaryPersonId, YearMonth month, LocalDate date) implements RolloutEvent {
    }

    /**
     * R-UNP-24 (ADVISORY): when a month ends, a secretary owing monthly report hearings held fewer than
     * {@code monthlyReportHearingsMin} for it. {@code unitId} is the secretary's unit.
     */
    @Revision("1")
    record ReportHearingMissed(RolloutId rolloutId, CampaignId campaignId, UnitId jurisdictionUnitId, UnitId unitId,
                               PersonId secretaryPersonId, YearMonth month, int hearings, int required,
                               Instant triggeredAt) implements RolloutEvent, SystemTriggered {
        @Override
        public String concernsUnitId() {
            return unitId.value();
        }
    }

    @Revision("1")
    record RolloutClosed(RolloutId rolloutId, CampaignId campaignId, UnitId jurisdictionUnitId, LocalDate date)
            implements RolloutEvent {
    }
}
