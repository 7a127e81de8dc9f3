package org.campaignledger.query.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.query.platform.BadRequestException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The roll-up of {@code rm_unit_progress} (DOMAIN §5.3), per group and in total:
 * <ul>
 *   <li>{@code units}, {@code byState}, {@code stageWindowExceeded}, {@code weakOrganisation};</li>
 *   <li>{@code stages.<n>}: of the units in stage n, {@code onSchedule} and {@code behindSchedule} (window
 *       exceeded, or the planned end, extended or not, is before {@code asOf}); of those that completed it,
 *       {@code completedOnTime} and {@code completedLate};</li>
 *   <li>{@code satisfaction.<evaluation type>}: over the units with a result, {@code units}, {@code min},
 *       {@code median}, {@code avg} of the latest ratio, and {@code belowTwoThirds} (units whose latest result
 *       did not pass, DOMAIN-ERRATA M16);</li>
 *   <li>{@code lookBackOutcomes} (the latest outcome per unit) and {@code lookBacksOpen}.</li>
 * </ul>
 * Computed in one pass over the matching documents; {@link ProgressDailySnapshots} stores it per day.
 */
@Component
class ProgressRollup {
    static final Map<String, String> GROUPINGS = Map.of(
            "UNIT_TYPE", "unitType", "LEVEL", "level", "TIER", "tierNo", "MEETING_TYPE", "meetingType",
            "NODE", "ancestorIds");
    private static final Document FIELDS = new Document("state", 1).append("stages", 1).append("weakOrganisation", 1)
            .append("unitType", 1).append("level", 1).append("tierNo", 1).append("meetingType", 1)
            .append("ancestorIds", 1).append("unitId", 1).append("evaluation", 1).append("lookBack", 1);

    private final MongoTemplate mongo;

    ProgressRollup(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String field(String groupBy) {
        String field = GROUPINGS.get(groupBy);
        if (field == null) {
            throw new BadRequestException("groupBy", "must be one of " + new TreeMap<>(GROUPINGS).keySet());
        }
        return field;
    }

    /** {@code total} and {@code groups}; NODE groups below {@code nodeOf} (the root when null). */
    Map<String, Object> rollup(Bson filter, String groupBy, String nodeOf, LocalDate asOf) {
        String field = field(groupBy);
        Map<String, Group> groups = new TreeMap<>();
        Group total = new Group();
        mongo.getCollection(UnitProgressProjection.COLLECTION).find(filter).projection(FIELDS).forEach(progress -> {
            groups.computeIfAbsent(groupKey(progress, field, nodeOf), k -> new Group()).add(progress, asOf);
            total.add(progress, asOf);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", total.values());
        Map<String, Object> byKey = new TreeMap<>();
        groups.forEach((key, group) -> byKey.put(key, group.values()));
        body.put("groups", byKey);
        return body;
    }

    /** NODE groups a unit under the child of {@code nodeOf} on its path, or under the unit itself. */
    private static String groupKey(Document progress, String field, String nodeOf) {
        if (!field.equals("ancestorIds")) {
            return String.valueOf(progress.get(field));
        }
        List<String> path = progress.getList("ancestorIds", String.class);
        if (nodeOf == null || path == null) {
            return path == null || path.isEmpty() ? "(root)" : path.get(0);
        }
        int at = path.indexOf(nodeOf);
        return at >= 0 && at + 1 < path.size() ? path.get(at + 1) : progress.getString("unitId");
    }

    /** One group's running totals. */
    private static final class Group {
        private int units;
        private int stageWindowExceeded;
        private int weakOrganisation;
        private int lookBacksOpen;
        private final Map<String, Integer> byState = new TreeMap<>();
        private final Map<String, Map<String, Integer>> stages = new TreeMap<>();
        private final Map<String, List<Double>> ratios = new TreeMap<>();
        private final Map<String, Integer> belowTwoThirds = new TreeMap<>();
        private final Map<String, Integer> lookBackOutcomes = new TreeMap<>();

        void add(Document progress, LocalDate asOf) {
            units++;
            String state = progress.getString("state");
            byState.merge(state, 1, Integer::sum);
            if (Boolean.TRUE.equals(progress.getBoolean("weakOrganisation"))) {
                weakOrganisation++;
            }
            Document stageDocs = progress.get("stages", Document.class);
            if (stageDocs != null) {
                stageDocs.forEach((stageNo, stage) -> schedule(stageNo, (Document) stage, state, asOf));
            }
            Document evaluations = progress.get("evaluation", Document.class);
            if (evaluations != null) {
                evaluations.forEach((type, evaluation) -> satisfaction(type, (Document) evaluation));
            }
            Document lookBack = progress.get("lookBack", Document.class);
            if (lookBack != null) {
                lookBacksOpen += lookBack.get("open", 0);
                if (lookBack.getString("outcome") != null) {
                    lookBackOutcomes.merge(lookBack.getString("outcome"), 1, Integer::sum);
                }
            }
        }

        private void schedule(String stageNo, Document stage, String state, LocalDate asOf) {
            String plannedEnd = stage.getString("extendedTo") != null ? stage.getString("extendedTo")
                    : stage.getString("plannedTo");
            boolean exceeded = Boolean.TRUE.equals(stage.getBoolean("windowExceeded"));
            Map<String, Integer> counts = stages.computeIfAbsent(stageNo, k -> new LinkedHashMap<>(Map.of(
                    "onSchedule", 0, "behindSchedule", 0, "completedOnTime", 0, "completedLate", 0)));
            if (("STAGE_" + stageNo).equals(state)) {
                if (exceeded) {
                    stageWindowExceeded++;
                }
                boolean behind = exceeded || plannedEnd != null && asOf.isAfter(LocalDate.parse(plannedEnd));
                counts.merge(behind ? "behindSchedule" : "onSchedule", 1, Integer::sum);
            } else if (stage.getString("completedAt") != null) {
                boolean late = plannedEnd != null && stage.getString("completedAt").compareTo(plannedEnd) > 0;
                counts.merge(late ? "completedLate" : "completedOnTime", 1, Integer::sum);
            }
        }

        private void satisfaction(String type, Document evaluation) {
            Document ratio = evaluation.get("lastRatio", Document.class);
            if (ratio == null || ratio.get("value") == null) {
                return;
            }
            ratios.computeIfAbsent(type, k -> new ArrayList<>()).add(ratio.getDouble("value"));
            belowTwoThirds.merge(type, Boolean.FALSE.equals(evaluation.getBoolean("passed")) ? 1 : 0, Integer::sum);
        }

        Map<String, Object> values() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("units", units);
            values.put("byState", byState);
            values.put("stageWindowExceeded", stageWindowExceeded);
            values.put("weakOrganisation", weakOrganisation);
            values.put("stages", stages);
            Map<String, Object> satisfaction = new TreeMap<>();
            ratios.forEach((type, list) -> {
                List<Double> sorted = list.stream().sorted().toList();
                int n = sorted.size();
                double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("units", n);
                s.put("min", sorted.get(0));
                s.put("median", round(median));
                s.put("avg", round(sorted.stream().mapToDouble(Double::doubleValue).sum() / n));
                s.put("belowTwoThirds", belowTwoThirds.get(type));
                satisfaction.put(type, s);
            });
            values.put("satisfaction", satisfaction);
            values.put("lookBackOutcomes", lookBackOutcomes);
            values.put("lookBacksOpen", lookBacksOpen);
            return values;
        }

        private static double round(double value) {
            return Math.round(value * 10_000) / 10_000.0;
        }
    }
}
