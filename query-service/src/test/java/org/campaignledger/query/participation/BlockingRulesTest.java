package org.campaignledger.query.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.campaignledger.kernel.campaign.CampaignEvent.CampaignDefined;
import org.campaignledger.kernel.campaign.CampaignEvent.PolicyProfileAdopted;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.MaterialRequirement;
import org.campaignledger.kernel.participation.ParticipationEnums.MeetingType;
import org.campaignledger.kernel.participation.ParticipationEnums.RectificationForm;
import org.campaignledger.kernel.participation.ParticipationEvent.GateFactCredited;
import org.campaignledger.kernel.participation.ParticipationEvent.ParticipationRegistered;
import org.campaignledger.kernel.participation.ParticipationEvent.PreparationStarted;
import org.campaignledger.kernel.participation.ParticipationEvent.StageStarted;
import org.campaignledger.kernel.participation.ParticipationId;
import org.campaignledger.query.access.TestReaders;
import org.campaignledger.query.campaign.CampaignProjection;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.campaignledger.query.organisation.AncestorPaths;
import org.campaignledger.query.platform.BadRequestException;
import org.campaignledger.query.rollout.RolloutProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** blockingRules of rm_unit_progress (DOMAIN §5.2), read through the participation endpoints. */
class BlockingRulesTest {
    private static final CampaignId CAMPAIGN = CampaignId.of("mlc");
    private static final UnitId COUNTY = UnitId.of("county");
    private static final UnitId TOWN = UnitId.of("town");
    private static final ParticipationId TOWN_ID = ParticipationId.of(CAMPAIGN, 2, TOWN);
    private static final ParticipationId COUNTY_ID = ParticipationId.of(CAMPAIGN, 2, COUNTY);
    /** KENLI_DEMO's parameters as PolicyProfileAdopted carries them (DOMAIN §2). */
    private static final Map<String, String> KENLI_DEMO = Map.of("minConcentratedStudyDays", "3",
            "seminarsCountAsStudy", "false", "minSeminars", "0", "tierStaggerDays", "15", "staggerToleranceDays", "5",
            "minUnitDuration", "P3M", "evaluationsRequired", "POST_MEETING,OVERALL",
            "leaderGrassrootsListeningDays", "7", "excludedStudyFormats", "EXPERT_LECTURE,FILM");

