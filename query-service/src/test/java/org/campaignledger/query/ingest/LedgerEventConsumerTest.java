package org.campaignledger.query.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.campaignledger.kernel.envelope.KafkaHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

/**
 * The consumer against a store that loses its last writes, and against a topic that holds events twice: after
 * resuming from the positions the read models hold, the documents equal those of a run that lost nothing.
 */
class LedgerEventConsumerTest {
    private static final String TOPIC = "ledger.events.v1";
    private static final List<String> COLLECTIONS = List.of("rm_things", "rm_tally", LedgerEventConsumer.STREAMS,
            TopicPositions.COLLECTION);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    /** A document per aggregate counting its events, and one shared tally touched twice by every event. */
    private static Projection tally(ReadModels readModels) {
        return event -> {
            if (event.aggregateSequence() == 0) {
                readModels.insertOnce("rm_things", event, new Document("_id", event.aggregateId()).append("n", 1));
            } else {
                readModels.updateInOrder("rm_things", event.aggregateId(), event, Updates.inc("n", 1));
            }
            readModels.countOnce("rm_tally", "all", event, new Document("kind", "tally"),
                    new Document("events", 1).append("balance", -1));
            readModels.countOnce("rm_tally", "all", event, new Document(), new Document("balance", 1));
        };
    }

    private LedgerEventConsumer consumer() {
        ReadModels readModels = new ReadModels(mongo);
        return new LedgerEventConsumer(new EventRecords(new ObjectMapper()), List.of(tally(readModels)), readModels,
                new TopicPositions(mongo), mongo);
    }

