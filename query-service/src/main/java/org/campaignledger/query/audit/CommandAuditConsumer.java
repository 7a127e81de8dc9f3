package org.campaignledger.query.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.campaignledger.query.ingest.TopicPositions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * {@code rm_command_audit} (DOMAIN §6): every command outcome, accepted or rejected, keyed by commandId. An outcome
 * replaces its document whole, so a record read twice writes the same document twice; the partition positions are
 * stored after each batch, as for the events (ADR 0014).
 */
@Component
class CommandAuditConsumer implements ConsumerSeekAware {
    static final String COLLECTION = "rm_command_audit";
    private final MongoTemplate mongo;
    private final TopicPositions positions;

    CommandAuditConsumer(MongoTemplate mongo, TopicPositions positions) {
        this.mongo = mongo;
        this.positions = positions;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        positions.seek(assignments.keySet(), callback);
    }

    @KafkaListener(id = "command-audit", groupId = "${ledger.kafka.consumer-group}-command-audit",
            topics = "${ledger.kafka.command-audit-topic}", batch = "true",
            properties = "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer")
    void on(List<ConsumerRecord<String, String>> batch) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : batch) {
            Document outcome = Document.parse(record.value());
            outcome.put("_id", outcome.getString("commandId"));
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", outcome.get("_id")), outcome,
                    new ReplaceOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            mongo.getCollection(COLLECTION).bulkWrite(writes);
        }
        positions.advance(batch);
    }
}
