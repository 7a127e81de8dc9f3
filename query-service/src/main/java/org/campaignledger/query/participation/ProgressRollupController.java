package org.campaignledger.query.participation;

import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.query.platform.BadRequestException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Roll-ups of unit progress (DOMAIN §5.3) by hierarchy node, unit type, level or tier, computed from
 * rm_unit_progress on request: units per participation state, units whose current stage window is exceeded, and
 * units flagged weak and lax.
 */
@RestController
@RequestMapping("/api/progress")
class ProgressRollupController {
    private static final Map<String, String> GROUPINGS = Map.of(
            "UNIT_TYPE", "unitType", "LEVEL", "level", "TIER", "tierNo", "MEETING_TYPE", "meetingType",
            "NODE", "ancestorIds");

    private final MongoTemplate mongo;

    ProgressRollupController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Operation(summary = "Progress roll-up of a campaign, optionally below one unit, grouped by UNIT_TYPE, LEVEL, "
            + "TIER, MEETING_TYPE or NODE (the direct children of ancestorId)")
    @GetMapping("/rollup")
    Map<String, Object> rollup(@RequestParam String campaignId,
                               @RequestParam(required = false) String ancestorId,
                               @RequestParam(defaultValue = "UNIT_TYPE") String groupBy) {
        String field = GROUPINGS.get(groupBy);
        if (field == null) {
            throw new BadRequestException("groupBy", "must be one of " + new TreeMap<>(GROUPINGS).keySet());
        }
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("campaignId", campaignId)));
        if (ancestorId != null) {
            filters.add(Filters.eq("ancestorIds", ancestorId));
        }
        Map<String, Map<String, Object>> groups = new TreeMap<>();
        Map<String, Object> total = emptyGroup();
        mongo.getCollection(UnitProgressProjection.COLLECTION).find(Filters.and(filters))
                .projection(new Document("state", 1).append("stages", 1).append("weakOrganisation", 1)
                        .append("unitType", 1).append("level", 1).append("tierNo", 1).append("meetingType", 1)
                        .append("ancestorIds", 1).append("unitId", 1))
                .forEach(progress -> {
                    String key = groupKey(progress, field, ancestorId);
                    add(groups.computeIfAbsent(key, k -> emptyGroup()), progress);
                    add(total, progress);
                });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", campaignId);
        body.put("ancestorId", ancestorId);
        body.put("groupBy", groupBy);
        body.put("total", total);
        body.put("groups", groups);
        return body;
    }

    /** NODE groups a unit under the child of {@code ancestorId} on its path (or under the unit itself). */
    private static String groupKey(Document progress, String field, String ancestorId) {
        if (!field.equals("ancestorIds")) {
            return String.valueOf(progress.get(field));
        }
        List<String> path = progress.getList("ancestorIds", String.class);
        if (ancestorId == null || path == null) {
            return path == null || path.isEmpty() ? "(root)" : path.get(0);
        }
        int at = path.indexOf(ancestorId);
        return at + 1 < path.size() ? path.get(at + 1) : progress.getString("unitId");
    }

    private static Map<String, Object> emptyGroup() {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("units", 0);
        group.put("byState", new TreeMap<String, Integer>());
        group.put("stageWindowExceeded", 0);
        group.put("weakOrganisation", 0);
        return group;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> group, Document progress) {
        group.merge("units", 1, (a, b) -> (Integer) a + (Integer) b);
        ((Map<String, Integer>) group.get("byState")).merge(progress.getString("state"), 1, Integer::sum);
        String state = progress.getString("state");
        Document stages = progress.get("stages", Document.class);
        if (state != null && state.startsWith("STAGE_") && stages != null) {
            Document current = stages.get(state.substring("STAGE_".length()), Document.class);
            if (current != null && Boolean.TRUE.equals(current.getBoolean("windowExceeded"))) {
                group.merge("stageWindowExceeded", 1, (a, b) -> (Integer) a + (Integer) b);
            }
        }
        if (Boolean.TRUE.equals(progress.getBoolean("weakOrganisation"))) {
            group.merge("weakOrganisation", 1, (a, b) -> (Integer) a + (Integer) b);
        }
    }
}
