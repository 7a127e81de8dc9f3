package org.campaignledger.query.opinion;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.kernel.opinion.OpinionClassification;
import org.campaignledger.kernel.opinion.OpinionEvent;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionAcknowledged;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionAddressed;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassificationCorrected;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassified;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClosed;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionCopied;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionEscalated;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionExplained;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionFollowUpOverdue;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionMergedAsDuplicate;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRecorded;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionReferred;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionResolved;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRouted;
import org.campaignledger.kernel.opinion.OpinionEvent.SubmitterFeedbackRecorded;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.stereotype.Component;

/**
 * {@code rm_opinions} (one document per opinion, never the submitter's identity: R-OPN-02) and
 * {@code rm_opinion_stats} (DOMAIN §5.4): counters per (day, collecting unit, channel, family, four wind, focus
 * problem, submitter category, naming).
 *
 * <p>Each change of an opinion moves its whole contribution: out of the bucket it was counted in, into the
 * bucket its new state belongs to (often the same one). Both moves are counted once per event, and the opinion
 * document is written last, so an event found already applied to it is skipped entirely.
 */
@Component
public class OpinionProjection implements Projection {
    public static final String OPINIONS = "rm_opinions";
    static final String STATS = "rm_opinion_stats";
    static final String UNCLASSIFIED = "UNCLASSIFIED";
    private static final Set<String> ADDRESSED = Set.of("ADDRESSED", "RESOLVED", "CLOSED");
    private static final Set<String> RESOLVED = Set.of("RESOLVED", "CLOSED");

    private final ReadModels readModels;

    OpinionProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void apply(LedgerEvent event) {
        if (event.payload() instanceof OpinionRecorded e) {
            recorded(event, e);
            return;
        }
        if (!(event.payload() instanceof OpinionEvent e)) {
            return;
        }
        String id = e.opinionId().value();
        if (e instanceof OpinionClassified c) {
            change(event, id, o -> o.append("classification", classification(new OpinionClassification(c.family(),
                    c.fourWind(), c.topic(), c.focusProblemCode()))).append("status", "CLASSIFIED"));
        } else if (e instanceof OpinionClassificationCorrected c) {
            change(event, id, o -> o.append("classification", classification(c.newClassification())));
        } else if (e instanceof OpinionRouted r) {
            change(event, id, o -> o.append("status", "ROUTED").append("routedAt", event.recordedAt())
                    .append("target", new Document("level", r.target().level().name())
                            .append("unitId", r.target().unitId().value())
                            .append("personId", r.target().personId() == null ? null : r.target().personId().value())));
        } else if (e instanceof OpinionCopied c) {
            change(event, id, o -> o.append("copies", appended(o.getList("copies", String.class), c.unitId().value())));
        } else if (e instanceof OpinionAcknowledged) {
            change(event, id, o -> o.append("status", "ACKNOWLEDGED"));
        } else if (e instanceof OpinionExplained x) {
            change(event, id, o -> o.append("explanation", new Document("reason", x.reason().name())
                    .append("explanationRef", x.explanationRef())));
        } else if (e instanceof OpinionAddressed a) {
            change(event, id, o -> o.append("status", "ADDRESSED").append("addressedBy", a.by().name())
                    .append("addressedAt", event.recordedAt()));
        } else if (e instanceof OpinionEscalated x) {
            change(event, id, o -> o.append("status", "ROUTED").append("escalations", o.getInteger("escalations", 0) + 1)
                    .append("target", new Document("level", "HIGHER_LEVEL").append("unitId", x.toUnitId().value())
                            .append("personId", null)));
        } else if (e instanceof OpinionReferred) {
            change(event, id, o -> o.append("referred", true));
        } else if (e instanceof OpinionMergedAsDuplicate m) {
            change(event, id, o -> o.append("status", "MERGED").append("duplicateOf", m.intoOpinionId().value()));
        } else if (e instanceof OpinionResolved) {
            change(event, id, o -> o.append("status", "RESOLVED").append("resolvedAt", event.recordedAt()));
        } else if (e instanceof SubmitterFeedbackRecorded f) {
            change(event, id, o -> o.append("submitterSatisfied", f.submitterSatisfied()));
        } else if (e instanceof OpinionFollowUpOverdue o) {
            change(event, id, d -> d.append("followUpOverdueSince", o.dueOn().plusDays(1).toString()));
        } else if (e instanceof OpinionClosed) {
            change(event, id, o -> o.append("status", "CLOSED").append("closedAt", event.recordedAt()));
        }
    }

