package org.campaignledger.query.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignledger.query.participation.ProgressFixtures.CAMPAIGN;
import static org.campaignledger.query.participation.ProgressFixtures.event;
import static org.campaignledger.query.participation.ProgressFixtures.participation;
import static org.campaignledger.query.participation.ProgressFixtures.registered;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentEvent.DocumentApproved;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPlanned;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallied;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallyCorrected;
import org.campaignledger.kernel.evaluation.RatingCounts;
import org.campaignledger.kernel.id.DocumentId;
import org.campaignledger.kernel.id.LookBackId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackConcluded;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOpened;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeDecided;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackRuleWarningRaised;
import org.campaignledger.kernel.lookback.LookBackOutcome;
import org.campaignledger.kernel.lookback.OutcomeTerms;
import org.campaignledger.kernel.lookback.ReviewWindow;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReparented;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationEnums.ParticipationState;
import org.campaignledger.kernel.participation.ParticipationEvent.RuleWarningRaised;
import org.campaignledger.kernel.participation.ParticipationEvent.StageCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.StageExtended;
import org.campaignledger.kernel.participation.ParticipationEvent.StageReopened;
import org.campaignledger.kernel.participation.ParticipationEvent.StageStarted;
import org.campaignledger.kernel.participation.ParticipationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rm_unit_progress fed by the participation and by the aggregates around it, each event delivered twice. */
class ProgressProjectionsTest {
    private static final ParticipationId TOWN = participation("town");
    private static final LocalDate MAR_1 = LocalDate.of(2014, 3, 1);

    private final ProgressFixtures fixtures = new ProgressFixtures();

    @AfterEach
    void stop() {
        fixtures.close();
    }

    private Document town() {
        return fixtures.readModels.find(UnitProgressProjection.COLLECTION, TOWN.value());
    }

    private static EvaluationPlanned planned(int attemptNo) {
        return new EvaluationPlanned(EvaluationId.of(TOWN, EvaluationType.STAGE_1, attemptNo), TOWN,
                UnitId.of("town"), EvaluationType.STAGE_1, attemptNo, null, List.of(), List.of(), Set.of(), null, null);
    }

    private static EvaluationTallied tallied(int attemptNo, int numerator, boolean passed) {
        return new EvaluationTallied(EvaluationId.of(TOWN, EvaluationType.STAGE_1, attemptNo), TOWN,
                UnitId.of("town"), EvaluationType.STAGE_1, attemptNo, 100, numerator, 0, 100 - numerator, 0,
                numerator, 100, passed, Map.of(), null, null);
    }

    private static String evaluation(int attemptNo) {
        return EvaluationId.of(TOWN, EvaluationType.STAGE_1, attemptNo).value();
    }

    private static DocumentApproved approved(int version) {
        return new DocumentApproved(DocumentId.of("plan"), DocType.IMPLEMENTATION_PLAN, TOWN, UnitId.of("town"), null,
                version, MAR_1);
    }

    @Test
    void counters_that_arrive_before_the_registration_are_kept_and_each_counts_once() {
        fixtures.deliver(event(evaluation(1), 0, planned(1)),
                event("plan", 5, approved(1)),
                event("plan", 9, approved(2)),
                event("lb", 0, new LookBackOpened(LookBackId.of("lb"), TOWN, UnitId.of("town"), 2,
                        UnitId.of("county"), 1, SgId.of("sg"), new ReviewWindow(MAR_1, MAR_1.plusDays(5)), null)),
                event(TOWN.value(), 0, registered("town", UnitType.TOWNSHIP_STREET, Level.TOWNSHIP, 1, "county")));

        Document town = town();
        assertThat(town.getString("state")).isEqualTo("REGISTERED");
        assertThat(town.getString("campaignId")).isEqualTo(CAMPAIGN.value());
        assertThat(town.getEmbedded(List.of("evaluation", "STAGE_1", "attempts"), Integer.class)).isEqualTo(1);
        assertThat(town.getEmbedded(List.of("documentsApproved", "IMPLEMENTATION_PLAN"), Integer.class)).isEqualTo(1);
        assertThat(town.getEmbedded(List.of("lookBack", "open"), Integer.class)).isEqualTo(1);
    }

    @Test
    void the_latest_attempts_result_wins_and_a_stale_correction_changes_nothing() {
        fixtures.deliver(event(TOWN.value(), 0, registered("town", UnitType.TOWNSHIP_STREET, Level.TOWNSHIP, 1)),
                event(evaluation(1), 0, planned(1)),
                event(evaluation(1), 7, tallied(1, 50, false)),
                event(evaluation(2), 0, planned(2)),
                event(evaluation(2), 7, tallied(2, 70, true)),
                event(evaluation(1), 8, new EvaluationTallyCorrected(EvaluationId.of(evaluation(1)), TOWN,
                        UnitId.of("town"), EvaluationType.STAGE_1, 1, new RatingCounts(50, 0, 50), 0,
                        new RatingCounts(60, 0, 40), 0, 60, 100, false, "miscount", null)),
                event(evaluation(1), 0, planned(1)));

        Document result = town().getEmbedded(List.of("evaluation", "STAGE_1"), Document.class);
        assertThat(result.getInteger("attempts")).isEqualTo(2);
        assertThat(result.getInteger("lastAttemptNo")).isEqualTo(2);
        assertThat(result.getBoolean("passed")).isTrue();
        assertThat(result.get("lastRatio", Document.class)).containsEntry("numerator", 70)
                .containsEntry("denominator", 100).containsEntry("value", 0.7);
    }

