package org.campaignledger.query.ingest;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every projection from {@code ledger.events.v1}. Offsets are committed after the batch is applied, so a
 * crash re-delivers and the idempotent projections ignore what they already hold. A record that can never be
 * read is parked in {@code rm_dead_letters} with its raw bytes rather than lost or retried forever.
 */
@Component
class LedgerEventConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerEventConsumer.class);

    private final EventRecords records;
    private final List<Projection> projections;
    private final MongoTemplate mongo;

    LedgerEventConsumer(EventRecords records, List<Projection> projections, MongoTemplate mongo) {
        this.records = records;
        this.projections = projections;
        this.mongo = mongo;
    }

    // The listener id would otherwise be the group id too, and the configured group would be ignored.
    @KafkaListener(id = "ledger-events", groupId = "${ledger.kafka.consumer-group}-events",
            topics = "${ledger.kafka.events-topic}",
            concurrency = "${ledger.kafka.concurrency}")
    void on(ConsumerRecord<String, byte[]> record) {
        LedgerEvent event;
        try {
            event = records.read(record);
        } catch (EventRecords.UnreadableEventException e) {
            park(record, e);
            return;
        }
        for (Projection projection : projections) {
            projection.apply(event);
        }
    }

    private void park(ConsumerRecord<String, byte[]> record, Exception reason) {
        LOG.error("parking unreadable record {}/{}@{}: {}", record.topic(), record.partition(), record.offset(),
                reason.getMessage());
        Document letter = new Document("_id", record.topic() + "/" + record.partition() + "@" + record.offset())
                .append("key", record.key())
                .append("value", record.value())
                .append("reason", reason.getMessage())
                .append("parkedAt", Instant.now().toString());
        mongo.getCollection("rm_dead_letters").replaceOne(new Document("_id", letter.get("_id")), letter,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }
}