    private void recorded(LedgerEvent event, OpinionRecorded e) {
        Document opinion = new Document("_id", e.opinionId().value())
                .append("opinionId", e.opinionId().value())
                .append("campaignId", e.campaignId().value())
                .append("unitId", e.collectedAtUnitId().value())
                .append("receivedOn", e.receivedOn().toString())
                .append("channel", e.channel().name())
                .append("naming", e.mode().naming().name())
                .append("setting", e.mode().setting().name())
                .append("approach", e.mode().approach().name())
                .append("submitterCategory", e.submitterCategory().name())
                .append("priority", e.priority())
                .append("rawTextRef", e.rawTextRef())
                .append("rawTextSha256", e.rawTextSha256())
                .append("solicitationRef", e.solicitationRef())
                .append("status", "RECORDED")
                .append("classification", null)
                .append("target", null)
                .append("copies", List.of())
                .append("referred", false)
                .append("escalations", 0)
                .append("recordedAt", event.recordedAt());
        Document existing = readModels.find(OPINIONS, e.opinionId().value());
        if (existing != null) {
            return;
        }
        readModels.countOnce(STATS, bucketId(opinion), event, bucket(opinion),
                contribution(opinion, 1));
        readModels.insertOnce(OPINIONS, event, opinion);
    }

    private void change(LedgerEvent event, String opinionId, Consumer<Document> mutation) {
        Document before = readModels.find(OPINIONS, opinionId);
        if (before == null) {
            throw new IllegalStateException("opinion " + opinionId + " changed before it was recorded");
        }
        if (before.get(ReadModels.LAST_SEQUENCE, Number.class).longValue() >= event.aggregateSequence()) {
            return;
        }
        Document after = new Document(before);
        mutation.accept(after);
        readModels.countOnce(STATS, bucketId(before), event, bucket(before), contribution(before, -1));
        readModels.countOnce(STATS, bucketId(after), event, bucket(after), contribution(after, 1));
        List<Bson> updates = new ArrayList<>();
        after.forEach((field, value) -> {
            if (!field.equals("_id") && !java.util.Objects.equals(value, before.get(field))) {
                updates.add(Updates.set(field, value));
            }
        });
        readModels.updateInOrder(OPINIONS, opinionId, event, updates.toArray(Bson[]::new));
    }

    private static Document contribution(Document opinion, int sign) {
        String status = opinion.getString("status");
        boolean unique = !"MERGED".equals(status);
        return new Document("received", sign)
                .append("unique", unique ? sign : 0)
                .append("priority", Boolean.TRUE.equals(opinion.getBoolean("priority")) ? sign : 0)
                .append("classified", opinion.get("classification") != null ? sign : 0)
                .append("routed", opinion.get("target") != null ? sign : 0)
                .append("addressed", ADDRESSED.contains(status) ? sign : 0)
                .append("resolved", RESOLVED.contains(status) ? sign : 0)
                .append("referred", Boolean.TRUE.equals(opinion.getBoolean("referred")) ? sign : 0)
                .append("escalated", opinion.getInteger("escalations", 0) > 0 ? sign : 0);
    }

    private static Document classification(OpinionClassification c) {
        return new Document("family", c.family().name())
                .append("fourWind", c.fourWind() == null ? null : c.fourWind().name())
                .append("topic", c.topic() == null ? null : c.topic().name())
                .append("focusProblemCode", c.focusProblemCode());
    }

    private static Document bucket(Document opinion) {
        Document classification = (Document) opinion.get("classification");
        return new Document("day", opinion.getString("receivedOn"))
                .append("unitId", opinion.getString("unitId"))
                .append("campaignId", opinion.getString("campaignId"))
                .append("channel", opinion.getString("channel"))
                .append("family", classification == null ? UNCLASSIFIED : classification.getString("family"))
                .append("fourWind", classification == null ? null : classification.getString("fourWind"))
                .append("focusProblemCode", classification == null ? null : classification.getString("focusProblemCode"))
                .append("submitterCategory", opinion.getString("submitterCategory"))
                .append("naming", opinion.getString("naming"));
    }

    private static String bucketId(Document opinion) {
        StringJoiner id = new StringJoiner("|");
        bucket(opinion).values().forEach(v -> id.add(String.valueOf(v)));
        return id.toString();
    }

    private static List<String> appended(List<String> list, String value) {
        List<String> copy = new ArrayList<>(list == null ? List.of() : list);
        if (!copy.contains(value)) {
            copy.add(value);
        }
        return copy;
    }
}
