package org.campaignledger.query.participation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.MeetingType;
import org.campaignledger.kernel.participation.ParticipationEnums.ParticipationState;
import org.campaignledger.kernel.participation.TransitionGuards;
import org.campaignledger.kernel.participation.TransitionGuards.Failure;
import org.campaignledger.kernel.participation.TransitionGuards.Policy;
import org.campaignledger.kernel.participation.TransitionGuards.Predecessor;
import org.campaignledger.kernel.participation.TransitionGuards.Snapshot;
import org.campaignledger.query.campaign.CampaignProjection;
import org.campaignledger.query.rollout.RolloutProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code blockingRules} of DOMAIN §5.2, computed at read time from rm_unit_progress with the aggregate's own
 * predicates ({@link TransitionGuards}) under the campaign's policy in force, so it follows the date it is asked
 * for. No policy exception is assumed: an OVERRIDABLE rule that fails is shown as blocking.
 */
@Component
class BlockingRules {
    private final MongoTemplate mongo;

    BlockingRules(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Adds {@code blockingRules} (distinct rule ids) and {@code blockingReasons} (id and message) to each document. */
    void addTo(List<Document> progress, LocalDate asOf) {
        Map<String, Optional<Policy>> policies = new HashMap<>();
        for (Document participation : progress) {
            List<Failure> failures = failures(participation, asOf,
                    policies.computeIfAbsent(rolloutIdOf(participation), rollout -> policyOf(
                            participation.getString("campaignId"), rollout)));
            participation.append("blockingRules", failures.stream().map(Failure::ruleId).distinct().toList())
                    .append("blockingReasons", failures.stream().map(failure -> new Document("ruleId",
                            failure.ruleId()).append("message", failure.message())).toList());
        }
    }

    private List<Failure> failures(Document participation, LocalDate asOf, Optional<Policy> policy) {
        Snapshot snapshot = snapshotOf(participation);
        if (snapshot.state() == ParticipationState.CONCLUDED || snapshot.state() == ParticipationState.WITHDRAWN) {
            return List.of();
        }
        if (policy.isEmpty()) {
            return List.of(new Failure(TransitionGuards.STATE_RULE, "campaign " + participation.getString("campaignId")
                    + " has adopted no policy profile"));
        }
        Predecessor predecessor = snapshot.state() == ParticipationState.STAGE_3 ? null
                : predecessorOf(participation, TransitionGuards.nextStage(snapshot.state()));
        return TransitionGuards.ofNextTransition(snapshot, policy.get(), predecessor, asOf);
    }

    static Snapshot snapshotOf(Document participation) {
        Set<GateFact> facts = EnumSet.noneOf(GateFact.class);
        participation.get("gates", new Document()).forEach((fact, gate) -> {
            if (Boolean.TRUE.equals(((Document) gate).getBoolean("satisfied"))) {
                facts.add(GateFact.valueOf(fact));
            }
        });
        Document study = participation.get("study", new Document());
        return new Snapshot(ParticipationState.valueOf(participation.getString("state")),
                MeetingType.valueOf(participation.getString("meetingType")),
                participation.getBoolean("weakOrganisation", false), facts,
                study.getInteger("concentratedStudyHalfDays", 0), study.getInteger("seminars", 0),
                Set.copyOf(participation.getList("openReworks", String.class, List.of())),
                stageStarts(participation));
    }

    private static Map<Integer, LocalDate> stageStarts(Document participation) {
        Map<Integer, LocalDate> starts = new HashMap<>();
        participation.get("stages", new Document()).forEach((stage, value) -> {
            String actualStart = ((Document) value).getString("actualStart");
            if (actualStart != null) {
                starts.put(Integer.valueOf(stage), LocalDate.parse(actualStart));
            }
        });
        return starts;
    }

    /**
     * As the aggregate finds it (DOMAIN-ERRATA I5): the nearest ancestor taking part in the campaign in a
     * lower-numbered tier.
     */
    private Predecessor predecessorOf(Document participation, int stage) {
        List<String> ancestors = participation.getList("ancestorIds", String.class, List.of());
        if (ancestors.isEmpty()) {
            return null;
        }
        MongoCollection<Document> progress = mongo.getCollection(UnitProgressProjection.COLLECTION);
        Map<String, Document> byUnit = new HashMap<>();
        progress.find(Filters.and(Filters.eq("campaignId", participation.getString("campaignId")),
                Filters.in("unitId", ancestors))).forEach(candidate -> byUnit.put(candidate.getString("unitId"), candidate));
        int tierNo = participation.getInteger("tierNo");
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            Document candidate = byUnit.get(ancestors.get(i));
            if (candidate != null && candidate.getInteger("tierNo") < tierNo) {
                return new Predecessor(candidate.getString("participationId"), stageStarts(candidate).get(stage));
            }
        }
        return null;
    }

    /** The rollout of the participation's jurisdiction, whose overrides apply to it as on the command side. */
    private static String rolloutIdOf(Document participation) {
        return "rollout:" + participation.getString("campaignId") + ":" + participation.get("batchNo") + ":"
                + participation.getString("jurisdictionId");
    }

    /** The campaign's policy with the jurisdiction's overrides (DOMAIN §2, §4.3), as the aggregate reads it. */
    private Optional<Policy> policyOf(String campaignId, String rolloutId) {
        Document campaign = mongo.getCollection(CampaignProjection.COLLECTION).find(new Document("_id", campaignId))
                .first();
        Document policy = campaign == null ? null : campaign.get("policy", Document.class);
        if (policy == null) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        policy.get("parameters", new Document()).forEach((name, value) -> parameters.put(name, String.valueOf(value)));
        Document rollout = mongo.getCollection(RolloutProjection.COLLECTION).find(new Document("_id", rolloutId))
                .first();
        if (rollout != null) {
            rollout.get("policyOverrides", new Document()).forEach((name, value) -> parameters.put(name,
                    String.valueOf(value instanceof Document override ? override.get("value") : value)));
        }
        return Optional.of(Policy.fromParameters(parameters));
    }
}
