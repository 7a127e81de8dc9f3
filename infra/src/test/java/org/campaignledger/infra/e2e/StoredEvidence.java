package org.campaignledger.infra.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What each store of a {@link ChildStack} holds, read straight from the store rather than through the services
 * under test: events and command outcomes in PostgreSQL, records on the event topic, read-model documents.
 */
final class StoredEvidence implements AutoCloseable {
    static final String EVENTS_TOPIC = "ledger.events.v1";
    static final String READ_MODELS = "ledger";

    /** One row of the event store, with the command that produced it (from its metadata). */
    record StoredEvent(String eventId, String aggregateId, long sequence, String payloadType, String commandId) {
        boolean is(String eventType) {
            return payloadType.endsWith("$" + eventType) || payloadType.endsWith("." + eventType);
        }
    }

    private final ChildStack stack;
    // One client for the whole suite: it reconnects by itself when the stack comes back after a kill.
    private final MongoClient mongo;

    StoredEvidence(ChildStack stack) {
        this.stack = stack;
        this.mongo = MongoClients.create(stack.mongoUri(READ_MODELS));
    }

    /** Every event in PostgreSQL whose envelope names {@code unitId}. */
    List<StoredEvent> events(String unitId) {
        String sql = """
                SELECT eventidentifier, aggregateidentifier, sequencenumber, payloadtype,
                       convert_from(metadata, 'UTF8')::jsonb ->> 'commandId' AS command_id
                FROM domainevententry
                WHERE convert_from(metadata, 'UTF8')::jsonb ->> 'unitId' = ?
                ORDER BY globalindex""";
        return query(sql, s -> s.setString(1, unitId), rs -> new StoredEvent(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getString(4), rs.getString(5)));
    }

    /** All events in PostgreSQL. */
    long eventCount() {
        return query("SELECT count(*) FROM domainevententry", s -> { }, rs -> rs.getLong(1)).get(0);
    }

    /** The outcome ({@code ACCEPTED}, {@code REJECTED}) stored for each of these commands that has one. */
    Map<String, String> outcomes(Collection<String> commandIds) {
        Map<String, String> outcomes = new HashMap<>();
        query("SELECT command_id::text, outcome FROM command_outcome WHERE command_id::text = ANY (?)", s -> {
            Array ids = s.getConnection().createArrayOf("text", commandIds.toArray());
            s.setArray(1, ids);
        }, rs -> outcomes.put(rs.getString(1), rs.getString(2)));
        return outcomes;
    }

    /**
     * How many records each event id ({@code ce_id}) has on the event topic, for the events whose envelope names
     * {@code unitId}: the whole topic, read committed, from the first offset to the last.
     */
    Map<String, Integer> kafkaRecordsPerEventId(String unitId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        Map<String, Integer> records = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(EVENTS_TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (unitId.equals(header(record, "ledger_meta_unitId"))) {
                        records.merge(header(record, "ce_id"), 1, Integer::sum);
                    }
                }
            }
        }
        return records;
    }

    /** The ids of the documents of {@code collection} in the stack's read models that match {@code filter}. */
    Set<String> documentIds(String collection, Bson filter) {
        return withReadModels(READ_MODELS, db -> {
            Set<String> ids = new HashSet<>();
            db.getCollection(collection).find(filter).projection(new Document("_id", 1))
                    .forEach(d -> ids.add(String.valueOf(d.get("_id"))));
            return ids;
        });
    }

    /** The documents of {@code collection} in the stack's read models that match {@code filter}. */
    List<Document> documents(String collection, Bson filter) {
        return withReadModels(READ_MODELS, db -> db.getCollection(collection).find(filter).into(new ArrayList<>()));
    }

    long count(String database, String collection) {
        return withReadModels(database, db -> db.getCollection(collection).countDocuments());
    }

    long count(String collection) {
        return count(READ_MODELS, collection);
    }

    Set<String> idsIn(String collection, Collection<String> ids) {
        return documentIds(collection, Filters.in("_id", ids));
    }

    <T> T withReadModels(String database, Function<MongoDatabase, T> read) {
        return read.apply(mongo.getDatabase(database));
    }

    @Override
    public void close() {
        mongo.close();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        try (Connection db = stack.eventStore(); PreparedStatement statement = db.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
