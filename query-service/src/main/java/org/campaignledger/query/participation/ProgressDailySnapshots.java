package org.campaignledger.query.participation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.query.platform.Paging;
import org.campaignledger.query.platform.ReadModelIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code rm_progress_daily} (DOMAIN §5.3): the roll-up of one campaign's participations in one jurisdiction, per
 * grouping and day, for trend charts. One document per (campaign, jurisdiction, groupBy, day), replaced whole
 * when taken again, so the nightly job on several instances, a retry or an on-demand snapshot leave one
 * document. Time-dependent values (behind schedule) are computed as of that day; everything else is the state
 * when the snapshot was taken ({@code takenAt}).
 */
@Component
class ProgressDailySnapshots {
    static final String COLLECTION = "rm_progress_daily";
    static final List<String> GROUPINGS = List.of("NODE", "UNIT_TYPE", "LEVEL", "TIER");
    private static final Set<String> FINISHED = Set.of("CONCLUDED", "WITHDRAWN");

    private final MongoTemplate mongo;
    private final ProgressRollup rollup;
    private final Clock clock;

    ProgressDailySnapshots(MongoTemplate mongo, ProgressRollup rollup, Clock businessClock) {
        this.mongo = mongo;
        this.rollup = rollup;
        this.clock = businessClock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexes() {
        ReadModelIndexes.ensure(mongo, COLLECTION, Indexes.ascending("campaignId", "jurisdictionId", "groupBy", "day"));
    }

    /** Snapshots every (campaign, jurisdiction) that still has a participation in progress. */
    List<String> snapshotAll(LocalDate day) {
        Set<List<String>> active = new LinkedHashSet<>();
        mongo.getCollection(UnitProgressProjection.COLLECTION)
                .find(Filters.and(Filters.exists("campaignId"), Filters.nin("state", FINISHED)))
                .projection(new Document("campaignId", 1).append("jurisdictionId", 1))
                .forEach(p -> {
                    if (p.getString("jurisdictionId") != null) {
                        active.add(List.of(p.getString("campaignId"), p.getString("jurisdictionId")));
                    }
                });
        List<String> ids = new ArrayList<>();
        active.forEach(pair -> ids.addAll(snapshot(pair.get(0), pair.get(1), day, GROUPINGS)));
        return ids;
    }

    List<String> snapshot(String campaignId, String jurisdictionId, LocalDate day, List<String> groupings) {
        Bson filter = Filters.and(Filters.eq("campaignId", campaignId), Filters.eq("jurisdictionId", jurisdictionId));
        List<String> ids = new ArrayList<>();
        for (String groupBy : groupings) {
            String id = String.join("|", campaignId, jurisdictionId, groupBy, day.toString());
            Document snapshot = new Document("_id", id)
                    .append("campaignId", campaignId)
                    .append("jurisdictionId", jurisdictionId)
                    .append("groupBy", groupBy)
                    .append("day", day.toString())
                    .append("takenAt", Instant.now(clock).toString());
            rollup.rollup(filter, groupBy, jurisdictionId, day).forEach(snapshot::append);
            mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", id), snapshot,
                    new ReplaceOptions().upsert(true));
            ids.add(id);
        }
        return ids;
    }

    Map<String, Object> series(String campaignId, String jurisdictionId, String groupBy, LocalDate from,
                               LocalDate to, int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("campaignId", campaignId),
                Filters.eq("jurisdictionId", jurisdictionId), Filters.eq("groupBy", groupBy)));
        if (from != null) {
            filters.add(Filters.gte("day", from.toString()));
        }
        if (to != null) {
            filters.add(Filters.lte("day", to.toString()));
        }
        return Paging.page(mongo.getCollection(COLLECTION), Filters.and(filters), Sorts.ascending("day"), page, size);
    }
}
