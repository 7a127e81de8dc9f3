package org.campaignledger.query.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.rollout.DateWindow;
import org.campaignledger.kernel.rollout.RolloutEvent.MobilisationConferenceHeld;
import org.campaignledger.kernel.rollout.RolloutEvent.PolicyExceptionGranted;
import org.campaignledger.kernel.rollout.RolloutEvent.RolloutOpened;
import org.campaignledger.kernel.rollout.RolloutEvent.TierDefined;
import org.campaignledger.kernel.rollout.Stage;
import org.campaignledger.kernel.rollout.TierSelector;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class RolloutProjectionTest {
    private static final RolloutId ID = RolloutId.of("mlc:2:county");
    private static final UnitId COUNTY = UnitId.of("county");
    private static final CampaignId CAMPAIGN = CampaignId.of("mlc");
    private static final LocalDate DAY = LocalDate.of(2014, 2, 28);
    private static final TierSelector TOWNSHIPS = new TierSelector(Set.of(Level.TOWNSHIP), Set.of());

    private static MongoServer server;
    private static MongoClient client;
    private static ReadModels readModels;
    private static Projection projection;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        readModels = ReadModelsForTests.over(new MongoTemplate(client, "test"));
        projection = ReadModelsForTests.batched(readModels, new RolloutProjection(readModels));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    private static LedgerEvent event(long sequence, Object payload) {
        return new LedgerEvent("e" + sequence, payload.getClass().getSimpleName(), payload.getClass().getName(), "1",
                "JurisdictionRollout", ID.value(), sequence, 100L + sequence, "2014-02-28T00:00:00Z", Map.of(),
                payload, ReadModelsForTests.nextPosition());
    }

    private static TierDefined tier2(int startDay) {
        LocalDate from = LocalDate.of(2014, 3, startDay);
        return new TierDefined(ID, CAMPAIGN, COUNTY, 2, TOWNSHIPS,
                Map.of(Stage.STAGE_1, new DateWindow(from, from.plusDays(30))), DAY, null);
    }

    @Test
    void a_redefined_tier_replaces_its_windows_and_redelivery_changes_nothing() {
        projection.apply(event(0, new RolloutOpened(ID, CAMPAIGN, 2, COUNTY, Level.COUNTY)));
        projection.apply(event(1, tier2(16)));
        projection.apply(event(2, new MobilisationConferenceHeld(ID, CAMPAIGN, COUNTY, DAY)));
        projection.apply(event(3, tier2(20)));
        PolicyExceptionGranted granted = new PolicyExceptionGranted(ID, CAMPAIGN, COUNTY, ExceptionId.of("exc-1"),
                UnitId.of("town"), "R-UNP-16", "harvest", PersonId.of("approver-1"), DAY, null, false);
        projection.apply(event(4, granted));
        projection.apply(event(4, granted));
        projection.apply(event(1, tier2(16)));

        Document rollout = readModels.find(RolloutProjection.COLLECTION, ID.value());
        assertThat(rollout.getString("state")).isEqualTo("ACTIVE");
        assertThat(rollout.getString("mobilisationDate")).isEqualTo("2014-02-28");
        Document tier = rollout.get("tiers", Document.class).get("2", Document.class);
        assertThat(tier.get("plannedWindows", Document.class).get("STAGE_1", Document.class).getString("from"))
                .isEqualTo("2014-03-20");
        assertThat(tier.getList("levels", String.class)).isEqualTo(List.of("TOWNSHIP"));
        assertThat(rollout.getList("exceptions", Document.class)).hasSize(1);
    }
}
