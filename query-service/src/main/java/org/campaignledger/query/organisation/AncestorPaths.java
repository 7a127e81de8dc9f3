package org.campaignledger.query.organisation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.conversions.Bson;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReparented;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.stereotype.Component;

/**
 * Re-stamps {@code ancestorIds} when a unit moves (DOMAIN §5 conventions): the moved unit's documents take its new
 * path, and every document below it takes the new path, the moved unit and the part of its old path below it.
 *
 * <p>The moved unit's event is not an event of the documents below it, so their sequences stay untouched. A
 * re-delivered move re-stamps to the same paths; a stale one (a later move of the same unit is already applied,
 * which {@code rm_path_marks} remembers per collection) changes nothing.
 */
@Component
public class AncestorPaths {
    static final String MARKS = "rm_path_marks";

    private final ReadModels readModels;

    public AncestorPaths(ReadModels readModels) {
        this.readModels = readModels;
    }

    /**
     * {@code withTreeFields}: the collection also holds each unit's {@code depth} and tree jurisdiction
     * ({@code rm_org_tree}); participations keep their rollout's jurisdiction.
     */
    public void restamp(String collection, LedgerEvent event, UnitReparented moved, boolean withTreeFields) {
        String movedId = moved.unitId().value();
        String markId = collection + "|" + movedId;
        readModels.setIfNewer(MARKS, markId, event, "sequence", event.aggregateSequence());
        Number latest = readModels.find(MARKS, markId).get("sequence", Number.class);
        if (latest.longValue() != event.aggregateSequence()) {
            return;
        }
        List<String> newPath = moved.ancestorIds().stream().map(UnitId::value).toList();
        String newJurisdiction = moved.jurisdictionUnitId() == null ? null : moved.jurisdictionUnitId().value();
        readModels.query(collection, Filters.or(Filters.eq("unitId", movedId), Filters.eq("ancestorIds", movedId)))
                .forEach(document -> {
                    List<String> oldPath = document.getList("ancestorIds", String.class, List.of());
                    List<String> path = new ArrayList<>(newPath);
                    int at = oldPath.indexOf(movedId);
                    boolean below = !movedId.equals(document.getString("unitId")) && at >= 0;
                    List<String> belowMoved = below ? oldPath.subList(at + 1, oldPath.size()) : List.of();
                    if (below) {
                        path.add(movedId);
                        path.addAll(belowMoved);
                    }
                    List<Bson> updates = new ArrayList<>(List.of(Updates.set("ancestorIds", path)));
                    if (withTreeFields) {
                        updates.add(Updates.set("depth", path.size()));
                        String jurisdiction = document.getString("jurisdictionId");
                        // A jurisdiction at or below the moved unit moved with it and stays theirs.
                        if (!Objects.equals(jurisdiction, movedId) && !belowMoved.contains(jurisdiction)) {
                            updates.add(Updates.set("jurisdictionId", newJurisdiction));
                        }
                    }
                    readModels.update(collection, document.get("_id"), event, Updates.combine(updates));
                });
    }
}
