package org.campaignledger.query.opinion;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.campaignledger.query.ingest.ReadModels;
import org.bson.conversions.Bson;
import org.campaignledger.query.access.ReadAccess;
import org.campaignledger.query.access.ReadEndpoint;
import org.campaignledger.query.platform.BadRequestException;
import org.campaignledger.query.platform.Paging;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Opinions and their statistics (rm_opinions, rm_opinion_stats, DOMAIN §5.4). */
@RestController
@RequestMapping("/api")
class OpinionController {
    private static final String[] COUNTERS =
            {"received", "unique", "priority", "classified", "routed", "addressed", "resolved", "referred", "escalated"};
    private final MongoTemplate mongo;
    private final ReadAccess access;

    OpinionController(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @Operation(summary = "Opinion statistics of a unit (and, by default, its subtree) by channel and category")
    @GetMapping("/units/{unitId}/opinion-stats")
    Map<String, Object> stats(@PathVariable String unitId,
                              @RequestParam(defaultValue = "true") boolean includeDescendants,
                              @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to) {
        access.requireUnit(ReadEndpoint.OPINION_STATS, unitId);
        List<String> units = new ArrayList<>(List.of(unitId));
        if (includeDescendants) {
            // Only the descendants the reader may read themselves count.
            mongo.getCollection("rm_org_tree").find(access.scope(ReadEndpoint.OPINION_STATS,
                            Filters.eq("ancestorIds", unitId)))
                    .projection(new Document("_id", 1)).forEach(d -> units.add(d.getString("_id")));
        }
        List<Bson> filters = new ArrayList<>(List.of(Filters.in("unitId", units)));
        if (from != null) {
            filters.add(Filters.gte("day", date("from", from)));
        }
        if (to != null) {
            filters.add(Filters.lte("day", date("to", to)));
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byChannel = new TreeMap<>();
        Map<String, Map<String, Long>> byFamily = new TreeMap<>();
        Map<String, Map<String, Long>> byFourWind = new TreeMap<>();
        Map<String, Long> channelByFamily = new TreeMap<>();
        for (String counter : COUNTERS) {
            totals.put(counter, 0L);
        }
        mongo.getCollection(OpinionProjection.STATS).find(Filters.and(filters))
                .projection(ReadModels.WITHOUT_BOOKKEEPING).forEach(bucket -> {
                    for (String counter : COUNTERS) {
                        long value = number(bucket, counter);
                        totals.merge(counter, value, Long::sum);
                        add(byChannel, bucket.getString("channel"), counter, value);
                        add(byFamily, bucket.getString("family"), counter, value);
                        if (bucket.getString("fourWind") != null) {
                            add(byFourWind, bucket.getString("fourWind"), counter, value);
                        }
                    }
                    channelByFamily.merge(bucket.getString("channel") + "|" + bucket.getString("family"),
                            number(bucket, "unique"), Long::sum);
                });
        List<Map<String, Object>> matrix = new ArrayList<>();
        channelByFamily.forEach((key, count) -> {
            if (count != 0) {
                String[] parts = key.split("\\|");
                matrix.add(Map.of("channel", parts[0], "family", parts[1], "unique", count));
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unitId);
        body.put("includeDescendants", includeDescendants);
        body.put("unitCount", units.size());
        body.put("totals", totals);
        body.put("byChannel", withoutZeros(byChannel));
        body.put("byFamily", withoutZeros(byFamily));
        body.put("byFourWind", withoutZeros(byFourWind));
        body.put("channelByFamily", matrix);
        return body;
    }

    @Operation(summary = "One opinion (never the submitter's identity)")
    @GetMapping("/opinions/{opinionId}")
    Document opinion(@PathVariable String opinionId) {
        return access.detail(ReadEndpoint.OPINION,
                Paging.one(mongo.getCollection(OpinionProjection.OPINIONS), opinionId, "opinion"));
    }

    @Operation(summary = "Opinions of a unit, filtered by status, channel, family or overdue follow-up (R-OPN-10)")
    @GetMapping("/opinions")
    Map<String, Object> opinions(@RequestParam(required = false) String unitId,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) String channel,
                                 @RequestParam(required = false) String family,
                                 @RequestParam(defaultValue = "false") boolean followUpOverdue,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        List<Bson> filters = new ArrayList<>();
        if (unitId != null) {
            filters.add(Filters.eq("unitId", unitId));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        if (channel != null) {
            filters.add(Filters.eq("channel", channel));
        }
        if (family != null) {
            filters.add(Filters.eq("classification.family", family));
        }
        if (followUpOverdue) {
            // R-OPN-10: routed, not addressed, past the follow-up period.
            filters.add(Filters.in("status", List.of("ROUTED", "ACKNOWLEDGED")));
            filters.add(Filters.exists("followUpOverdueSince"));
        }
        Bson filter = access.scope(ReadEndpoint.OPINIONS, filters.isEmpty() ? new Document() : Filters.and(filters),
                unitId);
        return access.page(ReadEndpoint.OPINIONS, Paging.page(mongo.getCollection(OpinionProjection.OPINIONS),
                filter, Sorts.descending("receivedOn"), page, size));
    }

    private static String date(String field, String value) {
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, "must be a date like 2014-03-01");
        }
    }

    private static long number(Document bucket, String counter) {
        Object value = bucket.get(counter);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static void add(Map<String, Map<String, Long>> into, String key, String counter, long value) {
        into.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(counter, value, Long::sum);
    }

    private static Map<String, Map<String, Long>> withoutZeros(Map<String, Map<String, Long>> grouped) {
        Map<String, Map<String, Long>> result = new TreeMap<>();
        grouped.forEach((key, counters) -> {
            if (counters.values().stream().anyMatch(v -> v != 0)) {
                result.put(key, counters);
            }
        });
        return result;
    }
}
