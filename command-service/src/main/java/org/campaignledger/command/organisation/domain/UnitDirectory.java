package org.campaignledger.command.organisation.domain;

import java.util.List;
import java.util.Optional;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;

/** Read access to the org tree for command handlers that guard on another unit (DOMAIN-ERRATA I4). */
public interface UnitDirectory {

    Optional<UnitFacts> find(UnitId unitId);

    /** What other aggregates may know of a unit. {@code ancestorIds} runs from the root down to the parent. */
    record UnitFacts(UnitId unitId, Level level, UnitType unitType, UnitId jurisdictionUnitId,
                     List<UnitId> ancestorIds) {
        public List<UnitId> pathIncludingSelf() {
            var path = new java.util.ArrayList<>(ancestorIds);
            path.add(unitId);
            return List.copyOf(path);
        }
    }
}
