package org.campaignledger.kernel.rollout;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.kernel.command.CreationCommand;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.UnitType;

/** Commands of the {@code JurisdictionRollout} aggregate (DOMAIN §4.3, DOMAIN-ERRATA B5, B7). */
public sealed interface RolloutCommand extends LedgerCommand {

    /**
     * The id is always derived from campaign, batch and jurisdiction, whatever the client sent, so that one
     * jurisdiction has one rollout per batch.
     */
    record OpenRollout(@TargetAggregateIdentifier RolloutId rolloutId, CampaignId campaignId, int batchNo,
                       UnitId jurisdictionUnitId) implements RolloutCommand, CreationCommand {
        public OpenRollout {
            InvalidCommandException.required(campaignId, "campaignId");
            InvalidCommandException.required(jurisdictionUnitId, "jurisdictionUnitId");
            if (batchNo < 1) {
                throw new InvalidCommandException("batchNo", "must be 1 or more");
            }
            rolloutId = RolloutId.of(campaignId, batchNo, jurisdictionUnitId);
        }
    }

    /** The head is also a member; {@code date} is the business date of the decision. */
    record EstablishLeadingGroup(@TargetAggregateIdentifier RolloutId rolloutId, PersonId headPersonId,
                                 Set<PersonId> memberIds, LocalDate date) implements RolloutCommand {
        public EstablishLeadingGroup {
            InvalidCommandException.required(rolloutId, "rolloutId");
            InvalidCommandException.required(headPersonId, "headPersonId");
            InvalidCommandException.required(date, "date");
            memberIds = withPerson(memberIds, headPersonId);
        }
    }

    record EstablishCampaignOffice(@TargetAggregateIdentifier RolloutId rolloutId, PersonId directorPersonId,
                                   Set<PersonId> staffIds, Set<PersonId> approverIds, LocalDate date)
            implements RolloutCommand {
        public EstablishCampaignOffice {
            InvalidCommandException.required(rolloutId, "rolloutId");
            InvalidCommandException.required(directorPersonId, "directorPersonId");
            InvalidCommandException.required(date, "date");
            staffIds = staffIds == null ? Set.of() : Set.copyOf(staffIds);
            if (approverIds == null || approverIds.isEmpty()) {
                throw new InvalidCommandException("approverIds", "must name at least one approver");
            }
            approverIds = Set.copyOf(approverIds);
        }
    }

    /**
     * Defines a tier, or redefines one whose windows move (R-RLO-04). {@code exceptionId} names a policy
     * exception for R-RLO-03 granted to the jurisdiction unit; {@code date} is the business date of the decision,
     * against which the exception's {@code validUntil} is checked.
     */
    record DefineTier(@TargetAggregateIdentifier RolloutId rolloutId, int tierNo, TierSelector selector,
                      Map<Stage, DateWindow> plannedWindows, LocalDate date, ExceptionId exceptionId)
            implements RolloutCommand {
        public DefineTier {
            InvalidCommandException.required(rolloutId, "rolloutId");
            if (tierNo < 1) {
                throw new InvalidCommandException("tierNo", "must be 1 or more");
            }
            InvalidCommandException.required(selector, "selector");
            InvalidCommandException.required(date, "date");
            plannedWindows = plannedWindows == null ? Map.of() : Map.copyOf(plannedWindows);
        }
    }

    record IssueTypeGuidance(@TargetAggregateIdentifier RolloutId rolloutId, UnitType unitType, String documentRef)
            implements RolloutCommand {
        public IssueTypeGuidance {
            InvalidCommandException.required(rolloutId, "rolloutId");
            InvalidCommandException.required(unitType, "unitType");
            InvalidCommandException.requiredText(documentRef, "documentRef", 500);
        }
    }

    record OverridePolicy(@TargetAggregateIdentifier RolloutId rolloutId, String parameter, String value,
                          String reason) implements RolloutCommand {
        public OverridePolicy {
            InvalidCommandException.required(rolloutId, "rolloutId");
            InvalidCommandException.requiredText(parameter, "parameter", 64);
            InvalidCommandException.requiredText(value, "value", 500);
            InvalidCommandException.requiredText(reason, "reason", 2000);
        }
    }

    record HoldMobilisationConference(@TargetAggregateIdentifier RolloutId rolloutId, LocalDate date)
            implements RolloutCommand {
        public HoldMobilisationConference {
            InvalidCommandException.required(rolloutId, "rolloutId");
            InvalidCommandException.required(date, "date");
        }
    }

    /**
     * The approver is the acting person. {@code exceptionId} is generated when the client sends none. An
     * exception is single-use unless {@code reusable} (DOMAIN-ERRATA I16).
     */
    record GrantPolicyException(@TargetAggregateIdentifier RolloutId rolloutId, ExceptionId exceptionId,
                                UnitId unitId, String ruleId, String justification, LocalDate date,
                                LocalDate validUntil, boolean reusable) implements RolloutCommand {
        public GrantPolicyException {
            InvalidCommandException.required(rolloutId, "rolloutId");
            exceptionId = exceptionId == null ? ExceptionId.generate() : exceptionId;
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.requiredText(ruleId, "ruleId", 32);
            InvalidCommandException.requiredText(justification, "justification", 4000);
            InvalidCommandException.required(date, "date");
            if (validUntil != null && validUntil.isBefore(date)) {
                throw new InvalidCommandException("validUntil", "must not be before date");
            }
        }
    }

    record RecordReportHearing(@TargetAggregateIdentifier RolloutId rolloutId, PersonId secretaryPersonId,
                               YearMonth month, LocalDate date) implements RolloutCommand {
        public RecordReportHearing {
            InvalidCommandException.required(rolloutId, "rolloutId");
            InvalidCommandException.required(secretaryPersonId, "secretaryPersonId");
            InvalidCommandException.required(month, "month");
            InvalidCommandException.required(date, "date");
        }
    }

    record CloseRollout(@TargetAggregateIdentifier RolloutId rolloutId, LocalDate date) implements RolloutCommand {
        public CloseRollout {
            InvalidCommandException.required(rolloutId, "rolloutId");
            InvalidCommandException.required(date, "date");
        }
    }

    private static Set<PersonId> withPerson(Set<PersonId> persons, PersonId person) {
        Set<PersonId> all = new LinkedHashSet<>(persons == null ? Set.of() : persons);
        all.add(person);
        return Set.copyOf(all);
    }
}
