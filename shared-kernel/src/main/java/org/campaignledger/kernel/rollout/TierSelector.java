package org.campaignledger.kernel.rollout;

import java.util.Comparator;
import java.util.Set;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;

/** Which units a tier covers: units at one of {@code levels}, of one of {@code unitTypes} (empty = every type). */
public record TierSelector(Set<Level> levels, Set<UnitType> unitTypes) {
    public TierSelector {
        if (levels == null || levels.isEmpty()) {
            throw new InvalidCommandException("selector.levels", "must name at least one level");
        }
        levels = Set.copyOf(levels);
        unitTypes = unitTypes == null ? Set.of() : Set.copyOf(unitTypes);
    }

    public Level highestLevel() {
        return levels.stream().min(Comparator.comparingInt(Level::rank)).orElseThrow();
    }

    public boolean covers(Level level, UnitType unitType) {
        return levels.contains(level) && (unitTypes.isEmpty() || unitTypes.contains(unitType));
    }
}