    @Test
    void look_backs_warnings_and_exceptions_are_counted_once() {
        LookBackId lookBack = LookBackId.of("lb");
        OutcomeTerms redo = new OutcomeTerms(LookBackOutcome.REDO, null, null, null, null, null);
        fixtures.deliver(event(TOWN.value(), 0, registered("town", UnitType.TOWNSHIP_STREET, Level.TOWNSHIP, 1)),
                event(TOWN.value(), 1, new RuleWarningRaised(TOWN, "R-UNP-12", "3 of 5 days")),
                event("lb", 0, new LookBackOpened(lookBack, TOWN, UnitId.of("town"), 2, UnitId.of("county"), 1,
                        SgId.of("sg"), new ReviewWindow(MAR_1, MAR_1.plusDays(5)), null)),
                event("lb", 1, new LookBackOutcomeDecided(lookBack, TOWN, UnitId.of("town"), 1, redo, null),
                        Map.of(MetaDataKeys.EXCEPTION_ID, "exc-1")),
                event("lb", 2, new LookBackRuleWarningRaised(lookBack, TOWN, "R-LBK-07", "late")),
                event("lb", 3, new LookBackConcluded(lookBack, TOWN, UnitId.of("town"), 1, LookBackOutcome.PASS, null)));

        Document town = town();
        assertThat(town.get("lookBack", Document.class)).containsEntry("open", 0).containsEntry("outcome", "PASS")
                .containsEntry("reviewedStage", 1).containsEntry("lookBackId", "lb");
        assertThat(town.getInteger("warningCount")).isEqualTo(2);
        assertThat(town.getList("warnings", Document.class)).extracting(w -> w.getString("ruleId"))
                .containsExactly("R-UNP-12", "R-LBK-07");
        assertThat(town.get("exceptionsUsed", Document.class)).containsEntry("count", 1)
                .containsEntry("exceptionIds", List.of("exc-1"));
    }

    @Test
    void a_stage_keeps_its_extensions_and_a_reopening_takes_over_its_completion() {
        fixtures.deliver(event(TOWN.value(), 0, registered("town", UnitType.TOWNSHIP_STREET, Level.TOWNSHIP, 1)),
                event(TOWN.value(), 1, new StageStarted(TOWN, 1, MAR_1, LocalDate.of(2014, 3, 31), null, null)),
                event(TOWN.value(), 2, new StageCompleted(TOWN, 1, LocalDate.of(2014, 3, 30))),
                event(TOWN.value(), 3, new StageReopened(TOWN, 1, ParticipationState.STAGE_2, "lb", Set.of())),
                event(TOWN.value(), 4, new StageExtended(TOWN, 1, LocalDate.of(2014, 3, 31), LocalDate.of(2014, 4, 15),
                        "lb", List.of())));

        Document stage = town().getEmbedded(List.of("stages", "1"), Document.class);
        assertThat(town().getString("state")).isEqualTo("STAGE_1");
        assertThat(stage).doesNotContainKey("completedAt").containsEntry("extendedTo", "2014-04-15")
                .containsEntry("reopenedBy", "lb");
        assertThat(stage.getList("reopenings", Document.class)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("completedAt", "2014-03-30")
                        .containsEntry("previousState", "STAGE_2"));
        assertThat(stage.getList("extensions", Document.class)).singleElement()
                .satisfies(x -> assertThat(x).containsEntry("from", "2014-03-31").containsEntry("to", "2014-04-15"));
    }

    @Test
    void a_moved_unit_and_the_units_below_it_are_restamped_and_keep_their_rollouts_jurisdiction() {
        ParticipationId village = participation("village");
        fixtures.deliver(event(TOWN.value(), 0, registered("town", UnitType.TOWNSHIP_STREET, Level.TOWNSHIP, 1,
                        "province", "county")),
                event(village.value(), 0, registered("village", UnitType.VILLAGE_COMMUNITY, Level.VILLAGE, 2,
                        "province", "county", "town")),
                event("town", 3, new UnitReparented(UnitId.of("town"), UnitId.of("county"), UnitId.of("county-b"),
                        List.of(UnitId.of("province"), UnitId.of("county-b")), UnitId.of("county-b"), MAR_1, null)));

        assertThat(town().getList("ancestorIds", String.class)).containsExactly("province", "county-b");
        Document villageDoc = fixtures.readModels.find(UnitProgressProjection.COLLECTION, village.value());
        assertThat(villageDoc.getList("ancestorIds", String.class)).containsExactly("province", "county-b", "town");
        assertThat(villageDoc.getString("jurisdictionId")).isEqualTo("county");
    }
}
