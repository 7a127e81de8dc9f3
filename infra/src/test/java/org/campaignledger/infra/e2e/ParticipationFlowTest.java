package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A county and a township through preparation into Stage 1 over HTTP, on the embedded stack: policy-driven
 * rules, gate facts, the cascade between tiers, and the progress read model.
 */
class ParticipationFlowTest {
    private final LedgerClient client = new LedgerClient(EmbeddedEnvironment.shared());

    @Test
    void a_county_and_a_township_enter_stage_1_in_cascade() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String campaign = "cmp-" + suffix;
        String county = "county-" + suffix;
        String town = "town-" + suffix;
        ok(client.command("DefineCampaign", Map.of("campaignId", campaign, "name", "Mass line", "theme", "Serve")));
        ok(client.command("DefineBatch", Map.of("campaignId", campaign, "batchNo", 2, "scope", "below the province",
                "plannedStart", "2014-02", "plannedBasicCompletion", "2014-09",
                "participatingCategories", List.of("LEADING_BODY", "TOWNSHIP_STREET"))));
        ok(client.command("AdoptPolicyProfile", Map.of("campaignId", campaign, "profileId", "KENLI_DEMO",
                "effectiveFrom", "2014-02-28")));
        ok(client.command("RegisterUnit", Map.of("unitId", county, "code", county, "name", "County",
                "level", "COUNTY", "unitType", "LEADING_BODY", "partyOrgKind", "COMMITTEE")));
        ok(client.command("RegisterUnit", Map.of("unitId", town, "code", town, "name", "Town", "level", "TOWNSHIP",
                "unitType", "TOWNSHIP_STREET", "partyOrgKind", "COMMITTEE", "parentUnitId", county)));

        appointSecretary(county, "sec-" + county);
        appointSecretary(town, "sec-" + town);
        String countyParticipation = register(campaign, county, 1);
        String townParticipation = register(campaign, town, 2);
        prepare(countyParticipation, "sec-" + county);
        prepare(townParticipation, "sec-" + town);

        var early = client.command("StartStage", Map.of("participationId", townParticipation, "stage", 1,
                "date", "2014-03-01"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().get("ruleId").asText()).isEqualTo("R-UNP-07");

        ok(client.command("StartStage", Map.of("participationId", countyParticipation, "stage", 1,
                "date", "2014-02-28", "plannedTo", "2014-04-30")));
        var tooSoon = client.command("StartStage", Map.of("participationId", townParticipation, "stage", 1,
                "date", "2014-03-05"));
        assertThat(tooSoon.status()).isEqualTo(422);
        assertThat(tooSoon.body().get("ruleId").asText()).isEqualTo("R-UNP-08");
        ok(client.command("StartStage", Map.of("participationId", townParticipation, "stage", 1,
                "date", "2014-03-14", "plannedTo", "2014-05-15")));

        ok(client.command("RecordStudyActivity", Map.of("participationId", townParticipation, "activityId", "film-1",
                "activityType", "FILM", "from", "2014-03-15", "to", "2014-03-17", "halfDays", 6,
                "participantCount", 25)));
        var stage2 = client.command("StartStage", Map.of("participationId", townParticipation, "stage", 2,
                "date", "2014-05-10"));
        assertThat(stage2.status()).isEqualTo(422);
        assertThat(stage2.body().get("ruleId").asText()).isEqualTo("R-UNP-09");
        assertThat(stage2.body().get("message").asText()).isEqualTo("concentrated study 0 of 3 days");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = client.query("/api/participations/" + townParticipation).body();
            assertThat(progress.get("state").asText()).isEqualTo("STAGE_1");
            assertThat(progress.get("meetingType").asText()).isEqualTo("SPECIAL_DLM");
            assertThat(progress.at("/stages/1/actualStart").asText()).isEqualTo("2014-03-14");
            assertThat(progress.at("/gates/IMPLEMENTATION_PLAN_APPROVED/satisfied").asBoolean()).isTrue();
            assertThat(progress.at("/study/activities").asInt()).isEqualTo(1);
            assertThat(progress.at("/study/concentratedStudyHalfDays").asInt()).isZero();
            assertThat(progress.get("ancestorIds").get(0).asText()).isEqualTo(county);
        });
        // The simulated clock passes the planned end of the county's Stage 1 (2014-04-30): the deadline fires as
        // the system, with the deadline's own instant as business time.
        client.advanceClockAtLeastTo(OffsetDateTime.parse("2014-05-01T00:00:00+08:00"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                client.query("/api/participations/" + countyParticipation).body()
                        .at("/stages/1/windowExceeded").asBoolean()).isTrue());
        JsonNode countyHistory = client.query("/api/audit/streams/" + countyParticipation).body();
        JsonNode exceeded = null;
        for (JsonNode event : countyHistory.get("events")) {
            if (event.get("eventType").asText().equals("StageWindowExceeded")) {
                exceeded = event;
            }
        }
        assertThat(exceeded).isNotNull();
        assertThat(exceeded.at("/envelope/actorId").asText()).isEqualTo("SYSTEM");
        assertThat(exceeded.at("/envelope/occurredAt").asText()).isEqualTo("2014-04-30T16:00:00Z");
        assertThat(countyHistory.at("/verdict/intact").asBoolean()).isTrue();

        JsonNode byCampaign = client.query("/api/participations?campaignId=" + campaign + "&state=STAGE_1").body();
        assertThat(byCampaign.get("total").asInt()).isEqualTo(2);
    }

    private String register(String campaign, String unit, int tier) {
        var registered = client.command("RegisterParticipation", Map.of("campaignId", campaign, "batchNo", 2,
                "unitId", unit, "tierNo", tier));
        ok(registered);
        assertThat(registered.body().get("aggregateId").asText()).isEqualTo(campaign + ":2:" + unit);
        return registered.body().get("aggregateId").asText();
    }

    private void appointSecretary(String unit, String person) {
        ok(client.command("RegisterPerson", Map.of("personId", person, "name", "Secretary of " + unit,
                "contact", "0546-0000000", "partyMember", true, "homeBranchUnitId", unit)));
        ok(client.command("AppointRosterMember", Map.of("unitId", unit, "personId", person, "position", "SECRETARY",
                "mainLeader", true, "effectiveFrom", "2013-01-01")));
    }

    private void prepare(String participation, String secretary) {
        ok(client.command("StartPreparation", Map.of("participationId", participation, "date", "2014-02-20")));
        var deputyHeaded = client.command("FormUnitLeadingGroup", Map.of("participationId", participation,
                "headPersonId", "someone-else", "officeHeadPersonId", "office-1", "date", "2014-02-21"));
        assertThat(deputyHeaded.body().get("ruleId").asText()).isEqualTo("R-RLO-01");
        ok(client.command("FormUnitLeadingGroup", Map.of("participationId", participation,
                "headPersonId", secretary, "officeHeadPersonId", "office-1", "date", "2014-02-21")));
        ok(client.command("RecordMobilisation", Map.of("participationId", participation, "date", "2014-02-27")));
        ok(client.command("CreditGateFact", Map.of("participationId", participation,
                "fact", "IMPLEMENTATION_PLAN_APPROVED", "sourceAggregateType", "ReviewableDocument",
                "sourceAggregateId", "plan-" + participation, "sourceEventId", UUID.randomUUID().toString())));
    }

    private static void ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.raw().body()).isBetween(200, 201);
    }
}
