package org.campaignledger.query.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.opinion.FourWind;
import org.campaignledger.kernel.opinion.OpinionChannel;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassified;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionMergedAsDuplicate;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRecorded;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionReferred;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRouted;
import org.campaignledger.kernel.opinion.OpinionCommand.ReferralRecipient;
import org.campaignledger.kernel.opinion.OpinionMode;
import org.campaignledger.kernel.opinion.OpinionTarget;
import org.campaignledger.kernel.opinion.ProblemFamily;
import org.campaignledger.kernel.opinion.SubmitterCategory;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.campaignledger.query.ingest.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Opinion statistics move with the opinion's state and count every event once, however often it arrives. */
class OpinionProjectionTest {
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private Projection projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "test");
        ReadModels readModels = new ReadModels(mongo);
        projection = ReadModelsForTests.batched(readModels, new OpinionProjection(readModels));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private static List<LedgerEvent> history(String id) {
        OpinionId opinion = OpinionId.of(id);
        List<Object> payloads = List.of(
                new OpinionRecorded(opinion, CampaignId.of("mlc"), LocalDate.of(2014, 2, 20), OpinionChannel.HOTLINE,
                        new OpinionMode(OpinionMode.Naming.ANONYMOUS, OpinionMode.Setting.INDIVIDUAL,
                                OpinionMode.Approach.DELIVERED_TO_DOOR), SubmitterCategory.WORK_OBJECT, null, "t", "h",
                        PersonId.of("clerk"), UnitId.of("town"), null, true),
                new OpinionClassified(opinion, CampaignId.of("mlc"), UnitId.of("town"), ProblemFamily.FOUR_WINDS,
                        FourWind.HEDONISM, null, null, PersonId.of("clerk")),
                new OpinionRouted(opinion, new OpinionTarget(OpinionTarget.Level.UNIT, UnitId.of("town"), null),
                        PersonId.of("clerk")),
                new OpinionReferred(opinion, ReferralRecipient.DISCIPLINE_INSPECTION, "vlt", PersonId.of("office")));
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new LedgerEvent(id + "-e" + i, payloads.get(i).getClass().getSimpleName(), null, "1", "Opinion",
                    id, i, 100L + i, "2014-02-20T00:00:00Z", Map.of(), payloads.get(i), ReadModelsForTests.nextPosition()));
        }
        return events;
    }

    private Document totals() {
        Document sum = new Document();
        mongo.getCollection(OpinionProjection.STATS).find().forEach(bucket -> bucket.forEach((k, v) -> {
            if (v instanceof Number n) {
                sum.put(k, sum.getInteger(k, 0) + n.intValue());
            }
        }));
        return sum;
    }

    @Test
    void every_event_counts_once_even_when_delivered_twice() {
        List<LedgerEvent> events = history("op-1");
        events.forEach(projection::apply);
        events.forEach(projection::apply);
        Document totals = totals();
        assertThat(totals.getInteger("received")).isEqualTo(1);
        assertThat(totals.getInteger("unique")).isEqualTo(1);
        assertThat(totals.getInteger("priority")).isEqualTo(1);
        assertThat(totals.getInteger("classified")).isEqualTo(1);
        assertThat(totals.getInteger("routed")).isEqualTo(1);
        assertThat(totals.getInteger("referred")).isEqualTo(1);
        Document opinion = mongo.getCollection(OpinionProjection.OPINIONS).find(new Document("_id", "op-1")).first();
        assertThat(opinion.getString("status")).isEqualTo("ROUTED");
        assertThat(opinion.get("target", Document.class).getString("unitId")).isEqualTo("town");
        assertThat(opinion.toJson()).doesNotContain("submitterPiiRef");
    }

    @Test
    void a_merged_duplicate_stays_received_but_is_no_longer_unique() {
        List<LedgerEvent> events = new ArrayList<>(history("op-2").subList(0, 2));
        OpinionMergedAsDuplicate merged = new OpinionMergedAsDuplicate(OpinionId.of("op-2"), OpinionId.of("op-1"), 0.9);
        events.add(new LedgerEvent("op-2-merge", "OpinionMergedAsDuplicate", null, "1", "Opinion", "op-2", 2, 200L,
                "2014-02-21T00:00:00Z", Map.of(), merged, ReadModelsForTests.nextPosition()));
        events.forEach(projection::apply);
        projection.apply(events.get(2));
        Document totals = totals();
        assertThat(totals.getInteger("received")).isEqualTo(1);
        assertThat(totals.getInteger("unique")).isZero();
        assertThat(totals.getInteger("classified")).isEqualTo(1);
    }
}
