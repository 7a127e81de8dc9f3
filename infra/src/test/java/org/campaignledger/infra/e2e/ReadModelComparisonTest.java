package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault suite's read-model comparison must see every content difference, and no bookkeeping one. */
class ReadModelComparisonTest {
    private MongoServer server;
    private MongoClient mongo;
    private MongoDatabase rebuilt;
    private MongoDatabase live;

    @BeforeEach
    void databases() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        mongo = MongoClients.create("mongodb://localhost:" + address.getPort());
        rebuilt = mongo.getDatabase("rebuilt");
        live = mongo.getDatabase("live");
    }

    @AfterEach
    void close() {
        mongo.close();
        server.shutdown();
    }

    @Test
    void bookkeepingAtAnyDepthIsNoDifference() {
        rebuilt.getCollection("rm_opinions").insertOne(opinion("o-1", "RECORDED")
                .append("lastEventId", "e-1").append("lastGlobalSequence", 7L)
                .append("_pos", new Document("3", 12L)).append("_v", 1L));
        live.getCollection("rm_opinions").insertOne(opinion("o-1", "RECORDED")
                .append("lastEventId", "e-9").append("lastGlobalSequence", 70L)
                .append("_pos", new Document("3", 99L)).append("_v", 4L));
        rebuilt.getCollection("rm_opinion_stats").insertOne(new Document("_id", "b").append("received", 2)
                .append("_pos", new Document("0", 5L)));
        live.getCollection("rm_opinion_stats").insertOne(new Document("_id", "b").append("received", 2)
                .append("_pos", new Document("0", 5L).append("1", 8L)));

        assertThat(ReadModelComparison.differences(rebuilt, live)).isEmpty();
    }

    @Test
    void contentMissingOrExtraDocumentsAreDifferences() {
        rebuilt.getCollection("rm_opinions").insertMany(List.of(opinion("o-1", "RECORDED"), opinion("o-2", "ROUTED")));
        live.getCollection("rm_opinions").insertMany(List.of(opinion("o-1", "CLASSIFIED"), opinion("o-3", "ROUTED")));
        rebuilt.getCollection("rm_timeline").insertOne(new Document("_id", "e-1").append("unitId", "u"));
        live.getCollection("other").insertOne(new Document("_id", "not a read model"));

        assertThat(ReadModelComparison.differences(rebuilt, live)).containsExactlyInAnyOrder(
                "rm_opinions o-1: {\"status\": \"CLASSIFIED\", \"target\": {\"unitId\": \"u\"}} instead of "
                        + "{\"status\": \"RECORDED\", \"target\": {\"unitId\": \"u\"}}",
                "rm_opinions o-2: missing",
                "rm_opinions o-3: unexpected",
                "rm_timeline e-1: missing");
    }

    private static Document opinion(String id, String status) {
        return new Document("_id", id).append("status", status)
                .append("target", new Document("unitId", "u").append("_seen", id));
    }
}
