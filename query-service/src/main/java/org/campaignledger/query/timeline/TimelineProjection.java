package org.campaignledger.query.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code rm_timeline} (DOMAIN §5.11): one entry per event that concerns a unit (the envelope's {@code unitId}),
 * keyed by event id, so a re-delivery finds its entry there. An entry is {@code recordedLate} when it was recorded
 * more than {@code ledger.timeline.recorded-late-after} (2 days, [ASM]) after its business time. {@code at} is
 * {@code occurredAt} as a date, for sorting and filtering; the envelope strings vary in their fraction digits.
 */
@Component
class TimelineProjection implements Projection {
    static final String COLLECTION = "rm_timeline";
    private static final String SYSTEM = "SYSTEM";

    private final ReadModels readModels;
    private final Duration recordedLateAfter;

    TimelineProjection(ReadModels readModels,
                       @Value("${ledger.timeline.recorded-late-after:P2D}") Duration recordedLateAfter) {
        this.readModels = readModels;
        this.recordedLateAfter = recordedLateAfter;
    }

    @Override
    public void apply(LedgerEvent event) {
        String unitId = event.unitId();
        if (unitId == null || unitId.isBlank()) {
            return;
        }
        Instant recordedAt = Instant.parse(event.recordedAt());
        String occurredAt = event.meta(MetaDataKeys.OCCURRED_AT);
        Instant occurred = occurredAt == null ? recordedAt : Instant.parse(occurredAt);
        String actorId = event.meta(MetaDataKeys.ACTOR_ID);
        readModels.insertOnce(COLLECTION, event, new Document("_id", event.eventId())
                .append("unitId", unitId)
                .append("campaignId", event.meta(MetaDataKeys.CAMPAIGN_ID))
                .append("occurredAt", occurredAt == null ? event.recordedAt() : occurredAt)
                .append("recordedAt", event.recordedAt())
                .append("at", Date.from(occurred))
                .append("eventType", event.eventType())
                .append("aggregateType", event.aggregateType())
                .append("aggregateId", event.aggregateId())
                .append("summaryEn", TimelineSummaries.summary(event))
                .append("actorRole", event.meta(MetaDataKeys.ACTOR_ROLES))
                .append("actorPersonId", actorId == null || SYSTEM.equals(actorId) ? null : actorId)
                .append("recordedLate", Duration.between(occurred, recordedAt).compareTo(recordedLateAfter) > 0));
    }
}
