package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, public submission end to end: an opinion and evaluation forms sent without any account, through the
 * same pipeline as every command; nothing of the client reaches the event store, and a form token records one
 * form only while its session is open.
 */
class PublicSubmissionEndToEndTest {
    private static final Map<String, String> CLIENT = Map.of("X-Forwarded-For", "198.51.100.77",
            "User-Agent", "PublicPortalE2E/1.0");
    private final LedgerClient client = new LedgerClient(EmbeddedEnvironment.shared());

    @Test
    void the_public_submits_without_an_account_and_leaves_no_trace_of_itself() throws SQLException {
        Scenario scenario = new Scenario(client).campaign("DEFAULT", List.of("LEADING_BODY"));
        String county = scenario.id("county");
        scenario.unitWithSecretary(county, "COUNTY", "LEADING_BODY", "COMMITTEE", null);
        scenario.countyOffice(county, List.of("demo-office-staff"));

        var opinion = client.publicPost("/api/public/opinions", Map.of("campaignId", scenario.campaign,
                "collectedAtUnitId", county, "rawText", "The service hall closes at lunch",
                "submitterCategory", "SERVICE_OBJECT", "name", "Wang Fang", "contact", "138-0000-0000"), CLIENT);
        assertThat(opinion.status()).as(opinion.raw().body()).isEqualTo(201);
        String opinionId = opinion.body().get("aggregateId").asText();
        List<String> stored = eventsOf(opinionId);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).contains("\"actorId\":\"anonymous\"", "ONLINE_PLATFORM", "submitterPiiRef")
                .doesNotContain("198.51.100.77", "127.0.0.1", "PublicPortalE2E", "Wang Fang", "138-0000-0000");

        String participation = scenario.preparedParticipation(county, 1);
        Scenario.ok(client.command("StartStage", Map.of("participationId", participation, "stage", 1,
                "date", "2014-01-20")));
        Scenario.ok(client.command("PlanEvaluation", Map.of("participationId", participation, "type", "STAGE_1",
                "attemptNo", 1, "participantScope", List.of(Map.of("category", "RESIDENT", "plannedCount", 100)))));
        String evaluation = participation + ":STAGE_1:1";
        Scenario.ok(client.command("CreditEvaluationPrecondition", Map.of("evaluationId", evaluation,
                "key", "EVALUATION_PLAN_APPROVED", "sourceRef", "doc-" + evaluation)));

        var tooEarly = client.post("/api/evaluations/" + evaluation + "/form-tokens", Map.of("count", 2),
                "importer", Map.of());
        assertThat(tooEarly.status()).as(tooEarly.raw().body()).isEqualTo(422);
        assertThat(tooEarly.body().get("ruleId").asText()).isEqualTo("R-API-STATE");

        Scenario.ok(client.command("OpenEvaluationSession", Map.of("evaluationId", evaluation, "date", "2014-03-10",
                "hostPersonId", Scenario.secretaryOf(county), "participantsByCategory", Map.of("RESIDENT", 100))));
        var issued = client.post("/api/evaluations/" + evaluation + "/form-tokens", Map.of("count", 2), "importer",
                Map.of());
        assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        String first = issued.body().at("/tokens/0").asText();
        String second = issued.body().at("/tokens/1").asText();

        Map<String, Object> form = Map.of("token", first, "participantCategory", "RESIDENT", "overall", "SATISFIED");
        var recorded = client.publicPost("/api/public/evaluation-forms", form, CLIENT);
        assertThat(recorded.status()).as(recorded.raw().body()).isEqualTo(200);
        var reused = client.publicPost("/api/public/evaluation-forms", form, CLIENT);
        assertThat(reused.status()).as(reused.raw().body()).isEqualTo(422);
        assertThat(reused.body().get("ruleId").asText()).isEqualTo("R-API-TOKEN-USED");
        var wrongCategory = client.publicPost("/api/public/evaluation-forms", Map.of("token", second,
                "participantCategory", "NOT_IN_SCOPE", "overall", "SATISFIED"), CLIENT);
        assertThat(wrongCategory.body().get("ruleId").asText()).as("a rejected form leaves its token unspent")
                .isEqualTo("R-EVL-10");

        List<String> evaluationEvents = eventsOf(evaluation);
        String formEvent = evaluationEvents.stream().filter(e -> e.contains("\"formId\"")).findFirst().orElseThrow();
        assertThat(formEvent).contains("\"participantCategory\":\"RESIDENT\"")
                .doesNotContain(first, "198.51.100.77", "127.0.0.1", "PublicPortalE2E");

        Scenario.ok(client.command("RecordPaperTally", Map.of("evaluationId", evaluation, "tallyId", "batch-1",
                "counts", Map.of("satisfied", 60, "basicallySatisfied", 20, "dissatisfied", 19), "invalid", 0)));
        Scenario.ok(client.command("ConfirmPaperTally", Map.of("evaluationId", evaluation, "tallyId", "batch-1",
                "occurredAt", "2014-03-10T01:00:00Z"), "office-staff", Map.of()));
        Scenario.ok(client.command("CloseEvaluation", Map.of("evaluationId", evaluation)));
        var expired = client.publicPost("/api/public/evaluation-forms", Map.of("token", second,
                "participantCategory", "RESIDENT", "overall", "SATISFIED"), CLIENT);
        assertThat(expired.status()).as(expired.raw().body()).isEqualTo(422);
        assertThat(expired.body().get("ruleId").asText()).isEqualTo("R-API-TOKEN-EXPIRED");
    }

    /** Each event of the aggregate as stored: its payload and metadata, as text. */
    private static List<String> eventsOf(String aggregateId) throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection db = EmbeddedEnvironment.shared().eventStore(); PreparedStatement select = db.prepareStatement(
                "SELECT payload, metadata FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            select.setString(1, aggregateId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new String(rows.getBytes(1), StandardCharsets.UTF_8) + " "
                            + new String(rows.getBytes(2), StandardCharsets.UTF_8));
                }
            }
        }
        return events;
    }
}
