package org.campaignledger.query.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The write patterns against a MongoDB-wire server: a batch is written at its end, and a record applied again at
 * the same position changes nothing, whether the batch was interrupted, repeated or raced by another consumer.
 */
class ReadModelsTest {
    private static MongoServer server;
    private static MongoClient client;
    private static ReadModels readModels;
    private static MongoTemplate mongo;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://localhost:" + address.getPort());
        mongo = new MongoTemplate(client, "test");
        readModels = new ReadModels(mongo);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    private static LedgerEvent event(String aggregateId, long sequence, Position position) {
        return new LedgerEvent(aggregateId + "#" + sequence, "Something", null, "1", "Agg", aggregateId, sequence,
                10L + sequence, "2014-01-01T00:00:00Z", Map.of(), null, position);
    }

    private static LedgerEvent event(String aggregateId, long sequence) {
        return event(aggregateId, sequence, ReadModelsForTests.nextPosition());
    }

    private static Document stored(String collection, String id) {
        return mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    @Test
    void a_first_event_inserts_once() {
        LedgerEvent created = event("a1", 0);
        readModels.inBatch(() -> readModels.insertOnce("docs", created, new Document("_id", "a1").append("name", "first")));
        readModels.inBatch(() -> readModels.insertOnce("docs", event("a1", 0),
                new Document("_id", "a1").append("name", "published twice")));
        assertThat(stored("docs", "a1").getString("name")).isEqualTo("first");
        assertThat(stored("docs", "a1").getLong(ReadModels.LAST_SEQUENCE)).isZero();
    }

    @Test
    void a_later_event_applies_in_order_once() {
        readModels.inBatch(() -> readModels.insertOnce("ordered", event("a2", 0), new Document("_id", "a2").append("n", 0)));
        LedgerEvent next = event("a2", 1);
        readModels.inBatch(() -> assertThat(readModels.updateInOrder("ordered", "a2", next, Updates.inc("n", 1))).isTrue());
        readModels.inBatch(() -> assertThat(readModels.updateInOrder("ordered", "a2", next, Updates.inc("n", 1))).isFalse());
        readModels.inBatch(() -> assertThat(readModels.updateInOrder("ordered", "a2", event("a2", 1), Updates.inc("n", 1)))
                .isFalse());
        readModels.inBatch(() -> assertThat(readModels.updateInOrder("ordered", "a2", event("a2", 0), Updates.inc("n", 1)))
                .isFalse());
        assertThat(stored("ordered", "a2").getInteger("n")).isEqualTo(1);
    }

    @Test
    void an_update_of_a_document_that_does_not_exist_changes_nothing() {
        readModels.inBatch(() -> assertThat(readModels.updateInOrder("ordered", "nobody", event("nobody", 3),
                Updates.set("n", 1))).isFalse());
        readModels.inBatch(() -> assertThat(readModels.update("ordered", "nobody", event("nobody", 3),
                Updates.set("n", 1))).isFalse());
        assertThat(stored("ordered", "nobody")).isNull();
    }

    @Test
    void counters_count_each_position_once_and_one_event_may_touch_a_document_twice() {
        Document key = new Document("unitId", "u1");
        LedgerEvent first = event("o1", 0);
        LedgerEvent moved = event("o1", 1);
        readModels.inBatch(() -> {
            readModels.countOnce("counters", "b1", first, key, new Document("received", 1));
            readModels.countOnce("counters", "b1", moved, key, new Document("received", -1));
            readModels.countOnce("counters", "b1", moved, key, new Document("received", 1).append("routed", 1));
        });
        readModels.inBatch(() -> readModels.countOnce("counters", "b1", first, key, new Document("received", 1)));
        readModels.inBatch(() -> readModels.countOnce("counters", "b1", moved, key, new Document("routed", 1)));
        Document bucket = stored("counters", "b1");
        assertThat(bucket.getInteger("received")).isEqualTo(1);
        assertThat(bucket.getInteger("routed")).isEqualTo(1);
        assertThat(bucket.getString("unitId")).isEqualTo("u1");
        assertThat(bucket.get(ReadModelBatch.POSITIONS, Document.class).get("0", Number.class).longValue())
                .isEqualTo(moved.position().offset());
    }

    @Test
    void positions_of_other_partitions_are_kept_apart() {
        readModels.inBatch(() -> {
            readModels.countOnce("partitions", "b", event("x", 0, new Position(0, 7)), new Document(),
                    new Document("n", 1));
            readModels.countOnce("partitions", "b", event("y", 0, new Position(1, 3)), new Document(),
                    new Document("n", 1));
        });
        readModels.inBatch(() -> readModels.countOnce("partitions", "b", event("z", 0, new Position(1, 5)),
                new Document(), new Document("n", 1)));
        readModels.inBatch(() -> readModels.countOnce("partitions", "b", event("w", 0, new Position(0, 6)),
                new Document(), new Document("n", 1)));
        Document bucket = stored("partitions", "b");
        assertThat(bucket.getInteger("n")).isEqualTo(3);
        assertThat(bucket.get(ReadModelBatch.POSITIONS, Document.class)).isEqualTo(new Document("0", 7L).append("1", 5L));
    }

    @Test
    void a_first_event_keeps_the_counters_other_aggregates_put_there_first() {
        readModels.inBatch(() -> readModels.countOnce("shared", "p1", event("other", 0), new Document(),
                new Document("other.count", 1)));
        LedgerEvent created = event("p1", 0);
        readModels.inBatch(() -> readModels.insertOnce("shared", created, new Document("_id", "p1").append("state", "REGISTERED")));
        readModels.inBatch(() -> readModels.insertOnce("shared", event("p1", 0), new Document("_id", "p1").append("state", "REPLAYED")));
        Document shared = stored("shared", "p1");
        assertThat(shared.getString("state")).isEqualTo("REGISTERED");
        assertThat(shared.get("other", Document.class).getInteger("count")).isEqualTo(1);
        readModels.inBatch(() -> assertThat(readModels.updateInOrder("shared", "p1", event("p1", 1),
                Updates.set("state", "NEXT"))).isTrue());
        assertThat(stored("shared", "p1").getString("state")).isEqualTo("NEXT");
    }

    @Test
    void a_value_is_set_only_by_a_newer_version() {
        readModels.inBatch(() -> readModels.setIfNewer("versioned", "v1", event("v", 0), "meta.version", 5,
                Updates.set("value", "five")));
        readModels.inBatch(() -> readModels.setIfNewer("versioned", "v1", event("v", 1), "meta.version", 3,
                Updates.set("value", "three")));
        readModels.inBatch(() -> readModels.setIfNewer("versioned", "v1", event("v", 2), "meta.version", 5,
                Updates.set("value", "five again")));
        assertThat(stored("versioned", "v1").getString("value")).isEqualTo("five");
        readModels.inBatch(() -> readModels.setIfNewer("versioned", "v1", event("v", 3), "meta.version", 7,
                Updates.set("value", "seven")));
        assertThat(stored("versioned", "v1").getString("value")).isEqualTo("seven");
    }

    @Test
    void a_batch_reads_its_own_writes_and_stores_nothing_before_it_ends() {
        LedgerEvent created = event("r1", 0);
        readModels.inBatch(() -> {
            readModels.insertOnce("own", created, new Document("_id", "r1").append("n", 1));
            readModels.updateInOrder("own", "r1", event("r1", 1), Updates.inc("n", 1));
            assertThat(readModels.find("own", "r1").getInteger("n")).isEqualTo(2);
            assertThat(stored("own", "r1")).isNull();
        });
        assertThat(stored("own", "r1").getInteger("n")).isEqualTo(2);
    }

    @Test
    void a_batch_that_fails_stores_nothing() {
        assertThatThrownBy(() -> readModels.inBatch(() -> {
            readModels.insertOnce("failing", event("f1", 0), new Document("_id", "f1"));
            throw new IllegalStateException("projection failed");
        })).hasMessage("projection failed");
        assertThat(stored("failing", "f1")).isNull();
    }

    @Test
    void writes_outside_a_batch_are_refused() {
        assertThatThrownBy(() -> readModels.countOnce("outside", "x", event("x", 0), new Document(), new Document("n", 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> readModels.inBatch(() -> readModels.inBatch(() -> { })))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bookkeeping_goes_last_and_a_query_sees_the_batch_so_far() {
        LedgerEvent created = event("q1", 0);
        List<Document> found = readModels.inBatch(Set.of("books"), () -> {
            readModels.countOnce("books", "q1", created, new Document(), new Document("n", 1));
            readModels.insertOnce("queried", created, new Document("_id", "q1").append("colour", "red"));
            return readModels.query("queried", Filters.eq("colour", "red"));
        });
        assertThat(found).extracting(d -> d.getString("_id")).containsExactly("q1");
        assertThat(stored("books", "q1").getInteger("n")).isEqualTo(1);
    }

    /** Two consumers fold into the same counter: the one that read a stale version applies its batch again. */
    @Test
    @Timeout(20)
    void a_batch_raced_on_a_shared_document_is_applied_again_and_loses_no_count() throws Exception {
        readModels.inBatch(() -> readModels.countOnce("raced", "c", event("seed", 0), new Document(), new Document("n", 1)));
        CountDownLatch aRead = new CountDownLatch(1);
        CountDownLatch bWrote = new CountDownLatch(1);
        AtomicInteger attemptsOfA = new AtomicInteger();
        LedgerEvent fromA = event("a", 0, new Position(0, 1_000_000));
        LedgerEvent fromB = event("b", 0, new Position(1, 1_000_000));
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> readModels.inBatch(() -> {
            readModels.countOnce("raced", "c", fromA, new Document(), new Document("n", 10));
            if (attemptsOfA.incrementAndGet() == 1) {
                aRead.countDown();
                await(bWrote);
            }
        }));
        await(aRead);
        readModels.inBatch(() -> readModels.countOnce("raced", "c", fromB, new Document(), new Document("n", 100)));
        bWrote.countDown();
        a.get(10, TimeUnit.SECONDS);
        assertThat(stored("raced", "c").getInteger("n")).isEqualTo(111);
        assertThat(attemptsOfA.get()).isEqualTo(2);
    }

    /** Two consumers, each on its own partitions, folding batches into the same few buckets at once. */
    @Test
    @Timeout(60)
    void concurrent_batches_on_shared_buckets_lose_no_count() throws Exception {
        int batches = 40;
        int perBatch = 25;
        List<CompletableFuture<Void>> consumers = new ArrayList<>();
        for (int partition = 0; partition < 2; partition++) {
            int p = partition;
            consumers.add(CompletableFuture.runAsync(() -> {
                long offset = 0;
                for (int b = 0; b < batches; b++) {
                    long first = offset;
                    readModels.inBatch(() -> {
                        for (int i = 0; i < perBatch; i++) {
                            long at = first + i;
                            readModels.countOnce("buckets", "bucket-" + (at % 7), event("x" + p + "-" + at, 0,
                                    new Position(p, at)), new Document(), new Document("n", 1));
                        }
                    });
                    offset += perBatch;
                }
            }));
        }
        for (CompletableFuture<Void> consumer : consumers) {
            consumer.get(50, TimeUnit.SECONDS);
        }
        int total = mongo.getCollection("buckets").find().into(new ArrayList<>()).stream()
                .mapToInt(d -> d.getInteger("n")).sum();
        assertThat(total).isEqualTo(2 * batches * perBatch);
    }

    /**
     * A projection that skips an event its own document already holds, and derives a count from it (the opinion
     * projection's shape). When a batch is applied again half-written, the derived counts must not be lost: the
     * batch writes derived documents before the owners' documents, whatever it happened to touch first.
     */
    @Test
    void a_batch_stopped_half_way_keeps_what_owners_derive() {
        LedgerEvent first = event("owner-1", 0, new Position(0, 2_000_001));
        LedgerEvent second = event("owner-2", 0, new Position(0, 2_000_002));
        Runnable project = () -> {
            for (LedgerEvent e : List.of(first, second)) {
                if (readModels.find("owners", e.aggregateId()) != null) {
                    continue;
                }
                readModels.countOnce("derived", "bucket-of-" + e.aggregateId(), e, new Document(), new Document("n", 1));
                readModels.insertOnce("owners", e, new Document("_id", e.aggregateId()));
            }
        };
        // An earlier attempt wrote the first bucket only; so this attempt touches the owners before any bucket.
        readModels.inBatch(() -> readModels.countOnce("derived", "bucket-of-owner-1", first, new Document(),
                new Document("n", 1)));
        readModels.inBatch(() -> readModels.countOnce("derived", "bucket-of-owner-2", event("seed", 0), new Document(),
                new Document("n", 0)));
        AtomicInteger attempts = new AtomicInteger();
        readModels.inBatch(() -> {
            project.run();
            if (attempts.incrementAndGet() == 1) {
                // Another consumer changes the second bucket before this batch writes it.
                mongo.getCollection("derived").updateOne(Filters.eq("_id", "bucket-of-owner-2"),
                        Updates.inc(ReadModelBatch.VERSION, 1));
            }
        });
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(stored("derived", "bucket-of-owner-1").getInteger("n")).isEqualTo(1);
        assertThat(stored("derived", "bucket-of-owner-2").getInteger("n")).isEqualTo(1);
        assertThat(stored("owners", "owner-2")).isNotNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
