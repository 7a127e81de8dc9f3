package org.campaignledger.query.ingest;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import org.springframework.stereotype.Component;

/**
 * {@code rm_kafka_positions}: per topic partition, the offset of the last record whose effects are written to the
 * read models. A consumer resumes from here, not from the offsets committed to Kafka (those only feed the lag
 * metrics): a store that loses its last writes loses this position with them, so the records they came from are
 * read and applied again (ADR 0014).
 */
@Component
public class TopicPositions {
    static final String COLLECTION = "rm_kafka_positions";

    private final MongoTemplate mongo;

    TopicPositions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Moves each newly assigned partition to the record after the last one the read models hold. */
    public void seek(Collection<TopicPartition> partitions, ConsumerSeekCallback callback) {
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Document held = mongo.getCollection(COLLECTION).find(Filters.eq("_id", key(partition))).first();
            if (held == null) {
                fresh.add(partition);
            } else {
                callback.seek(partition.topic(), partition.partition(), held.get("offset", Number.class).longValue() + 1);
            }
        }
        if (!fresh.isEmpty()) {
            callback.seekToBeginning(fresh);
        }
    }

    /** Records that the read models hold every record of {@code records}: call it after they are written. */
    public void advance(List<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, Long> last = new HashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            last.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        last.forEach((partition, offset) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", key(partition)),
                new Document("_id", key(partition)).append("topic", partition.topic())
                        .append("partition", partition.partition()).append("offset", offset),
                new ReplaceOptions().upsert(true))));
        if (!writes.isEmpty()) {
            mongo.getCollection(COLLECTION).bulkWrite(writes);
        }
    }

    private static String key(TopicPartition partition) {
        return partition.topic() + "/" + partition.partition();
    }
}
