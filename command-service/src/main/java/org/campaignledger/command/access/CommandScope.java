package org.campaignledger.command.access;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationId;

/**
 * The units a command concerns, in which its sender must hold a role. Ids that name their unit answer at once
 * (a participation, an evaluation attempt, a rollout's jurisdiction, a unit); other aggregates answer from the
 * lookups; a command that creates one of those names its unit in its payload.
 */
final class CommandScope {
    /** Payload fields that place a creating command, in order of preference. */
    private static final List<String> PLACING_FIELDS = List.of("unitId", "collectedAtUnitId", "dispatchingUnitId",
            "participationId");

    private final AccessLookups lookups;

    CommandScope(AccessLookups lookups) {
        this.lookups = lookups;
    }

    Set<UnitId> unitsOf(LedgerCommand command, Object targetId) {
        UnitId named = unitNamedBy(targetId);
        if (named != null) {
            return Set.of(named);
        }
        Set<UnitId> units = new LinkedHashSet<>(lookups.unitsOf(String.valueOf(targetId)));
        if (units.isEmpty()) {
            for (String field : PLACING_FIELDS) {
                UnitId placed = unitNamedBy(component(command, field));
                if (placed != null) {
                    units.add(placed);
                    break;
                }
            }
        }
        return units;
    }

    private static UnitId unitNamedBy(Object id) {
        if (id instanceof UnitId unit) {
            return unit;
        }
        if (id instanceof ParticipationId participation) {
            return participation.unitId();
        }
        if (id instanceof EvaluationId evaluation) {
            return evaluation.participationId().unitId();
        }
        if (id instanceof RolloutId rollout) {
            return rollout.jurisdictionUnitId();
        }
        return null;
    }

    private static Object component(LedgerCommand command, String name) {
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(command);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + command.getClass(), e);
                }
            }
        }
        return null;
    }
}
