package org.campaignledger.query.participation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.query.campaign.CampaignProjection;
import org.campaignledger.query.opinion.OpinionProjection;
import org.campaignledger.query.rollout.RolloutProjection;
import org.campaignledger.query.platform.ReadModelIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The fields of {@code rm_unit_progress} (DOMAIN §5.2) that are computed when read rather than stored:
 * <ul>
 *   <li>{@code opinions {received, unique, addressed, unaddressedOver30d}} from {@code rm_opinions} (the opinions
 *       collected at the unit in the campaign). Opinion events carry the campaign and unit but not the batch,
 *       so they cannot name the participation document; and the last number changes with the calendar alone.</li>
 *   <li>{@code stages.<n>.plannedFrom} (and {@code plannedTo} before the stage starts) from the unit's tier in
 *       {@code rm_rollouts}, which a later {@code TierDefined} may still move;</li>
 *   <li>{@code daysSinceStage1Start} (today in Asia/Shanghai, or the conclusion or withdrawal date) and
 *       {@code minDurationReachedOn} (Stage 1 start plus {@code minUnitDuration}, the rollout's override or the
 *       campaign's policy, R-UNP-16).</li>
 * </ul>
 */
@Component
public class ProgressReads {
    static final int UNADDRESSED_AFTER_DAYS = 30;
    private static final Set<String> ADDRESSED = Set.of("ADDRESSED", "RESOLVED", "CLOSED");
    private static final String MIN_UNIT_DURATION = "minUnitDuration";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProgressReads(MongoTemplate mongo, Clock businessClock) {
        this.mongo = mongo;
        this.clock = businessClock;
    }

    /** The opinion counters read rm_opinions by campaign and unit. */
    @EventListener(ApplicationReadyEvent.class)
    void indexes() {
        ReadModelIndexes.ensure(mongo, OpinionProjection.OPINIONS, Indexes.ascending("unitId", "campaignId"));
    }

    /** Today's business date, by the business clock. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    public Document complete(Document progress) {
        completeAll(List.of(progress));
        return progress;
    }

    /** Completes the documents in place, with one query per source collection for all of them. */
    public void completeAll(List<Document> progresses) {
        List<Document> registered = progresses.stream().filter(p -> p.getString("campaignId") != null).toList();
        if (registered.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Document> opinions = opinions(registered, today);
        Map<String, Document> rollouts = byId(RolloutProjection.COLLECTION,
                registered.stream().map(ProgressReads::rolloutId).filter(java.util.Objects::nonNull).distinct().toList());
        Map<String, Document> campaigns = byId(CampaignProjection.COLLECTION,
                registered.stream().map(p -> p.getString("campaignId")).distinct().toList());
        for (Document progress : registered) {
            progress.append("opinions", opinions.getOrDefault(key(progress), opinionCounters()));
            Document rollout = rollouts.get(rolloutId(progress));
            plannedWindows(progress, rollout);
            durations(progress, rollout, campaigns.get(progress.getString("campaignId")), today);
        }
    }

    private Map<String, Document> opinions(List<Document> progresses, LocalDate today) {
        String overdueBefore = today.minusDays(UNADDRESSED_AFTER_DAYS).toString();
        Map<String, Document> counters = new HashMap<>();
        mongo.getCollection(OpinionProjection.OPINIONS).find(Filters.and(
                        Filters.in("campaignId", progresses.stream().map(p -> p.getString("campaignId")).distinct().toList()),
                        Filters.in("unitId", progresses.stream().map(p -> p.getString("unitId")).distinct().toList())))
                .projection(new Document("campaignId", 1).append("unitId", 1).append("status", 1)
                        .append("receivedOn", 1))
                .forEach(opinion -> {
                    Document c = counters.computeIfAbsent(key(opinion), k -> opinionCounters());
                    String status = opinion.getString("status");
                    boolean unique = !"MERGED".equals(status);
                    boolean addressed = ADDRESSED.contains(status);
                    c.put("received", c.getInteger("received") + 1);
                    c.put("unique", c.getInteger("unique") + (unique ? 1 : 0));
                    c.put("addressed", c.getInteger("addressed") + (addressed ? 1 : 0));
                    if (unique && !addressed && opinion.getString("receivedOn").compareTo(overdueBefore) < 0) {
                        c.put("unaddressedOver30d", c.getInteger("unaddressedOver30d") + 1);
                    }
                });
        return counters;
    }

    private static Document opinionCounters() {
        return new Document("received", 0).append("unique", 0).append("addressed", 0).append("unaddressedOver30d", 0);
    }

    private static void plannedWindows(Document progress, Document rollout) {
        Document tier = rollout == null ? null : rollout.get("tiers", new Document())
                .get(String.valueOf(progress.get("tierNo")), Document.class);
        if (tier == null) {
            return;
        }
        Document stages = progress.get("stages", Document.class);
        tier.get("plannedWindows", Document.class).forEach((stageName, window) -> {
            if (!stageName.startsWith("STAGE_")) {
                return;
            }
            String stageNo = stageName.substring("STAGE_".length());
            Document stage = stages.get(stageNo, Document.class);
            if (stage == null) {
                stage = new Document();
                stages.put(stageNo, stage);
            }
            stage.put("plannedFrom", ((Document) window).getString("from"));
            stage.putIfAbsent("plannedTo", ((Document) window).getString("to"));
        });
    }

    private static void durations(Document progress, Document rollout, Document campaign, LocalDate today) {
        Document stage1 = progress.get("stages", Document.class).get("1", Document.class);
        String start = stage1 == null ? null : stage1.getString("actualStart");
        if (start == null) {
            return;
        }
        LocalDate started = LocalDate.parse(start);
        if (!progress.containsKey("daysSinceStage1Start")) {
            String ended = progress.getString("withdrawnOn");
            progress.append("daysSinceStage1Start",
                    ChronoUnit.DAYS.between(started, ended == null ? today : LocalDate.parse(ended)));
        }
        Period minimum = minUnitDuration(rollout, campaign);
        progress.append("minDurationReachedOn", minimum == null ? null : started.plus(minimum).toString());
    }

    /** The rollout's override wins over the campaign's policy, as on the command side. */
    private static Period minUnitDuration(Document rollout, Document campaign) {
        Document override = rollout == null ? null
                : rollout.get("policyOverrides", Document.class).get(MIN_UNIT_DURATION, Document.class);
        Document policy = campaign == null ? null : campaign.get("policy", Document.class);
        String value = override != null ? override.getString("value")
                : policy == null ? null : policy.get("parameters", Document.class).getString(MIN_UNIT_DURATION);
        try {
            return value == null ? null : Period.parse(value);
        } catch (DateTimeParseException e) {
            // Not a period the command side could apply either: there is no minimum to show.
            return null;
        }
    }

    private Map<String, Document> byId(String collection, List<String> ids) {
        Map<String, Document> found = new HashMap<>();
        mongo.getCollection(collection).find(Filters.in("_id", ids))
                .forEach(document -> found.put(document.getString("_id"), document));
        return found;
    }

    private static String rolloutId(Document progress) {
        if (progress.getString("jurisdictionId") == null) {
            return null;
        }
        return RolloutId.of(CampaignId.of(progress.getString("campaignId")), progress.getInteger("batchNo"),
                UnitId.of(progress.getString("jurisdictionId"))).value();
    }

    private static String key(Document document) {
        return document.getString("campaignId") + "|" + document.getString("unitId");
    }
}
