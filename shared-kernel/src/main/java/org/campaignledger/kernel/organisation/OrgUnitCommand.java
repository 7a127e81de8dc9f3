package org.campaignledger.kernel.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.campaignledger.kernel.command.CreationCommand;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the {@code OrgUnit} aggregate (DOMAIN §4.1). */
public sealed interface OrgUnitCommand extends LedgerCommand {

    /** Register a unit in the org tree. A root unit (no parent) is the top of a tree, e.g. a province. */
    record RegisterUnit(@TargetAggregateIdentifier UnitId unitId, String code, String name, Level level,
                        UnitType unitType, PartyOrgKind partyOrgKind, UnitId parentUnitId,
                        UnitId jurisdictionUnitId, UnitFlags flags) implements OrgUnitCommand, CreationCommand {
        public RegisterUnit {
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.requiredText(code, "code", 64);
            InvalidCommandException.requiredText(name, "name", 200);
            InvalidCommandException.required(level, "level");
            InvalidCommandException.required(unitType, "unitType");
            InvalidCommandException.required(partyOrgKind, "partyOrgKind");
            flags = flags == null ? UnitFlags.NONE : flags;
        }
    }

    /** Rosters are time-versioned: {@code effectiveFrom} is the first business day of the membership. */
    record AppointRosterMember(@TargetAggregateIdentifier UnitId unitId, PersonId personId, RosterPosition position,
                               boolean mainLeader, LocalDate effectiveFrom) implements OrgUnitCommand {
        public AppointRosterMember {
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(personId, "personId");
            InvalidCommandException.required(position, "position");
            InvalidCommandException.required(effectiveFrom, "effectiveFrom");
        }
    }

    /** {@code effectiveTo} is the last business day of the membership (inclusive). */
    record EndRosterMembership(@TargetAggregateIdentifier UnitId unitId, PersonId personId, LocalDate effectiveTo,
                               RosterEndReason reason) implements OrgUnitCommand {
        public EndRosterMembership {
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(personId, "personId");
            InvalidCommandException.required(effectiveTo, "effectiveTo");
            InvalidCommandException.required(reason, "reason");
        }
    }

    record AssignPortfolio(@TargetAggregateIdentifier UnitId unitId, PersonId memberPersonId,
                           List<UnitId> departmentUnitIds, LocalDate effectiveFrom) implements OrgUnitCommand {
        public AssignPortfolio {
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(memberPersonId, "memberPersonId");
            InvalidCommandException.required(departmentUnitIds, "departmentUnitIds");
            if (departmentUnitIds.isEmpty() || departmentUnitIds.stream().anyMatch(Objects::isNull)) {
                throw new InvalidCommandException("departmentUnitIds", "must name at least one department");
            }
            departmentUnitIds = List.copyOf(departmentUnitIds);
            InvalidCommandException.required(effectiveFrom, "effectiveFrom");
        }
    }

    record AppointDepartmentHead(@TargetAggregateIdentifier UnitId unitId, UnitId departmentUnitId,
                                 PersonId personId, LocalDate effectiveFrom) implements OrgUnitCommand {
        public AppointDepartmentHead {
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(departmentUnitId, "departmentUnitId");
            InvalidCommandException.required(personId, "personId");
            InvalidCommandException.required(effectiveFrom, "effectiveFrom");
        }
    }

    /** Makes this unit the contact point of a higher-level leader (R-ORG-06). */
    record DesignateContactPoint(@TargetAggregateIdentifier UnitId unitId, PersonId leaderPersonId,
                                 Level leaderLevel, LocalDate effectiveFrom) implements OrgUnitCommand {
        public DesignateContactPoint {
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(leaderPersonId, "leaderPersonId");
            InvalidCommandException.required(leaderLevel, "leaderLevel");
            InvalidCommandException.required(effectiveFrom, "effectiveFrom");
        }
    }

    record FlagUnit(@TargetAggregateIdentifier UnitId unitId, UnitFlag flag, boolean value, String reason)
            implements OrgUnitCommand {
        public FlagUnit {
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(flag, "flag");
            InvalidCommandException.requiredText(reason, "reason", 2_000);
        }
    }

    record ReparentUnit(@TargetAggregateIdentifier UnitId unitId, UnitId newParentUnitId, LocalDate effectiveDate,
                        String reason) implements OrgUnitCommand {
        public ReparentUnit {
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(newParentUnitId, "newParentUnitId");
            InvalidCommandException.required(effectiveDate, "effectiveDate");
        }
    }

    record MergeUnit(@TargetAggregateIdentifier UnitId unitId, UnitId intoUnitId, LocalDate effectiveDate)
            implements OrgUnitCommand {
        public MergeUnit {
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(intoUnitId, "intoUnitId");
            InvalidCommandException.required(effectiveDate, "effectiveDate");
        }
    }

    record DissolveUnit(@TargetAggregateIdentifier UnitId unitId, LocalDate effectiveDate, String reason)
            implements OrgUnitCommand {
        public DissolveUnit {
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(effectiveDate, "effectiveDate");
        }
    }

    /** A corrected unit type; frozen once the unit has reached Stage 2 (R-ORG-02). */
    record ReclassifyUnit(@TargetAggregateIdentifier UnitId unitId, UnitType newType, String reason)
            implements OrgUnitCommand {
        public ReclassifyUnit {
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(newType, "newType");
            InvalidCommandException.requiredText(reason, "reason", 2000);
        }
    }
}
