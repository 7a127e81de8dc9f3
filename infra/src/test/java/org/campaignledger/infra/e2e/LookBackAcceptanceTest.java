package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AS-15 and AS-16 of DOMAIN §9 end to end: a look-back with an issue cannot pass, a REDO reopens Stage 1 of the
 * township's participation, and the supervision group cannot lower the outcome on its own.
 */
class LookBackAcceptanceTest {
    private static final Map<String, String> NO_HEADERS = Map.of();
    private final LedgerClient client = new LedgerClient(EmbeddedEnvironment.shared());

    @Test
    void AS_15_AS_16_an_issue_rules_out_a_pass_a_redo_reopens_the_stage_and_the_group_cannot_downgrade_alone() {
        Scenario scenario = new Scenario(client).campaign("KENLI_DEMO", List.of("TOWNSHIP_STREET"));
        String suffix = scenario.suffix;
        String campaign = scenario.campaign;
        String county = scenario.id("county");
        String town = scenario.id("town");
        scenario.unitWithSecretary(county, "COUNTY", "LEADING_BODY", "COMMITTEE", null);
        scenario.unitWithSecretary(town, "TOWNSHIP", "TOWNSHIP_STREET", "COMMITTEE", county);
        for (String person : List.of("demo-sg-member", "sg-2-" + suffix)) {
            var registered = client.command("RegisterPerson", Map.of("personId", person, "name", "Person " + person,
                    "contact", "", "partyMember", true, "homeBranchUnitId", county));
            assertThat(registered.status()).as(registered.raw().body()).isIn(201, 409);
        }
        String sg = "sg-" + suffix;
        ok(client.command("FormSupervisionGroup", Map.of("sgId", sg, "kind", "SUPERVISION", "dispatchingUnitId", county,
                "label", "County SG 1", "leaderPersonId", "demo-sg-member",
                "members", List.of(Map.of("personId", "demo-sg-member", "sourceUnitId", county),
                        Map.of("personId", "sg-2-" + suffix, "sourceUnitId", county)), "date", "2014-02-20")));
        ok(client.command("AssignUnit", Map.of("sgId", sg, "unitId", town, "from", "2014-02-25")));

        String participation = scenario.preparedParticipation(town, 1);
        ok(client.command("StartStage", Map.of("participationId", participation, "stage", 1, "date", "2014-03-03")));
        ok(client.command("RecordStudyActivity", Map.of("participationId", participation, "activityId", "study-1",
                "activityType", "CONCENTRATED_STUDY", "from", "2014-03-04", "to", "2014-03-06", "halfDays", 6,
                "participantCount", 13, "sgAttendeePersonIds", List.of("demo-sg-member"))));
        ok(client.command("StartStage", Map.of("participationId", participation, "stage", 2, "date", "2014-05-01")));

        var opened = sg(Map.of("campaignId", campaign, "batchNo", 2, "unitId", town, "reviewedStage", 1,
                "window", Map.of("from", "2014-05-05", "to", "2014-05-20")), "OpenLookBack");
        ok(opened);
        String lookBack = opened.body().get("aggregateId").asText();
        for (String item : List.of("C1_UNDERSTANDING_RESPONSIBILITY", "C2_STUDY_FORM_OVER_EFFECT",
                "C3_OPINIONS_SHALLOW_UNFOCUSED", "C4_MEASURES_VAGUE_FLASHY", "C5_EVASIVE_PROBLEM_SOLVING",
                "C6_FORMALISM_AGAINST_FORMALISM")) {
            ok(sg(Map.of("lookBackId", lookBack, "checkItem", item,
                    "result", item.startsWith("C3") ? "ISSUE" : "OK", "notes", "checked " + item), "RecordLookBackFinding"));
        }

        var pass = sg(Map.of("lookBackId", lookBack, "outcome", "PASS"), "DecideLookBackOutcome");
        assertThat(pass.status()).isEqualTo(422);
        assertThat(pass.body().get("ruleId").asText()).isEqualTo("R-LBK-03");

        ok(sg(Map.of("lookBackId", lookBack, "outcome", "REDO", "redoScope", List.of("MOBILISED")),
                "DecideLookBackOutcome"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var progress = client.query("/api/participations/" + participation).body();
            assertThat(progress.get("state").asText()).isEqualTo("STAGE_1");
            assertThat(progress.at("/stages/1/reopenedBy").asText()).isEqualTo(lookBack);
        });

        Map<String, Object> downgrade = new LinkedHashMap<>(Map.of("lookBackId", lookBack,
                "newOutcome", "RECTIFY_BY_DEADLINE", "justification", "the redo is too harsh",
                "deadline", "2014-06-15",
                "correctiveActions", List.of(Map.of("actionId", "a1", "description", "listen again",
                        "dueDate", "2014-06-10"))));
        var alone = sg(downgrade, "AmendLookBackOutcome");
        assertThat(alone.status()).isEqualTo(422);
        assertThat(alone.body().get("ruleId").asText()).isEqualTo("R-LBK-05");
    }

    private LedgerClient.Response sg(Map<String, Object> body, String type) {
        Map<String, Object> withTime = new LinkedHashMap<>(body);
        withTime.put("occurredAt", "2014-05-06T02:00:00Z");
        return client.command(type, withTime, "sg-member", NO_HEADERS);
    }

    private static void ok(LedgerClient.Response response) {
        Scenario.ok(response);
    }
}
