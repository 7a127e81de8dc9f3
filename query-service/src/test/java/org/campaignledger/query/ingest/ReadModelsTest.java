package org.campaignledger.query.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The idempotent write patterns against a MongoDB-wire server: re-delivery changes nothing. */
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

    private static LedgerEvent event(String id, String aggregateId, long sequence) {
        return new LedgerEvent(id, "Something", null, "1", "Agg", aggregateId, sequence, 10L + sequence,
                "2014-01-01T00:00:00Z", Map.of(), null);
    }

    @Test
    void a_first_event_inserts_once() {
        LedgerEvent created = event("e1", "a1", 0);
        readModels.insertOnce("docs", created, new Document("_id", "a1").append("name", "first"));
        readModels.insertOnce("docs", created, new Document("_id", "a1").append("name", "replayed"));
        assertThat(readModels.find("docs", "a1").getString("name")).isEqualTo("first");
    }

    @Test
    void a_later_event_applies_in_order_once() {
        readModels.insertOnce("ordered", event("e1", "a2", 0), new Document("_id", "a2").append("n", 0));
        assertThat(readModels.updateInOrder("ordered", "a2", event("e2", "a2", 1), Updates.inc("n", 1))).isTrue();
        assertThat(readModels.updateInOrder("ordered", "a2", event("e2", "a2", 1), Updates.inc("n", 1))).isFalse();
        assertThat(readModels.updateInOrder("ordered", "a2", event("e1", "a2", 0), Updates.inc("n", 1))).isFalse();
        assertThat(readModels.find("ordered", "a2").getInteger("n")).isEqualTo(1);
    }

    @Test
    void counters_count_each_event_once() {
        Document key = new Document("unitId", "u1");
        readModels.countOnce("counters", "b1", "e1", key, new Document("received", 1));
        readModels.countOnce("counters", "b1", "e2", key, new Document("received", 1));
        readModels.countOnce("counters", "b1", "e1", key, new Document("received", 1));
        Document bucket = readModels.find("counters", "b1");
        assertThat(bucket.getInteger("received")).isEqualTo(2);
        assertThat(bucket.getString("unitId")).isEqualTo("u1");
    }

    @Test
    void a_first_event_keeps_the_counters_other_aggregates_put_there_first() {
        readModels.countOnce("shared", "p1", "other-1", new Document(), new Document("other.count", 1));
        LedgerEvent created = event("e1", "p1", 0);
        readModels.insertOnce("shared", created, new Document("_id", "p1").append("state", "REGISTERED"));
        readModels.insertOnce("shared", created, new Document("_id", "p1").append("state", "REPLAYED"));
        readModels.countOnce("shared", "p1", "other-1", new Document(), new Document("other.count", 1));
        Document shared = readModels.find("shared", "p1");
        assertThat(shared.getString("state")).isEqualTo("REGISTERED");
        assertThat(shared.get("other", Document.class).getInteger("count")).isEqualTo(1);
        assertThat(readModels.updateInOrder("shared", "p1", event("e2", "p1", 1), Updates.set("state", "NEXT")))
                .isTrue();
    }

    @Test
    void a_value_is_set_only_by_a_newer_version() {
        readModels.setIfNewer("versioned", "v1", "version", 5, Updates.set("value", "five"));
        readModels.setIfNewer("versioned", "v1", "version", 3, Updates.set("value", "three"));
        readModels.setIfNewer("versioned", "v1", "version", 5, Updates.set("value", "five again"));
        assertThat(readModels.find("versioned", "v1").getString("value")).isEqualTo("five");
        readModels.setIfNewer("versioned", "v1", "version", 7, Updates.set("value", "seven"));
        assertThat(readModels.find("versioned", "v1").getString("value")).isEqualTo("seven");
    }
}
