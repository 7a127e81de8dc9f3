package org.campaignledger.kernel.organisation;

import org.campaignledger.kernel.command.CreationCommand;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
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
}
