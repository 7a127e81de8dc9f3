package org.campaignledger.infra.bench;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.campaignledger.infra.Endpoints;

/**
 * What the stores alone do with the pipeline's own data, measured in the same run and on the same stack, so
 * that every figure of the benchmark has a floor to be read against: the same event rows appended by plain JDBC
 * (one transaction each, as durable as the event store's), the same Kafka records sent by a plain producer with
 * the publisher's guarantees (acks=all, idempotent), and the same read-model documents written straight into the
 * MongoDB-wire server, one at a time and in bulk. Nothing here touches what the services read: rows go to a copy
 * of the event table, records to topics of their own, documents to a database of their own.
 */
final class Baselines implements AutoCloseable {
    private static final String EVENTS_TOPIC = "ledger.events.v1";
    private static final String COPY_TABLE = "bench_raw_events";
    private static final String PRODUCE_TOPIC = "bench.raw-produce";
    private static final String CHAIN_TOPIC = "bench.raw-chain";
    /** The read-model documents one {@code OpinionRecorded} writes (docs/adr/0005): one of each collection. */
    private static final List<String> OPINION_DOCUMENTS = List.of("rm_opinions", "rm_timeline", "rm_audit_index",
            "rm_opinion_stats");
    /** The query-side consumer's {@code max-poll-records}: one polled batch is one bulk write per collection. */
    private static final int BULK = 200;

    /** A baseline's rate and its latencies in ns, sorted (empty where only a rate is meaningful). */
    record Result(double perSecond, long[] latencies) {
    }

    private final Endpoints endpoints;
    private final MongoClient mongoClient;
    private final MongoDatabase source;
    private final MongoDatabase target;
    private final Admin admin;
    private int run;

