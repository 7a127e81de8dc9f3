package org.campaignledger.kernel.organisation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.id.UnitId;

/** Events of the {@code OrgUnit} aggregate (DOMAIN §4.1). */
public sealed interface OrgUnitEvent extends LedgerEvent {

    /**
     * A unit joined the tree. {@code ancestorIds} is the path from the root down to the parent, copied from
     * the command-side directory when the unit registered so that replay never has to look it up again.
     */
    @Revision("1")
    record UnitRegistered(UnitId unitId, String code, String name, Level level, UnitType unitType,
                          PartyOrgKind partyOrgKind, UnitId parentUnitId, UnitId jurisdictionUnitId,
                          UnitFlags flags, List<UnitId> ancestorIds) implements OrgUnitEvent {
        @Override
        public String concernsUnitId() {
            return unitId.value();
        }

        @Override
        public String concernsJurisdictionId() {
            return jurisdictionUnitId == null ? null : jurisdictionUnitId.value();
        }
    }
}
