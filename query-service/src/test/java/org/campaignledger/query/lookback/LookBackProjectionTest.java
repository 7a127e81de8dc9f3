package org.campaignledger.query.lookback;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.LookBackId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.lookback.CheckItem;
import org.campaignledger.kernel.lookback.CorrectiveAction;
import org.campaignledger.kernel.lookback.FindingResult;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackConcluded;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackCorrectiveActionBecameOverdue;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackCorrectiveActionCompleted;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackFindingRecorded;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOpened;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeDecided;
import org.campaignledger.kernel.lookback.LookBackOutcome;
import org.campaignledger.kernel.lookback.OutcomeTerms;
import org.campaignledger.kernel.lookback.ReviewWindow;
import org.campaignledger.kernel.participation.ParticipationId;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A look-back's document follows its lifecycle and is the same however often its events arrive. */
class LookBackProjectionTest {
    private static final LookBackId ID = LookBackId.of("lb-1");
    private static final UnitId TOWN = UnitId.of("town");
    private static final ParticipationId PARTICIPATION = ParticipationId.of(CampaignId.of("mlc"), 1, TOWN);
    private static final LocalDate DUE = LocalDate.of(2014, 6, 10);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private Projection projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "test");
        ReadModels readModels = ReadModelsForTests.over(mongo);
        projection = ReadModelsForTests.batched(readModels, new LookBackProjection(readModels));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private static List<LedgerEvent> history() {
        PersonId member = PersonId.of("sg-a");
        List<Object> payloads = new ArrayList<>();
        payloads.add(new LookBackOpened(ID, PARTICIPATION, TOWN, 1, UnitId.of("county"), 1, SgId.of("sg-1"),
                new ReviewWindow(LocalDate.of(2014, 5, 12), LocalDate.of(2014, 5, 26)), member));
        for (CheckItem item : CheckItem.values()) {
            payloads.add(new LookBackFindingRecorded(ID, PARTICIPATION, item,
                    item == CheckItem.C3_OPINIONS_SHALLOW_UNFOCUSED ? FindingResult.ISSUE : FindingResult.OK, null,
                    List.of(), member));
        }
        payloads.add(new LookBackOutcomeDecided(ID, PARTICIPATION, TOWN, 1, new OutcomeTerms(
                LookBackOutcome.RECTIFY_BY_DEADLINE, DUE, null, null, null, List.of(
                new CorrectiveAction("a1", "Hear opinions again", DUE), new CorrectiveAction("a2", "Publish", DUE))),
                member));
        payloads.add(new LookBackCorrectiveActionCompleted(ID, PARTICIPATION, "a1", List.of("doc-1"), member));
        payloads.add(new LookBackCorrectiveActionBecameOverdue(ID, PARTICIPATION, "a2", DUE,
                Instant.parse("2014-06-10T16:00:00Z")));
        payloads.add(new LookBackCorrectiveActionCompleted(ID, PARTICIPATION, "a2", List.of(), member));
        payloads.add(new LookBackConcluded(ID, PARTICIPATION, TOWN, 1, LookBackOutcome.RECTIFY_BY_DEADLINE, member));
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new LedgerEvent("e" + i, payloads.get(i).getClass().getSimpleName(), null, "1",
                    "LookBackReview", ID.value(), i, 100L + i, "2014-05-12T00:00:00Z", Map.of(), payloads.get(i), ReadModelsForTests.nextPosition()));
        }
        return events;
    }

    private Document document() {
        Document d = mongo.getCollection(LookBackProjection.LOOKBACKS).find().first();
        d.remove(ReadModels.LAST_SEQUENCE);
        return d;
    }

    @Test
    void the_document_follows_the_look_back_to_its_conclusion() {
        history().forEach(projection::apply);
        Document d = document();
        assertThat(d.getString("status")).isEqualTo("CONCLUDED");
        assertThat(d.getString("outcome")).isEqualTo("RECTIFY_BY_DEADLINE");
        assertThat(((Document) d.get("findings")).get("C3_OPINIONS_SHALLOW_UNFOCUSED", Document.class)
                .getString("result")).isEqualTo("ISSUE");
        assertThat(d.getList("correctiveActions", Document.class))
                .extracting(a -> a.getString("actionId") + ":" + a.getBoolean("done") + ":" + a.getBoolean("overdue"))
                .containsExactly("a1:true:false", "a2:true:true");
    }

    @Test
    void re_delivered_events_change_nothing() {
        List<LedgerEvent> events = history();
        events.forEach(projection::apply);
        Document once = document();
        events.forEach(projection::apply);
        projection.apply(events.get(8));
        assertThat(document()).isEqualTo(once);
    }
}
