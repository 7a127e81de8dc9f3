package org.campaignledger.query.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.campaignledger.query.participation.ProgressFixtures.event;
import static org.campaignledger.query.participation.ProgressFixtures.participation;
import static org.campaignledger.query.participation.ProgressFixtures.registered;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallied;
import org.campaignledger.kernel.id.LookBackId;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeDecided;
import org.campaignledger.kernel.lookback.LookBackOutcome;
import org.campaignledger.kernel.lookback.OutcomeTerms;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationEvent.StageCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.StageStarted;
import org.campaignledger.kernel.participation.ParticipationEvent.StageWindowExceeded;
import org.campaignledger.kernel.participation.ParticipationId;
import org.campaignledger.query.access.ReadRole;
import org.campaignledger.query.access.TestReaders;
import org.campaignledger.query.campaign.CampaignProjection;
import org.campaignledger.query.opinion.OpinionProjection;
import org.campaignledger.query.platform.BadRequestException;
import org.campaignledger.query.platform.NotFoundException;
import org.campaignledger.query.rollout.RolloutProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read-time fields, the roll-up, its daily snapshots and the Gantt view, over projected participations. */
class ProgressQueriesTest {
    private static final LocalDate TODAY = LocalDate.of(2014, 4, 20);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
            ZoneId.of("Asia/Shanghai"));
    private static final String ROLLOUT = "rollout:mlc:2:county";

    private final ProgressFixtures fixtures = new ProgressFixtures();
    private ProgressRollupController rollups;
    private ProgressDailySnapshots snapshots;

    @BeforeEach
    void start() {
        ProgressRollup rollup = new ProgressRollup(fixtures.mongo);
        snapshots = new ProgressDailySnapshots(fixtures.mongo, rollup, CLOCK);
        rollups = new ProgressRollupController(rollup, snapshots, CLOCK,
                TestReaders.platform(ReadRole.AUDITOR, ReadRole.SYSTEM_ADMIN));
        fixtures.mongo.getCollection(RolloutProjection.COLLECTION).insertOne(new Document("_id", ROLLOUT)
                .append("campaignId", "mlc").append("batchNo", 2).append("jurisdictionUnitId", "county")
                .append("tiers", new Document("1", new Document("tierNo", 1).append("plannedWindows", new Document(
                        "STAGE_1", window("2014-03-01", "2014-03-31")).append("STAGE_2", window("2014-04-01",
                        "2014-04-30")))))
                .append("policyOverrides", new Document()));
        fixtures.mongo.getCollection(CampaignProjection.COLLECTION).insertOne(new Document("_id", "mlc")
                .append("policy", new Document("parameters", new Document(Map.of("minConcentratedStudyDays", "3",
                        "seminarsCountAsStudy", "false", "minSeminars", "0", "tierStaggerDays", "15",
                        "staggerToleranceDays", "5", "minUnitDuration", "P3M", "evaluationsRequired", "OVERALL",
                        "leaderGrassrootsListeningDays", "7", "excludedStudyFormats", "")))));
        // town: in Stage 2, passed 80/100, look-back PASS. village: Stage 1 past its window, failed 60/100.
        // school: Stage 1 on schedule, passed 70/100, look-back REDO.
        ParticipationId town = participation("town");
        fixtures.deliver(event(town.value(), 0, registered("town", UnitType.TOWNSHIP_STREET, Level.TOWNSHIP, 1,
                        "province", "county")),
                event(town.value(), 1, new StageStarted(town, 1, LocalDate.of(2014, 3, 1),
                        LocalDate.of(2014, 3, 31), null, null)),
                event(town.value(), 2, new StageCompleted(town, 1, LocalDate.of(2014, 3, 28))),
                event(town.value(), 3, new StageStarted(town, 2, LocalDate.of(2014, 4, 1),
                        LocalDate.of(2014, 4, 30), null, null)));
        tally(town, 80, true);
        outcome(town, LookBackOutcome.PASS);
        ParticipationId village = participation("village");
        fixtures.deliver(event(village.value(), 0, registered("village", UnitType.VILLAGE_COMMUNITY, Level.VILLAGE,
                        1, "province", "county", "town")),
                event(village.value(), 1, new StageStarted(village, 1, LocalDate.of(2014, 3, 1),
                        LocalDate.of(2014, 3, 31), null, null)),
                event(village.value(), 2, new StageWindowExceeded(village, 1, LocalDate.of(2014, 3, 31), null)));
        tally(village, 60, false);
        ParticipationId school = participation("school");
        fixtures.deliver(event(school.value(), 0, registered("school", UnitType.VILLAGE_COMMUNITY, Level.VILLAGE,
                        1, "province", "county", "town")),
                event(school.value(), 1, new StageStarted(school, 1, LocalDate.of(2014, 4, 10),
                        LocalDate.of(2014, 5, 10), null, null)));
        tally(school, 70, true);
        outcome(school, LookBackOutcome.REDO);
    }

    @AfterEach
    void stop() {
        fixtures.close();
    }

    private static Document window(String from, String to) {
        return new Document("from", from).append("to", to);
    }

    private void tally(ParticipationId participation, int numerator, boolean passed) {
        EvaluationId id = EvaluationId.of(participation, EvaluationType.STAGE_1, 1);
        fixtures.deliver(event(id.value(), 5, new EvaluationTallied(id, participation, participation.unitId(),
                EvaluationType.STAGE_1, 1, 100, numerator, 0, 100 - numerator, 0, numerator, 100, passed, Map.of(),
                null, null)));
    }

    private void outcome(ParticipationId participation, LookBackOutcome outcome) {
        LookBackId id = LookBackId.of("lb-" + participation.unitId().value());
        fixtures.deliver(event(id.value(), 1, new LookBackOutcomeDecided(id, participation, participation.unitId(), 1,
                new OutcomeTerms(outcome, null, null, null, null, null), null)));
    }

    @Test
    void opinions_planned_windows_and_durations_are_completed_when_read() {
        List<Document> opinions = List.of(opinion("o1", "RECORDED", "2014-03-01"), opinion("o2", "ADDRESSED", "2014-03-01"),
                opinion("o3", "MERGED", "2014-03-01"), opinion("o4", "ROUTED", "2014-04-10"));
        fixtures.mongo.getCollection(OpinionProjection.OPINIONS).insertMany(opinions);
        Document town = new ProgressReads(fixtures.mongo, CLOCK)
                .complete(fixtures.readModels.find(UnitProgressProjection.COLLECTION, participation("town").value()));

        assertThat(town.get("opinions", Document.class)).containsEntry("received", 4).containsEntry("unique", 3)
                .containsEntry("addressed", 1).containsEntry("unaddressedOver30d", 1);
        assertThat(town.getEmbedded(List.of("stages", "1", "plannedFrom"), String.class)).isEqualTo("2014-03-01");
        assertThat(town.getEmbedded(List.of("stages", "2", "plannedFrom"), String.class)).isEqualTo("2014-04-01");
        assertThat(town.get("daysSinceStage1Start")).isEqualTo(50L);
        assertThat(town.getString("minDurationReachedOn")).isEqualTo("2014-06-01");
    }

    @Test
    void the_participation_endpoints_answer_completed_documents() {
        ParticipationController controller = new ParticipationController(fixtures.mongo,
                new BlockingRules(fixtures.mongo), new ProgressReads(fixtures.mongo, CLOCK), TestReaders.auditor());
        List<?> items = (List<?>) controller.participations("mlc", "county", null, "STAGE_1", null, null, null, 0, 50)
                .get("items");
        assertThat(items).extracting(i -> ((Document) i).getString("unitId")).containsExactly("school", "village");
        assertThat(items).allSatisfy(i -> assertThat((Document) i).containsKeys("opinions", "daysSinceStage1Start"));
        assertThat(controller.participation(participation("town").value(), null).getString("minDurationReachedOn"))
                .isEqualTo("2014-06-01");
        assertThatThrownBy(() -> controller.participation("mlc:2:nowhere", null)).isInstanceOf(NotFoundException.class);
    }

    private static Document opinion(String id, String status, String receivedOn) {
        return new Document("_id", id).append("campaignId", "mlc").append("unitId", "town").append("status", status)
                .append("receivedOn", receivedOn);
    }

    @Test
    void the_rollup_counts_schedule_satisfaction_and_look_back_outcomes() {
        Map<String, Object> byType = rollups.rollup("mlc", "county", null, "UNIT_TYPE");

        Document total = new Document(castMap(byType.get("total")));
        assertThat(total.getInteger("units")).isEqualTo(3);
        assertThat(castMap(total.get("byState"))).containsEntry("STAGE_1", 2).containsEntry("STAGE_2", 1);
        assertThat(castMap(castMap(total.get("stages")).get("1"))).containsEntry("onSchedule", 1)
                .containsEntry("behindSchedule", 1).containsEntry("completedOnTime", 1);
        assertThat(castMap(castMap(total.get("satisfaction")).get("STAGE_1"))).containsEntry("units", 3)
                .containsEntry("min", 0.6).containsEntry("median", 0.7).containsEntry("avg", 0.7)
                .containsEntry("belowTwoThirds", 1);
        assertThat(castMap(total.get("lookBackOutcomes"))).containsEntry("PASS", 1).containsEntry("REDO", 1);
        assertThat(castMap(byType.get("groups"))).containsOnlyKeys("TOWNSHIP_STREET", "VILLAGE_COMMUNITY");

        Map<String, Object> byNode = rollups.rollup("mlc", "county", null, "NODE");
        assertThat(castMap(byNode.get("groups"))).containsOnlyKeys("town");
        assertThatThrownBy(() -> rollups.rollup("mlc", null, null, "COLOUR")).isInstanceOf(BadRequestException.class);
    }

    @Test
    void a_days_snapshot_is_kept_once_per_grouping_and_read_as_a_series() {
        rollups.snapshot("mlc", "county", LocalDate.of(2014, 4, 18), null);
        rollups.snapshot("mlc", "county", LocalDate.of(2014, 4, 19), "UNIT_TYPE");
        rollups.snapshot("mlc", "county", LocalDate.of(2014, 4, 19), "UNIT_TYPE");
        assertThat(snapshots.snapshotAll(TODAY)).hasSize(4);

        assertThat(fixtures.mongo.getCollection(ProgressDailySnapshots.COLLECTION).countDocuments()).isEqualTo(9);
        Map<String, Object> series = rollups.daily("mlc", "county", "UNIT_TYPE", LocalDate.of(2014, 4, 19), null, 0, 50);
        assertThat(series.get("total")).isEqualTo(2L);
        List<?> items = (List<?>) series.get("items");
        Document first = (Document) items.get(0);
        assertThat(first.getString("day")).isEqualTo("2014-04-19");
        assertThat(first.get("total", Document.class).getInteger("units")).isEqualTo(3);
        assertThat(((Document) items.get(1)).getString("day")).isEqualTo("2014-04-20");
    }

    @Test
    void the_gantt_view_sets_each_units_stages_against_its_tiers_windows() {
        Map<String, Object> gantt = new RolloutGanttController(fixtures.mongo, TestReaders.auditor()).gantt(ROLLOUT, null);

        List<?> tiers = (List<?>) gantt.get("tiers");
        assertThat(tiers).hasSize(1);
        Map<String, Object> tier = castMap(tiers.get(0));
        assertThat(((Document) tier.get("plannedWindows")).get("STAGE_2", Document.class))
                .containsEntry("from", "2014-04-01");
        List<?> units = (List<?>) tier.get("units");
        assertThat(units).extracting(u -> ((Document) u).getString("unitId")).containsExactly("school", "town", "village");
        Document town = (Document) units.get(1);
        assertThat(town.getEmbedded(List.of("stages", "1", "completedAt"), String.class)).isEqualTo("2014-03-28");
        assertThatThrownBy(() -> new RolloutGanttController(fixtures.mongo, TestReaders.auditor()).gantt("rollout:none", null))
                .isInstanceOf(NotFoundException.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
