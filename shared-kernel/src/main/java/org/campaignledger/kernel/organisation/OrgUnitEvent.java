package org.campaignledger.kernel.organisation;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** Events of the {@code OrgUnit} aggregate (DOMAIN §4.1). */
public sealed interface OrgUnitEvent extends LedgerEvent {
    UnitId unitId();

    @Override
    default String concernsUnitId() {
        return unitId().value();
    }

    /**
     * A unit joined the tree. {@code ancestorIds} is the path from the root down to the parent, copied from
     * the command-side directory when the unit registered so that replay never has to look it up again.
     */
    @Revision("1")
    record UnitRegistered(UnitId unitId, String code, String name, Level level, UnitType unitType,
                          PartyOrgKind partyOrgKind, UnitId parentUnitId, UnitId jurisdictionUnitId,
                          UnitFlags flags, List<UnitId> ancestorIds) implements OrgUnitEvent {
        @Override
        public String concernsJurisdictionId() {
            return jurisdictionUnitId == null ? null : jurisdictionUnitId.value();
        }
    }

    @Revision("1")
    record RosterMemberAppointed(UnitId unitId, PersonId personId, RosterPosition position, boolean mainLeader,
                                 LocalDate effectiveFrom) implements OrgUnitEvent {
    }

    @Revision("1")
    record RosterMembershipEnded(UnitId unitId, PersonId personId, LocalDate effectiveTo, RosterEndReason reason)
            implements OrgUnitEvent {
    }

    @Revision("1")
    record PortfolioAssigned(UnitId unitId, PersonId memberPersonId, List<UnitId> departmentUnitIds,
                             LocalDate effectiveFrom) implements OrgUnitEvent {
    }

    @Revision("1")
    record DepartmentHeadAppointed(UnitId unitId, UnitId departmentUnitId, PersonId personId,
                                   LocalDate effectiveFrom) implements OrgUnitEvent {
    }

    @Revision("1")
    record ContactPointDesignated(UnitId unitId, PersonId leaderPersonId, Level leaderLevel, LocalDate effectiveFrom)
            implements OrgUnitEvent {
    }

    @Revision("1")
    record UnitFlagged(UnitId unitId, UnitFlag flag, boolean value, String reason) implements OrgUnitEvent {
    }

    /**
     * The unit moved under another parent. {@code ancestorIds} and {@code jurisdictionUnitId} are the unit's
     * new path and jurisdiction, copied from the directory when it moved, as in {@link UnitRegistered}.
     */
    @Revision("1")
    record UnitReparented(UnitId unitId, UnitId oldParentUnitId, UnitId newParentUnitId, List<UnitId> ancestorIds,
                          UnitId jurisdictionUnitId, LocalDate effectiveDate, String reason) implements OrgUnitEvent {
        @Override
        public String concernsJurisdictionId() {
            return jurisdictionUnitId == null ? null : jurisdictionUnitId.value();
        }
    }

    @Revision("1")
    record UnitMerged(UnitId unitId, UnitId intoUnitId, LocalDate effectiveDate) implements OrgUnitEvent {
    }

    @Revision("1")
    record UnitDissolved(UnitId unitId, LocalDate effectiveDate, String reason) implements OrgUnitEvent {
    }

    @Revision("1")
    record UnitReclassified(UnitId unitId, UnitType oldType, UnitType newType, String reason) implements OrgUnitEvent {
        @Override
        public String concernsUnitId() {
            return unitId.value();
        }
    }
}
