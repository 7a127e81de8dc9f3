package org.campaignledger.query.participation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.query.access.ReadAccess;
import org.campaignledger.query.access.ReadEndpoint;
import org.campaignledger.query.platform.Paging;
import org.campaignledger.query.rollout.RolloutProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rollout Gantt view (DOMAIN §5.11 {@code rm_rollout_gantt}): per tier of a jurisdiction rollout, the planned
 * stage windows against each unit's actual stage dates, extensions and reopenings. It is read from
 * {@code rm_rollouts} and {@code rm_unit_progress} when asked, so a redefined tier or a late stage event shows at
 * once and nothing is stored twice.
 */
@RestController
class RolloutGanttController {
    private static final List<String> STAGE_FIELDS = List.of("actualStart", "plannedTo", "extendedTo", "completedAt",
            "windowExceeded", "extensions", "reopenings");

    private final MongoTemplate mongo;
    private final ReadAccess access;

    RolloutGanttController(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @Operation(summary = "A rollout's tiers: planned stage windows against each unit's actual stage dates, with "
            + "extensions and reopenings; optionally one tier")
    @GetMapping("/api/rollouts/{rolloutId}/gantt")
    Map<String, Object> gantt(@PathVariable String rolloutId, @RequestParam(required = false) Integer tierNo) {
        Document rollout = access.detail(ReadEndpoint.ROLLOUT_GANTT,
                Paging.one(mongo.getCollection(RolloutProjection.COLLECTION), rolloutId, "rollout"));
        Map<Integer, Map<String, Object>> tiers = new TreeMap<>();
        rollout.get("tiers", Document.class).forEach((no, tier) -> {
            if (tierNo == null || tierNo.equals(Integer.valueOf(no))) {
                tiers.put(Integer.valueOf(no), tier(Integer.valueOf(no),
                        ((Document) tier).get("plannedWindows", Document.class)));
            }
        });
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("campaignId", rollout.getString("campaignId")),
                Filters.eq("batchNo", rollout.getInteger("batchNo")),
                Filters.eq("jurisdictionId", rollout.getString("jurisdictionUnitId"))));
        if (tierNo != null) {
            filters.add(Filters.eq("tierNo", tierNo));
        }
        mongo.getCollection(UnitProgressProjection.COLLECTION).find(Filters.and(filters))
                .projection(new Document("unitId", 1).append("unitType", 1).append("level", 1).append("tierNo", 1)
                        .append("state", 1).append("stages", 1))
                .sort(Sorts.ascending("unitId"))
                .forEach(progress -> units(tiers.computeIfAbsent(progress.getInteger("tierNo"),
                        no -> tier(no, null))).add(unit(progress)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rolloutId", rolloutId);
        body.put("campaignId", rollout.getString("campaignId"));
        body.put("batchNo", rollout.getInteger("batchNo"));
        body.put("jurisdictionId", rollout.getString("jurisdictionUnitId"));
        body.put("tiers", new ArrayList<>(tiers.values()));
        return body;
    }

    /** A tier the rollout has not defined (yet) still shows its units, without planned windows. */
    private static Map<String, Object> tier(int tierNo, Document plannedWindows) {
        Map<String, Object> tier = new LinkedHashMap<>();
        tier.put("tierNo", tierNo);
        tier.put("plannedWindows", plannedWindows == null ? new Document() : plannedWindows);
        tier.put("units", new ArrayList<Document>());
        return tier;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> units(Map<String, Object> tier) {
        return (List<Document>) tier.get("units");
    }

    private static Document unit(Document progress) {
        Document stages = new Document();
        progress.get("stages", new Document()).forEach((no, stage) -> {
            Document bar = new Document();
            STAGE_FIELDS.forEach(field -> {
                if (((Document) stage).containsKey(field)) {
                    bar.append(field, ((Document) stage).get(field));
                }
            });
            stages.append(no, bar);
        });
        return new Document("participationId", progress.getString("_id"))
                .append("unitId", progress.getString("unitId"))
                .append("unitType", progress.getString("unitType"))
                .append("level", progress.getString("level"))
                .append("state", progress.getString("state"))
                .append("stages", stages);
    }
}
