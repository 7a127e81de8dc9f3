package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated clock end to end (DOMAIN §8.5, DOMAIN-ERRATA B9): AS-23 with business dates from the commands,
 * and a stage-window deadline that waits for the clock instead of the wall clock. The scenario's village is the
 * only participant of its campaign, an OLM unit, so no cascade and no DLM-only gate stands in the way.
 */
class SimulatedClockAcceptanceTest {
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private final LedgerClient client = new LedgerClient(EmbeddedEnvironment.shared());
    private Scenario scenario;
    private String village;

    @BeforeEach
    void village() {
        scenario = new Scenario(client).campaign("KENLI_DEMO", List.of("VILLAGE_COMMUNITY"));
        String county = scenario.id("county");
        String town = scenario.id("town");
        village = scenario.id("village");
        scenario.unitWithSecretary(county, "COUNTY", "LEADING_BODY", "COMMITTEE", null);
        scenario.unitWithSecretary(town, "TOWNSHIP", "TOWNSHIP_STREET", "COMMITTEE", county);
        scenario.unitWithSecretary(village, "VILLAGE", "VILLAGE_COMMUNITY", "BRANCH", town);
    }

    @Test
    void AS_23_a_unit_concludes_no_sooner_than_three_months_after_stage_1_started() {
        String participation = scenario.preparedParticipation(village, 3);
        ok(client.command("StartStage", Map.of("participationId", participation, "stage", 1, "date", "2014-04-02")));
        ok(client.command("StartStage", Map.of("participationId", participation, "stage", 2, "date", "2014-05-02")));
        credit(participation, "MEETING_HELD");
        ok(client.command("StartStage", Map.of("participationId", participation, "stage", 3, "date", "2014-06-02")));
        credit(participation, "COLLECTIVE_PLAN_PUBLISHED");

        var early = client.command("ConcludeParticipation", Map.of("participationId", participation,
                "date", "2014-07-01"));
        assertThat(early.status()).as(early.raw().body()).isEqualTo(422);
        assertThat(early.body().get("ruleId").asText()).isEqualTo("R-UNP-16");
        assertThat(early.body().get("message").asText()).contains("not before 2014-07-02");

        ok(client.command("ConcludeParticipation", Map.of("participationId", participation, "date", "2014-07-02")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                client.query("/api/participations/" + participation).body().get("state").asText())
                .isEqualTo("CONCLUDED"));
    }

    @Test
    void a_stage_window_is_exceeded_when_the_clock_passes_its_planned_end_and_not_before() {
        assertThat(client.clock().body().get("mode").asText()).isEqualTo("simulated");
        assertThat(client.advanceClock(OffsetDateTime.now(SHANGHAI).plusYears(1), "auditor").status())
                .isEqualTo(403);

        // Scenarios share the clock: plan the end after wherever it stands, so that "not before" can be seen.
        LocalDate clockDate = OffsetDateTime.parse(client.clock().body().get("now").asText()).toLocalDate();
        LocalDate plannedTo = clockDate.isBefore(LocalDate.parse("2014-05-20"))
                ? LocalDate.parse("2014-05-31") : clockDate.plusDays(10);
        OffsetDateTime due = plannedTo.plusDays(1).atStartOfDay().atOffset(SHANGHAI);
        String participation = scenario.preparedParticipation(village, 3);
        ok(client.command("StartStage", Map.of("participationId", participation, "stage", 1, "date", "2014-04-02",
                "plannedTo", plannedTo.toString())));

        var justBefore = client.advanceClock(due.minusMinutes(1), "system-admin");
        assertThat(justBefore.status()).as(justBefore.raw().body()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(justBefore.body().get("now").asText()).toInstant())
                .isEqualTo(due.minusMinutes(1).toInstant());
        assertThat(eventTypes(client.query("/api/audit/streams/" + participation).body().get("events")))
                .contains("StageStarted").doesNotContain("StageWindowExceeded");
        // A later event of the same unit reaching the AQ-2 index proves that nothing was raised before it.
        credit(participation, "MEETING_HELD");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(unitTimeline())
                .contains("GateFactCredited").doesNotContain("StageWindowExceeded"));

        var passed = client.advanceClock(due, "system-admin");
        assertThat(passed.status()).as(passed.raw().body()).isEqualTo(200);
        assertThat(passed.body().get("firedDeadlines").asInt()).isPositive();
        JsonNode exceeded = null;
        for (JsonNode event : client.query("/api/audit/streams/" + participation).body().get("events")) {
            if (event.get("eventType").asText().equals("StageWindowExceeded")) {
                exceeded = event;
            }
        }
        assertThat(exceeded).isNotNull();
        assertThat(exceeded.at("/envelope/actorId").asText()).isEqualTo("SYSTEM");
        assertThat(exceeded.at("/envelope/occurredAt").asText()).isEqualTo(due.toInstant().toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(unitTimeline())
                .endsWith("StageWindowExceeded"));

        var back = client.advanceClock(due.minusDays(1), "system-admin");
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.body().get("ruleId").asText()).isEqualTo("R-API-VALIDATION");
    }

    /** The AQ-2 timeline of the village: its events in global order, by type. */
    private List<String> unitTimeline() {
        return eventTypes(client.query("/api/audit/units/" + village + "/events?size=200").body().get("items"));
    }

    private static List<String> eventTypes(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("eventType").asText()));
        return types;
    }

    private void credit(String participation, String fact) {
        ok(client.command("CreditGateFact", Map.of("participationId", participation, "fact", fact,
                "sourceAggregateType", "Meeting", "sourceAggregateId", "m-" + participation,
                "sourceEventId", UUID.randomUUID().toString())));
    }

    private static void ok(LedgerClient.Response response) {
        Scenario.ok(response);
    }
}
