package org.campaignledger.query.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Feeds every projection from {@code ledger.events.v1}, a polled batch at a time (ADR 0014): the batch is folded
 * into its documents in memory and written with one bulk write per collection, then the partition positions are
 * stored beside the read models. A record that can never be read is parked in {@code rm_dead_letters} with its raw
 * bytes rather than lost or retried forever.
 *
 * <p>The topic may hold an event twice (the publisher re-sends after a crash). {@code rm_streams} keeps the last
 * sequence applied per aggregate, one small document each, and a record at or below it is skipped: it is written
 * after every other collection of the batch, so it never claims an event whose effects were lost.
 */
@Component
class LedgerEventConsumer implements ConsumerSeekAware {
    static final String STREAMS = "rm_streams";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerEventConsumer.class);

    private final EventRecords records;
    private final List<Projection> projections;
    private final ReadModels readModels;
    private final TopicPositions positions;
    private final MongoTemplate mongo;

    LedgerEventConsumer(EventRecords records, List<Projection> projections, ReadModels readModels,
                        TopicPositions positions, MongoTemplate mongo) {
        this.records = records;
        this.projections = projections;
        this.readModels = readModels;
        this.positions = positions;
        this.mongo = mongo;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        positions.seek(assignments.keySet(), callback);
    }

    // The listener id would otherwise be the group id too, and the configured group would be ignored.
    @KafkaListener(id = "ledger-events", groupId = "${ledger.kafka.consumer-group}-events",
            topics = "${ledger.kafka.events-topic}", batch = "true",
            concurrency = "${ledger.kafka.concurrency}")
    void on(List<ConsumerRecord<String, byte[]>> batch) {
        readModels.inBatch(Set.of(STREAMS), () -> {
            for (ConsumerRecord<String, byte[]> record : batch) {
                apply(record);
            }
            return null;
        });
        positions.advance(batch);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        LedgerEvent event;
        try {
            event = records.read(record);
        } catch (EventRecords.UnreadableEventException e) {
            park(record, e);
            return;
        }
        Document stream = readModels.find(STREAMS, event.aggregateId());
        if (stream != null && stream.get("sequence", Number.class).longValue() >= event.aggregateSequence()) {
            return;
        }
        for (Projection projection : projections) {
            projection.apply(event);
        }
        readModels.setIfNewer(STREAMS, event.aggregateId(), event, "sequence", event.aggregateSequence());
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
