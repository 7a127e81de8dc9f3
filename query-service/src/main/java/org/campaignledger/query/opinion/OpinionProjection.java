package org.campaignledger.query.opinion;

import com.mongodb.client.model.Updates;
import java.util.StringJoiner;
import org.bson.Document;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassified;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRecorded;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.stereotype.Component;

/**
 * {@code rm_opinions} (one document per opinion, never the submitter's identity: R-OPN-02) and
 * {@code rm_opinion_stats} (DOMAIN §5.4): counters per (day, unit, channel, family, four wind, focus problem,
 * submitter category, naming). A classification moves the opinion's contribution from its unclassified bucket
 * to its classified one; both moves are counted once per event.
 */
@Component
class OpinionProjection implements Projection {
    static final String OPINIONS = "rm_opinions";
    static final String STATS = "rm_opinion_stats";
    static final String UNCLASSIFIED = "UNCLASSIFIED";

    private final ReadModels readModels;

    OpinionProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void apply(LedgerEvent event) {
        if (event.payload() instanceof OpinionRecorded e) {
            recorded(event, e);
        } else if (event.payload() instanceof OpinionClassified e) {
            classified(event, e);
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
                .append("recordedAt", event.recordedAt());
        readModels.insertOnce(OPINIONS, event, opinion);
        readModels.countOnce(STATS, bucketId(opinion, null), event, bucket(opinion, null),
                contribution(opinion, 1, false));
    }

    private void classified(LedgerEvent event, OpinionClassified e) {
        Document opinion = readModels.find(OPINIONS, e.opinionId().value());
        if (opinion == null) {
            throw new IllegalStateException("opinion " + e.opinionId() + " classified before it was recorded");
        }
        Document classification = new Document("family", e.family().name())
                .append("fourWind", e.fourWind() == null ? null : e.fourWind().name())
                .append("topic", e.topic() == null ? null : e.topic().name())
                .append("focusProblemCode", e.focusProblemCode());
        Document before = (Document) opinion.get("classification");
        readModels.countOnce(STATS, bucketId(opinion, before), event, bucket(opinion, before),
                contribution(opinion, -1, before != null));
        readModels.countOnce(STATS, bucketId(opinion, classification), event, bucket(opinion, classification),
                contribution(opinion, 1, true));
        readModels.updateInOrder(OPINIONS, e.opinionId().value(), event,
                Updates.set("classification", classification), Updates.set("status", "CLASSIFIED"));
    }

    private static Document contribution(Document opinion, int sign, boolean classified) {
        Document inc = new Document("received", sign).append("unique", sign)
                .append("priority", Boolean.TRUE.equals(opinion.getBoolean("priority")) ? sign : 0);
        if (classified) {
            inc.append("classified", sign);
        }
        return inc;
    }

    private static Document bucket(Document opinion, Document classification) {
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

    private static String bucketId(Document opinion, Document classification) {
        StringJoiner id = new StringJoiner("|");
        bucket(opinion, classification).values().forEach(v -> id.add(String.valueOf(v)));
        return id.toString();
    }
}
