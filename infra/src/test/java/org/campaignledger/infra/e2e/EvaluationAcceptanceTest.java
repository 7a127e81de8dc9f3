package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AS-12 and AS-13 of DOMAIN §9 end to end: a Stage-1 public evaluation fails at 66/100, the unit cannot leave
 * Stage 1 or try again until the ordered rework is done, and passes at 67/100, which credits the participation.
 */
class EvaluationAcceptanceTest {
    private final LedgerClient client = new LedgerClient(EmbeddedEnvironment.shared());

    @Test
    void AS_12_AS_13_two_thirds_decides_and_a_failure_means_rework_before_another_attempt() {
        Scenario scenario = new Scenario(client).campaign("DEFAULT", List.of("LEADING_BODY"));
        String county = scenario.id("county");
        scenario.unitWithSecretary(county, "COUNTY", "LEADING_BODY", "COMMITTEE", null);
        String secretary = Scenario.secretaryOf(county);
        // the paper tally is entered by the unit and confirmed by the county's campaign office (R-EVL-13)
        scenario.countyOffice(county, List.of("demo-office-staff"));
        String participation = scenario.preparedParticipation(county, 1);
        ok(client.command("StartStage", Map.of("participationId", participation, "stage", 1, "date", "2014-01-20")));
        ok(client.command("RecordStudyActivity", Map.of("participationId", participation, "activityId", "study-1",
                "activityType", "CONCENTRATED_STUDY", "from", "2014-01-21", "to", "2014-01-27", "halfDays", 12,
                "participantCount", 11, "sgAttendeePersonIds", List.of("demo-sg-member"))));

        String first = evaluate(participation, secretary, 1, 40, 26, 34);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode evaluation = client.query("/api/evaluations/" + first).body();
            assertThat(evaluation.toString()).contains("FAILED");
        });

        var tooSoon = plan(participation, 2);
        assertThat(tooSoon.status()).isEqualTo(422);
        assertThat(tooSoon.body().get("ruleId").asText()).isEqualTo("R-EVL-11");

        ok(client.command("OrderRework", Map.of("participationId", participation, "reworkId", "rework-1",
                "evaluationId", first, "scope", List.of("SUPPLEMENTARY_OPINION_COLLECTION"),
                "reason", "satisfaction below two thirds")));
        var stuck = client.command("StartStage", Map.of("participationId", participation, "stage", 2,
                "date", "2014-03-20"));
        assertThat(stuck.status()).isEqualTo(422);
        assertThat(stuck.body().get("ruleId").asText()).isEqualTo("R-UNP-22");

        ok(client.command("CompleteRework", Map.of("participationId", participation, "reworkId", "rework-1",
                "evidenceRefs", List.of("listening-records"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> planAccepted(participation));
        String second = evaluationId(participation, 2);
        runSession(second, secretary, 40, 27, 33);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                client.query("/api/participations/" + participation).body()
                        .at("/gates/STAGE1_EVALUATION_PASSED/satisfied").asBoolean()).isTrue());
        ok(client.command("StartStage", Map.of("participationId", participation, "stage", 2, "date", "2014-03-25")));
    }

    private boolean planAccepted(String participation) {
        var planned = plan(participation, 2);
        return planned.status() == 201;
    }

    private String evaluate(String participation, String host, int attempt, int satisfied, int basically,
                            int dissatisfied) {
        ok(plan(participation, attempt));
        String id = evaluationId(participation, attempt);
        runSession(id, host, satisfied, basically, dissatisfied);
        return id;
    }

    private void runSession(String id, String host, int satisfied, int basically, int dissatisfied) {
        ok(client.command("CreditEvaluationPrecondition", Map.of("evaluationId", id, "key", "EVALUATION_PLAN_APPROVED",
                "sourceRef", "doc-" + id)));
        ok(client.command("OpenEvaluationSession", Map.of("evaluationId", id, "date", "2014-03-10",
                "hostPersonId", host, "participantsByCategory", Map.of("RESIDENT", 100))));
        ok(client.command("RecordPaperTally", Map.of("evaluationId", id, "tallyId", "batch-1",
                "counts", Map.of("satisfied", satisfied, "basicallySatisfied", basically, "dissatisfied", dissatisfied),
                "invalid", 0)));
        // roles are resolved as of the command's business time, here the session day
        ok(client.command("ConfirmPaperTally", Map.of("evaluationId", id, "tallyId", "batch-1",
                "occurredAt", "2014-03-10T01:00:00Z"), "office-staff", Map.of()));
        ok(client.command("CloseEvaluation", Map.of("evaluationId", id)));
    }

    private LedgerClient.Response plan(String participation, int attempt) {
        return client.command("PlanEvaluation", Map.of("participationId", participation, "type", "STAGE_1",
                "attemptNo", attempt, "participantScope", List.of(Map.of("category", "RESIDENT", "plannedCount", 100))));
    }

    private static String evaluationId(String participation, int attempt) {
        return participation + ":STAGE_1:" + attempt;
    }

    private static void ok(LedgerClient.Response response) {
        Scenario.ok(response);
    }
}