    private MongoServer server;
    private MongoClient client;
    private Projection progress;
    private ParticipationController controller;
    private MongoTemplate mongo;
    private final Map<String, Long> sequences = new HashMap<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "test");
        ReadModels readModels = ReadModelsForTests.over(mongo);
        progress = ReadModelsForTests.batched(readModels,
                new UnitProgressProjection(readModels, new AncestorPaths(readModels), mongo));
        controller = new ParticipationController(mongo, new BlockingRules(mongo),
                new ProgressReads(mongo, Clock.fixed(Instant.parse("2014-04-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"))),
                TestReaders.auditor());
        Projection campaigns = ReadModelsForTests.batched(readModels, new CampaignProjection(readModels));
        campaigns.apply(event("Campaign", CAMPAIGN.value(), new CampaignDefined(CAMPAIGN, "MLC", "theme", "req")));
        campaigns.apply(event("Campaign", CAMPAIGN.value(),
                new PolicyProfileAdopted(CAMPAIGN, "KENLI_DEMO", 1, KENLI_DEMO, LocalDate.of(2014, 1, 1))));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private LedgerEvent event(String aggregateType, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        return new LedgerEvent(aggregateId + "#" + sequence, payload.getClass().getSimpleName(),
                payload.getClass().getName(), "1", aggregateType, aggregateId, sequence, null,
                "2014-03-01T00:00:00Z", Map.of(), payload, ReadModelsForTests.nextPosition());
    }

    private void participation(Object payload) {
        String id = payload instanceof ParticipationRegistered r ? r.participationId().value()
                : ((org.campaignledger.kernel.participation.ParticipationEvent) payload).participationId().value();
        progress.apply(event("UnitParticipation", id, payload));
    }

    /** A township in tier 2 under the county, in preparation, with the leading group and the approved plan. */
    private void preparingTownWithoutMobilisation() {
        participation(new ParticipationRegistered(TOWN_ID, CAMPAIGN, 2, TOWN, UnitType.TOWNSHIP_STREET,
                Level.TOWNSHIP, 2, COUNTY, List.of(COUNTY), MeetingType.SPECIAL_DLM, MaterialRequirement.FULL,
                RectificationForm.COLLECTIVE_PLAN_AND_PERSONAL));
        participation(new PreparationStarted(TOWN_ID, LocalDate.of(2014, 2, 20)));
        participation(credited(TOWN_ID, GateFact.LEADING_GROUP_FORMED));
        participation(credited(TOWN_ID, GateFact.IMPLEMENTATION_PLAN_APPROVED));
    }

    /** The county the town cascades from (R-UNP-07), in tier 1. */
    private void countyRegistered() {
        participation(new ParticipationRegistered(COUNTY_ID, CAMPAIGN, 2, COUNTY, UnitType.LEADING_BODY,
                Level.COUNTY, 1, COUNTY, List.of(), MeetingType.SPECIAL_DLM, MaterialRequirement.FULL,
                RectificationForm.COLLECTIVE_PLAN_AND_PERSONAL));
    }

    private void countyStartsStage1OnFeb28() {
        participation(new PreparationStarted(COUNTY_ID, LocalDate.of(2014, 2, 1)));
        participation(new StageStarted(COUNTY_ID, 1, LocalDate.of(2014, 2, 28), null, null, null));
    }

    private static GateFactCredited credited(ParticipationId id, GateFact fact) {
        return new GateFactCredited(id, fact, "Test", "src", "evt-" + fact);
    }

    @Test
    void a_participation_missing_its_mobilisation_is_blocked_by_R_UNP_06_until_it_is_credited() {
        preparingTownWithoutMobilisation();
        Document town = controller.participation(TOWN_ID.value(), "2014-03-01");
        assertThat(town.getList("blockingRules", String.class)).containsExactly("R-UNP-06");
        assertThat(town.getList("blockingReasons", Document.class).get(0).getString("message"))
                .endsWith("missing [MOBILISED]");

        participation(credited(TOWN_ID, GateFact.MOBILISED));
        assertThat(controller.participation(TOWN_ID.value(), "2014-03-01").getList("blockingRules", String.class))
                .isEmpty();
    }

    @Test
    void the_cascade_and_stagger_follow_the_predecessor_and_the_date_asked_for() {
        preparingTownWithoutMobilisation();
        participation(credited(TOWN_ID, GateFact.MOBILISED));
        countyRegistered();
        assertThat(controller.participation(TOWN_ID.value(), "2014-03-01").getList("blockingRules", String.class))
                .containsExactly("R-UNP-07");

        countyStartsStage1OnFeb28();
        assertThat(controller.participation(TOWN_ID.value(), "2014-03-09").getList("blockingRules", String.class))
                .containsExactly("R-UNP-08");
        assertThat(controller.participation(TOWN_ID.value(), "2014-03-10").getList("blockingRules", String.class))
                .isEmpty();
    }

    @Test
    void the_stagger_follows_the_jurisdictions_override_as_on_the_command_side() {
        preparingTownWithoutMobilisation();
        participation(credited(TOWN_ID, GateFact.MOBILISED));
        countyRegistered();
        countyStartsStage1OnFeb28();
        mongo.getCollection(RolloutProjection.COLLECTION).insertOne(new Document("_id",
                "rollout:" + CAMPAIGN.value() + ":2:" + COUNTY.value()).append("policyOverrides",
                new Document("tierStaggerDays", new Document("value", "10").append("reason", "short stagger"))));
        assertThat(controller.participation(TOWN_ID.value(), "2014-03-05").getList("blockingRules", String.class))
                .isEmpty();
        assertThat(controller.participation(TOWN_ID.value(), "2014-03-04").getList("blockingRules", String.class))
                .containsExactly("R-UNP-08");
    }

    @Test
    void the_list_shows_each_participations_blocking_rules() {
        preparingTownWithoutMobilisation();
        @SuppressWarnings("unchecked")
        List<Document> items = (List<Document>) controller.participations(CAMPAIGN.value(), null, null, null, null,
                null, "2014-03-01", 0, 50).get("items");
        assertThat(items).singleElement()
                .satisfies(town -> assertThat(town.getList("blockingRules", String.class)).containsExactly("R-UNP-06"));
    }

    @Test
    void asOf_must_be_a_date() {
        preparingTownWithoutMobilisation();
        assertThatThrownBy(() -> controller.participation(TOWN_ID.value(), "March"))
                .isInstanceOf(BadRequestException.class);
    }
}