    Baselines(Endpoints endpoints) {
        this.endpoints = endpoints;
        this.mongoClient = MongoClients.create(endpoints.mongoUri());
        this.source = mongoClient.getDatabase(new ConnectionString(endpoints.mongoUri()).getDatabase());
        this.target = mongoClient.getDatabase("bench_baseline");
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + COPY_TABLE);
            // The copy's own sequence: taking numbers from the event table's would leave gaps in its global index.
            s.execute("CREATE TABLE " + COPY_TABLE + " (LIKE domainevententry INCLUDING ALL EXCLUDING DEFAULTS)");
            s.execute("CREATE SEQUENCE IF NOT EXISTS " + COPY_TABLE + "_seq");
            s.execute("ALTER TABLE " + COPY_TABLE + " ALTER COLUMN globalindex SET DEFAULT nextval('" + COPY_TABLE
                    + "_seq')");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + COPY_TABLE, e);
        }
    }

    /**
     * {@code count} copies of stored {@code OpinionRecorded} rows (payload and metadata as stored, new event and
     * aggregate ids) inserted by {@code clients} threads, each insert its own transaction, into a table with the
     * event table's columns, keys and indexes.
     */
    Result jdbcAppend(int count, int clients) {
        List<Object[]> rows = opinionRows(count);
        String prefix = "raw-" + (++run) + "-";
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        long wall = inParallel(clients, () -> {
            try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO " + COPY_TABLE
                    + " (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype,"
                    + " payloadrevision, payload, metadata) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)")) {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Object[] row = rows.get(i % rows.size());
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, prefix + i);
                    for (int col = 0; col < row.length; col++) {
                        insert.setObject(3 + col, row[col]);
                    }
                    long t = System.nanoTime();
                    insert.executeUpdate();
                    latencies[i] = System.nanoTime() - t;
                }
            }
            return null;
        });
        Arrays.sort(latencies);
        return new Result(count / seconds(wall), latencies);
    }

    /** AQ-1's floor: the stream's rows, every column, read in order by plain JDBC, {@code reads} times. */
    long[] streamRead(String aggregateId, int reads) {
        long[] latencies = new long[reads];
        try (Connection c = connect(); PreparedStatement select = c.prepareStatement(
                "SELECT * FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            for (int i = -3; i < reads; i++) {
                long t = System.nanoTime();
                select.setString(1, aggregateId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rs.getBytes("payload");
                        rs.getBytes("metadata");
                    }
                }
                if (i >= 0) {
                    latencies[i] = System.nanoTime() - t;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stream of " + aggregateId, e);
        }
        Arrays.sort(latencies);
        return latencies;
    }

    /**
     * The first {@code count} records of the events topic (key, value and headers as published) sent again by a
     * producer with the publisher's settings, to a topic with as many partitions: {@code clients} threads, each
     * waiting for every acknowledgement, as the publishing processor does.
     */
    Result kafkaProduce(int count, int clients) {
        List<ProducerRecord<String, byte[]>> records = publishedRecords(count, PRODUCE_TOPIC);
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long wall = inParallel(clients, () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    producer.send(records.get(i)).get();
                    latencies[i] = System.nanoTime() - t;
                }
                return null;
            });
            Arrays.sort(latencies);
            return new Result(count / seconds(wall), latencies);
        }
    }

    /** The same records sent without waiting for each acknowledgement (the producer batches), then flushed. */
    double kafkaProducePipelined(int count) {
        List<ProducerRecord<String, byte[]>> records = publishedRecords(count, PRODUCE_TOPIC);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long t = System.nanoTime();
            records.forEach(producer::send);
            producer.flush();
            return count / seconds(System.nanoTime() - t);
        }
    }

    /**
     * The read-model documents of {@code events} opinions (from each of {@link #OPINION_DOCUMENTS} as the
     * projections wrote them, with new ids) written one document at a time: inserts, and the statistics bucket
     * replaced by id with upsert. Events per second, an event being one document of each collection.
     */
    double mongoOneAtATime(int events) {
        Map<String, List<Document>> documents = opinionDocuments(events);
        long t = System.nanoTime();
        for (int i = 0; i < events; i++) {
            for (String collection : OPINION_DOCUMENTS) {
                write(collection, documents.get(collection).get(i));
            }
        }
        return events / seconds(System.nanoTime() - t);
    }

    /** The same documents in ordered bulk writes, one per collection for each batch of {@value #BULK} events. */
    double mongoBulk(int events) {
        Map<String, List<Document>> documents = opinionDocuments(events);
        long t = System.nanoTime();
        for (int from = 0; from < events; from += BULK) {
            int to = Math.min(events, from + BULK);
            for (String collection : OPINION_DOCUMENTS) {
                List<WriteModel<Document>> writes = new ArrayList<>(to - from);
                for (Document d : documents.get(collection).subList(from, to)) {
                    writes.add(isBucket(collection)
                            ? new ReplaceOneModel<>(new Document("_id", d.get("_id")), d, new ReplaceOptions().upsert(true))
                            : new InsertOneModel<>(d));
                }
                target.getCollection(collection).bulkWrite(writes);
            }
        }
        return events / seconds(System.nanoTime() - t);
    }

    /**
     * The pipeline's hops done by hand, one event at a time: a row appended and committed, its record sent and
     * acknowledged, received by a consumer, and its read-model document inserted. The floor under the
     * end-to-end lag.
     */
    long[] rawChain(int probes) {
        createTopic(CHAIN_TOPIC, 1);
        List<Object[]> rows = opinionRows(1);
        List<ProducerRecord<String, byte[]>> records = publishedRecords(1, CHAIN_TOPIC);
        Document opinion = source.getCollection("rm_opinions").find().first();
        MongoCollection<Document> opinions = target.getCollection("chain_opinions");
        TopicPartition partition = new TopicPartition(CHAIN_TOPIC, 0);
        long[] latencies = new long[probes];
        String prefix = "chain-" + (++run) + "-";
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO " + COPY_TABLE
                + " (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype,"
                + " payloadrevision, payload, metadata) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)");
             KafkaProducer<String, byte[]> producer = producer();
             KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            for (int i = -3; i < probes; i++) {
                String id = prefix + i;
                long t = System.nanoTime();
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, id);
                for (int col = 0; col < rows.get(0).length; col++) {
                    insert.setObject(3 + col, rows.get(0)[col]);
                }
                insert.executeUpdate();
                ProducerRecord<String, byte[]> template = records.get(0);
                producer.send(new ProducerRecord<>(CHAIN_TOPIC, 0, id, template.value(), template.headers())).get();
                boolean received = false;
                while (!received) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        received |= r.key().equals(id);
                    }
                }
                opinions.insertOne(new Document(opinion).append("_id", id));
                if (i >= 0) {
                    latencies[i] = System.nanoTime() - t;
                }
            }
        } catch (SQLException | InterruptedException | ExecutionException e) {
            throw new IllegalStateException("raw chain failed", e);
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private void write(String collection, Document d) {
        MongoCollection<Document> target = this.target.getCollection(collection);
        if (isBucket(collection)) {
            target.replaceOne(new Document("_id", d.get("_id")), d, new ReplaceOptions().upsert(true));
        } else {
            target.insertOne(d);
        }
    }

    private static boolean isBucket(String collection) {
        return collection.equals("rm_opinion_stats");
    }

    /** {@code events} documents of each collection, cycling through those there are, each under a fresh id. */
    private Map<String, List<Document>> opinionDocuments(int events) {
        target.drop();
        String suffix = ":raw" + (++run) + ":";
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : OPINION_DOCUMENTS) {
            List<Document> stored = source.getCollection(collection).find().limit(events).into(new ArrayList<>());
            if (stored.isEmpty()) {
                throw new IllegalStateException(collection + " holds no document to copy");
            }
            List<Document> copies = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                Document d = new Document(stored.get(i % stored.size()));
                // Buckets keep their ids (many events update one bucket); every other document is new.
                d.put("_id", isBucket(collection) ? d.get("_id") : d.get("_id") + suffix + i);
                copies.add(d);
            }
            documents.put(collection, copies);
        }
        return documents;
    }

    private List<Object[]> opinionRows(int count) {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement select = c.prepareStatement("SELECT type, timestamp,"
                + " payloadtype, payloadrevision, payload, metadata FROM domainevententry"
                + " WHERE payloadtype LIKE '%OpinionRecorded' ORDER BY globalindex LIMIT ?")) {
            select.setInt(1, count);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBytes(5), rs.getBytes(6)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read OpinionRecorded rows", e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no OpinionRecorded row to copy");
        }
        return rows;
    }

    /** The first {@code count} records of the events topic, readdressed to {@code topic} on the same partition. */
    private List<ProducerRecord<String, byte[]>> publishedRecords(int count, String topic) {
        int partitions = partitions(EVENTS_TOPIC);
        createTopic(topic, partitions);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(EVENTS_TOPIC, p));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            long available = consumer.endOffsets(all).values().stream().mapToLong(Long::longValue).sum();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < Math.min(count, available) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new ProducerRecord<>(topic, r.partition(), r.key(), r.value(), r.headers()));
                }
            }
        }
        if (records.isEmpty()) {
            throw new IllegalStateException(EVENTS_TOPIC + " holds no record to copy");
        }
        List<ProducerRecord<String, byte[]>> cycled = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cycled.add(records.get(i % records.size()));
        }
        return cycled;
    }

    private int partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    private void createTopic(String topic, int partitions) {
        try {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            if (!existing.contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
    }

    /** The publisher's producer settings (command-service application.yml, axon.kafka.producer). */
    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(endpoints.eventStoreJdbcUrl(), endpoints.eventStoreUser(),
                endpoints.eventStorePassword());
    }

    /** Runs {@code worker} on {@code threads} threads at once; the wall time in ns. */
    private static long inParallel(int threads, Callable<Void> worker) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t = System.nanoTime();
        try {
            for (Future<Void> f : pool.invokeAll(Collections.nCopies(threads, worker))) {
                f.get();
            }
            return System.nanoTime() - t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("baseline failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    @Override
    public void close() {
        target.drop();
        admin.close();
        mongoClient.close();
    }
}
