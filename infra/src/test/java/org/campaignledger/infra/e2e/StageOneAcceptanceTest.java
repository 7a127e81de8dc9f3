package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance scenarios of DOMAIN §9 for Stage 1, end to end through the HTTP API on the embedded stack: a county
 * jurisdiction with its rollout and office, a township (tier 2) and a village (tier 3).
 */
class StageOneAcceptanceTest {
    private final LedgerClient client = new LedgerClient(EmbeddedEnvironment.shared());
    private Scenario scenario;
    private String suffix;
    private String campaign;
    private String county;
    private String town;
    private String village;

    @BeforeEach
    void jurisdiction() {
        Scenario scenario = new Scenario(client)
                .campaign("KENLI_DEMO", List.of("LEADING_BODY", "TOWNSHIP_STREET", "VILLAGE_COMMUNITY"));
        this.scenario = scenario;
        suffix = scenario.suffix;
        campaign = scenario.campaign;
        county = scenario.id("county");
        town = scenario.id("town");
        village = scenario.id("village");
        scenario.unitWithSecretary(county, "COUNTY", "LEADING_BODY", "COMMITTEE", null);
        scenario.unitWithSecretary(town, "TOWNSHIP", "TOWNSHIP_STREET", "COMMITTEE", county);
        scenario.unitWithSecretary(village, "VILLAGE", "VILLAGE_COMMUNITY", "BRANCH", town);
        String rollout = "rollout:" + campaign + ":2:" + county;
        ok(client.command("OpenRollout", Map.of("campaignId", campaign, "batchNo", 2, "jurisdictionUnitId", county)));
        ok(client.command("EstablishLeadingGroup", Map.of("rolloutId", rollout, "headPersonId", "sec-" + county,
                "memberIds", List.of(), "date", "2014-02-20")));
        ok(client.command("EstablishCampaignOffice", Map.of("rolloutId", rollout, "directorPersonId", "sec-" + county,
                "approverIds", List.of("demo-office-approver"), "date", "2014-02-20")));
    }

    @Test
    void AS_22_a_township_starts_stage_1_early_only_with_a_granted_exception() {
        String countyP = scenario.preparedParticipation(county, 1);
        String townP = scenario.preparedParticipation(town, 2);
        ok(client.command("StartStage", Map.of("participationId", countyP, "stage", 1, "date", "2014-03-03")));

        var early = client.command("StartStage", Map.of("participationId", townP, "stage", 1, "date", "2014-03-08"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().get("ruleId").asText()).isEqualTo("R-UNP-08");

        String exceptionId = "ex-" + suffix;
        var granted = client.command("GrantPolicyException", Map.of("rolloutId", "rollout:" + campaign + ":2:" + county,
                "exceptionId", exceptionId, "unitId", town, "ruleId", "R-UNP-08",
                "justification", "the township's secretary was appointed late", "date", "2014-03-05",
                "occurredAt", "2014-03-05T01:00:00Z"),
                "office-approver", Map.of());
        ok(granted);
        ok(client.command("StartStage", Map.of("participationId", townP, "stage", 1, "date", "2014-03-08",
                "exceptionId", exceptionId)));

        JsonNode history = client.query("/api/audit/streams/" + townP).body();
        JsonNode started = null;
        for (JsonNode event : history.get("events")) {
            if (event.get("eventType").asText().equals("StageStarted")) {
                started = event;
            }
        }
        assertThat(started).isNotNull();
        assertThat(started.at("/envelope/exceptionId").asText()).isEqualTo(exceptionId);
    }

    @Test
    void AS_21_a_weak_village_starts_stage_1_only_after_organisational_rectification() {
        String countyP = scenario.preparedParticipation(county, 1);
        String townP = scenario.preparedParticipation(town, 2);
        String villageP = scenario.preparedParticipation(village, 3);
        ok(client.command("StartStage", Map.of("participationId", countyP, "stage", 1, "date", "2014-03-03")));
        ok(client.command("StartStage", Map.of("participationId", townP, "stage", 1, "date", "2014-03-18")));
        ok(client.command("FlagWeakOrganisation", Map.of("participationId", villageP,
                "reason", "the branch has not met for a year")));

        var refused = client.command("StartStage", Map.of("participationId", villageP, "stage", 1, "date", "2014-04-02"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("ruleId").asText()).isEqualTo("R-UNP-05");

        ok(client.command("CompleteOrganisationalRectification", Map.of("participationId", villageP,
                "summary", "a new secretary was elected", "evidenceRefs", List.of("minutes-1"))));
        ok(client.command("StartStage", Map.of("participationId", villageP, "stage", 1, "date", "2014-04-02")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = client.query("/api/participations/" + villageP).body();
            assertThat(progress.get("state").asText()).isEqualTo("STAGE_1");
            assertThat(progress.get("weakOrganisation").asBoolean()).isTrue();
            assertThat(progress.at("/gates/ORG_RECTIFICATION_DONE/satisfied").asBoolean()).isTrue();
            JsonNode byType = client.query("/api/progress/rollup?campaignId=" + campaign + "&groupBy=UNIT_TYPE").body();
            assertThat(byType.at("/total/units").asInt()).isEqualTo(3);
            assertThat(byType.at("/total/byState/STAGE_1").asInt()).isEqualTo(3);
            assertThat(byType.at("/groups/VILLAGE_COMMUNITY/weakOrganisation").asInt()).isEqualTo(1);
            JsonNode byNode = client.query("/api/progress/rollup?campaignId=" + campaign + "&ancestorId=" + county
                    + "&groupBy=NODE").body();
            assertThat(byNode.at("/groups/" + town + "/units").asInt()).isEqualTo(2);
        });
    }

    @Test
    void AS_24_an_anonymous_opinion_never_shows_its_submitter() {
        Map<String, Object> opinion = new LinkedHashMap<>();
        opinion.put("campaignId", campaign);
        opinion.put("receivedOn", "2014-02-10");
        opinion.put("channel", "SUGGESTION_BOX");
        opinion.put("mode", Map.of("naming", "ANONYMOUS", "setting", "INDIVIDUAL", "approach", "DELIVERED_TO_DOOR"));
        opinion.put("submitterCategory", "RESIDENT");
        opinion.put("submitterPii", Map.of("name", "Zhao Liu", "contact", "13912345678"));
        opinion.put("rawText", "The village accounts are never published");
        opinion.put("collectedAtUnitId", village);
        var recorded = client.command("RecordOpinion", opinion);
        ok(recorded);
        String opinionId = recorded.body().get("aggregateId").asText();
        ok(client.command("ClassifyOpinion", Map.of("opinionId", opinionId, "family", "DOORSTEP_MALPRACTICE")));
        ok(client.command("RouteOpinion", Map.of("opinionId", opinionId, "targetLevel", "UNIT",
                "targetUnitId", village)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                client.query("/api/opinions/" + opinionId).body().get("status").asText()).isEqualTo("ROUTED"));
        for (String path : List.of("/api/opinions/" + opinionId, "/api/opinions?unitId=" + village,
                "/api/units/" + village + "/opinion-stats", "/api/audit/streams/" + opinionId,
                "/api/audit/units/" + village + "/events?size=100")) {
            String body = client.query(path).raw().body();
            assertThat(body).as(path).doesNotContain("Zhao Liu").doesNotContain("13912345678");
            if (!path.startsWith("/api/audit")) {
                // Read models do not even carry the vault token; auditors see the token, never the identity.
                assertThat(body).as(path).doesNotContain("submitterPiiRef");
            }
        }
    }

    private static void ok(LedgerClient.Response response) {
        Scenario.ok(response);
    }
}
