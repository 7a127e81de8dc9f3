package org.campaignledger.query.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code rm_command_audit} (DOMAIN §6): every command outcome, accepted or rejected, keyed by commandId. */
@Component
class CommandAuditConsumer {
    static final String COLLECTION = "rm_command_audit";
    private final MongoTemplate mongo;

    CommandAuditConsumer(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(id = "command-audit", groupId = "${ledger.kafka.consumer-group}-command-audit",
            topics = "${ledger.kafka.command-audit-topic}",
            properties = "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer")
    void on(ConsumerRecord<String, String> record) {
        Document outcome = Document.parse(record.value());
        outcome.put("_id", outcome.getString("commandId"));
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", outcome.get("_id")), outcome,
                new ReplaceOptions().upsert(true));
    }
}
