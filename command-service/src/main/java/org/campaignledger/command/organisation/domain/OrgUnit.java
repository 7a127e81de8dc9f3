package org.campaignledger.command.organisation.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.OrgUnitCommand.RegisterUnit;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitRegistered;

/** A unit of the org tree (DOMAIN §4.1). */
public class OrgUnit {
    @AggregateIdentifier
    private UnitId unitId;

    protected OrgUnit() {
        // for event sourcing
    }

    @CommandHandler
    public OrgUnit(RegisterUnit command, UnitDirectory directory) {
        List<UnitId> ancestors = List.of();
        UnitId jurisdiction = command.jurisdictionUnitId();
        if (command.parentUnitId() != null) {
            var parent = directory.find(command.parentUnitId()).orElseThrow(() -> new RuleViolation("R-ORG-01",
                    "parent unit " + command.parentUnitId() + " is not registered",
                    Map.of("field", "parentUnitId", "parentUnitId", command.parentUnitId().value())));
            // R-ORG-01: the tree is acyclic and a child's level is never above its parent's.
            if (parent.pathIncludingSelf().contains(command.unitId())) {
                throw new RuleViolation("R-ORG-01", "unit " + command.unitId() + " cannot be its own ancestor",
                        Map.of("field", "parentUnitId"));
            }
            if (!parent.level().isAtOrAbove(command.level())) {
                throw new RuleViolation("R-ORG-01", "a " + command.level() + " unit cannot be placed under the "
                        + parent.level() + " unit " + parent.unitId(),
                        Map.of("field", "level", "level", command.level().name(),
                                "parentLevel", parent.level().name()));
            }
            ancestors = parent.pathIncludingSelf();
            if (jurisdiction == null) {
                jurisdiction = isJurisdictionLevel(command.level()) ? command.unitId() : parent.jurisdictionUnitId();
            }
        } else if (jurisdiction == null && isJurisdictionLevel(command.level())) {
            jurisdiction = command.unitId();
        }
        if (jurisdiction != null && !jurisdiction.equals(command.unitId()) && !ancestors.contains(jurisdiction)) {
            throw new RuleViolation(PlatformRules.VALIDATION,
                    "the jurisdiction must be the unit itself or one of its ancestors",
                    Map.of("field", "jurisdictionUnitId"));
        }
        apply(new UnitRegistered(command.unitId(), command.code(), command.name(), command.level(),
                command.unitType(), command.partyOrgKind(), command.parentUnitId(), jurisdiction, command.flags(),
                ancestors));
    }

    /** Campaign offices sit at county and city level (DOMAIN §4.3), so those units coordinate their subtree. */
    private static boolean isJurisdictionLevel(Level level) {
        return level == Level.COUNTY || level == Level.CITY;
    }

    @EventSourcingHandler
    void on(UnitRegistered event) {
        unitId = event.unitId();
    }
}