    /** Three aggregates, four events each, interleaved on one partition from {@code firstOffset}. */
    private static List<ConsumerRecord<String, byte[]>> records(long firstOffset) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long offset = firstOffset;
        for (int sequence = 0; sequence < 4; sequence++) {
            for (String aggregate : List.of("a", "b", "c")) {
                ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(TOPIC, 0, offset++, aggregate,
                        "{}".getBytes(StandardCharsets.UTF_8));
                header(record, KafkaHeaders.CE_ID, aggregate + "#" + sequence);
                header(record, KafkaHeaders.CE_TYPE, "SomethingHappened");
                header(record, KafkaHeaders.AGGREGATE_ID, aggregate);
                header(record, KafkaHeaders.AGGREGATE_SEQUENCE, Integer.toString(sequence));
                records.add(record);
            }
        }
        return records;
    }

    private static void header(ConsumerRecord<String, byte[]> record, String key, String value) {
        record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void deliver(LedgerEventConsumer consumer, List<ConsumerRecord<String, byte[]>> records, int batch) {
        for (int from = 0; from < records.size(); from += batch) {
            consumer.on(records.subList(from, Math.min(records.size(), from + batch)));
        }
    }

    /** Every collection's documents by id, without the version counter (a rerun writes a document more often). */
    private Map<String, Map<Object, Document>> contents() {
        Map<String, Map<Object, Document>> contents = new TreeMap<>();
        for (String collection : COLLECTIONS) {
            Map<Object, Document> documents = new TreeMap<>();
            mongo.getCollection(collection).find().forEach(d -> {
                d.remove(ReadModelBatch.VERSION);
                documents.put(d.get("_id"), d);
            });
            contents.put(collection, documents);
        }
        return contents;
    }

    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> copy = new TreeMap<>();
        COLLECTIONS.forEach(c -> copy.put(c, mongo.getCollection(c).find().into(new ArrayList<>())));
        return copy;
    }

    private void restore(String collection, List<Document> documents) {
        mongo.getCollection(collection).deleteMany(new Document());
        if (!documents.isEmpty()) {
            mongo.getCollection(collection).insertMany(documents);
        }
    }

    /** Where the consumer goes when the partition is assigned to it: an offset, or -1 for the beginning. */
    private static long seekOnAssignment(LedgerEventConsumer consumer) {
        long[] seeked = {Long.MIN_VALUE};
        ConsumerSeekCallback callback = (ConsumerSeekCallback) Proxy.newProxyInstance(
                LedgerEventConsumerTest.class.getClassLoader(), new Class<?>[] {ConsumerSeekCallback.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "seek" -> seeked[0] = (Long) args[2];
                        case "seekToBeginning" -> seeked[0] = -1;
                        default -> throw new AssertionError("unexpected " + method.getName());
                    }
                    return null;
                });
        consumer.onPartitionsAssigned(Map.of(new TopicPartition(TOPIC, 0), 0L), callback);
        return seeked[0];
    }

    @Test
    void a_consumer_with_no_stored_position_starts_from_the_beginning() {
        assertThat(seekOnAssignment(consumer())).isEqualTo(-1);
    }

    @Test
    void after_the_store_loses_its_last_writes_the_consumer_resumes_where_the_read_models_are() {
        List<ConsumerRecord<String, byte[]>> records = records(0);
        deliver(consumer(), records, 4);
        Map<String, Map<Object, Document>> lostNothing = contents();
        assertThat(lostNothing.get("rm_tally").get("all").getInteger("events")).isEqualTo(12);
        assertThat(lostNothing.get("rm_tally").get("all").getInteger("balance")).isZero();
        COLLECTIONS.forEach(c -> mongo.getCollection(c).deleteMany(new Document()));

        deliver(consumer(), records.subList(0, 8), 4);
        Map<String, List<Document>> afterTwoBatches = snapshot();
        deliver(consumer(), records.subList(8, 12), 4);
        // The store keeps a prefix of its writes: the last batch's rm_things survived, the rest of it did not.
        List.of("rm_tally", LedgerEventConsumer.STREAMS, TopicPositions.COLLECTION)
                .forEach(c -> restore(c, afterTwoBatches.get(c)));

        LedgerEventConsumer restarted = consumer();
        long resumeAt = seekOnAssignment(restarted);
        assertThat(resumeAt).isEqualTo(8);
        deliver(restarted, records.subList((int) resumeAt, 12), 4);
        assertThat(contents()).isEqualTo(lostNothing);
    }

    @Test
    void events_published_twice_at_later_offsets_count_once() {
        LedgerEventConsumer consumer = consumer();
        deliver(consumer, records(0), 5);
        Map<String, Map<Object, Document>> once = contents();
        deliver(consumer, records(12), 5);
        Map<String, Map<Object, Document>> twice = contents();
        assertThat(twice.get("rm_tally").get("all").getInteger("events")).isEqualTo(12);
        assertThat(twice.get("rm_things").values()).extracting(d -> d.getInteger("n")).containsOnly(4);
        assertThat(twice.get(TopicPositions.COLLECTION).values()).extracting(d -> d.get("offset", Number.class).longValue())
                .containsExactly(23L);
        assertThat(twice.get("rm_things")).isEqualTo(once.get("rm_things"));
    }

    @Test
    void a_batch_delivered_again_after_a_crash_before_its_position_was_stored_changes_nothing() {
        LedgerEventConsumer consumer = consumer();
        List<ConsumerRecord<String, byte[]>> records = records(0);
        deliver(consumer, records, 6);
        Map<String, Map<Object, Document>> once = contents();
        mongo.getCollection(TopicPositions.COLLECTION).deleteMany(new Document());
        mongo.getCollection(LedgerEventConsumer.STREAMS).deleteMany(new Document());

        LedgerEventConsumer restarted = consumer();
        assertThat(seekOnAssignment(restarted)).isEqualTo(-1);
        deliver(restarted, records, 6);
        Map<String, Map<Object, Document>> again = contents();
        assertThat(again.get("rm_things")).isEqualTo(once.get("rm_things"));
        assertThat(again.get("rm_tally")).isEqualTo(once.get("rm_tally"));
    }
}
