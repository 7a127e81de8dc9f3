package org.campaignledger.command.supervision.domain;

import java.util.Optional;
import java.util.Set;
import org.campaignledger.command.organisation.domain.UnitDirectory.UnitFacts;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.supervision.SgKind;

/** R-SG-01 with DOMAIN-ERRATA B7: which body may send which kind of group to which unit. */
final class DispatchRules {
    /** Grassroots organisations that get a guidance group from their superior party organisation. */
    private static final Set<UnitType> GUIDED = Set.of(UnitType.VILLAGE_COMMUNITY, UnitType.NON_PUBLIC_OR_SOCIAL);
    /** Supervised by the city or county where they are located, whatever their parent in the tree. */
    private static final Set<UnitType> BY_LOCATION =
            Set.of(UnitType.DEV_ZONE, UnitType.HIGHER_VOCATIONAL, UnitType.PROVINCIAL_SUBORDINATE);
    /** Subordinate units of provincial bodies and enterprises, which also get the provincial body's circuit group. */
    private static final Set<UnitType> PROVINCIAL_CIRCUIT_TARGETS =
            Set.of(UnitType.PROVINCIAL_SUBORDINATE, UnitType.SOE);

    private DispatchRules() {
    }

    /** Why {@code dispatcher} may not send a group of {@code kind} to {@code target}, or empty when it may. */
    static Optional<String> refusal(SgKind kind, UnitFacts dispatcher, UnitFacts target) {
        boolean allowed = switch (kind) {
            case GUIDANCE -> GUIDED.contains(target.unitType()) && isAncestor(dispatcher, target);
            case CIRCUIT -> dispatcher.level() == Level.CENTRAL
                    && (target.level() == Level.PROVINCE || target.level() == Level.CITY)
                    || dispatcher.level() == Level.PROVINCE && isAncestor(dispatcher, target)
                    && PROVINCIAL_CIRCUIT_TARGETS.contains(target.unitType());
            case JOINT -> isAncestor(dispatcher, target)
                    && (target.level() == Level.CITY || target.level() == Level.COUNTY)
                    && target.level().rank() > dispatcher.level().rank();
            case SUPERVISION -> supervisionAllowed(dispatcher, target);
        };
        if (allowed) {
            return Optional.empty();
        }
        return Optional.of("a " + dispatcher.level() + " unit may not send a " + kind + " group to "
                + target.unitId() + " (" + target.level() + ", " + target.unitType() + ")");
    }

    private static boolean supervisionAllowed(UnitFacts dispatcher, UnitFacts target) {
        if (GUIDED.contains(target.unitType()) || target.unitId().equals(dispatcher.unitId())) {
            return false;
        }
        return switch (dispatcher.level()) {
            case PROVINCE -> target.level() == Level.CITY && target.unitType() == UnitType.LEADING_BODY
                    && isAncestor(dispatcher, target);
            case CITY, COUNTY -> coordinatedBy(dispatcher, target)
                    && (target.level() == dispatcher.level()
                    || dispatcher.level() == Level.COUNTY && target.level() == Level.TOWNSHIP
                    || BY_LOCATION.contains(target.unitType()));
            default -> false;
        };
    }

    private static boolean coordinatedBy(UnitFacts jurisdiction, UnitFacts target) {
        return jurisdiction.unitId().equals(target.jurisdictionUnitId()) || isAncestor(jurisdiction, target);
    }

    private static boolean isAncestor(UnitFacts ancestor, UnitFacts target) {
        return target.ancestorIds().contains(ancestor.unitId());
    }
}
