package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may send what (DOMAIN §7, issue 4), end to end: roles come from the domain as of the command's date, not
 * from the token; a refusal is a 403 problem that names no other unit, and is audited like any rejection.
 */
class AccessEndToEndTest {
    /** Roles are resolved as of the command's business time; the offices below exist from 2014-01-02. */
    private static final String ON = "2014-03-01T01:00:00Z";
    private final LedgerClient client = new LedgerClient(EmbeddedEnvironment.shared());
    private Scenario scenario;
    private String countyA;
    private String townA;
    private String countyB;
    private String townB;

    @BeforeEach
    void twoCounties() {
        scenario = new Scenario(client).campaign("DEFAULT", List.of("LEADING_BODY", "TOWNSHIP_STREET"));
        Scenario.TwoCounties units = scenario.twoCounties();
        countyA = units.countyA();
        townA = units.townA();
        countyB = units.countyB();
        townB = units.townB();
    }

    private String opinionAt(String unit, String account) {
        var recorded = client.command("RecordOpinion", Map.of("campaignId", scenario.campaign,
                "receivedOn", "2014-02-21", "channel", "HOTLINE",
                "mode", Map.of("naming", "ANONYMOUS", "setting", "INDIVIDUAL", "approach", "DELIVERED_TO_DOOR"),
                "submitterCategory", "SERVICE_OBJECT", "rawText", "The permit window is slow",
                "collectedAtUnitId", unit), account, Map.of());
        Scenario.ok(recorded);
        return recorded.body().get("aggregateId").asText();
    }

    @Test
    void officeStaffClassifyInTheirOwnJurisdictionOnly() {
        String inA = opinionAt(townA, "public");
        String inB = opinionAt(townB, "importer");

        var own = client.command("ClassifyOpinion", Map.of("opinionId", inA, "family", "FOUR_WINDS",
                "fourWind", "BUREAUCRATISM", "occurredAt", ON), "office-staff", Map.of());
        assertThat(own.status()).as(own.raw().body()).isEqualTo(200);
        JsonNode classified = client.query("/api/audit/streams/" + inA).body().at("/events/1/envelope");
        assertThat(classified.get("actorId").asText()).isEqualTo("demo-office-staff");
        assertThat(classified.get("actorRoles").asText()).isEqualTo("CAMPAIGN_OFFICE_STAFF");

        var foreign = client.command("ClassifyOpinion", Map.of("opinionId", inB, "family", "FOUR_WINDS",
                "fourWind", "BUREAUCRATISM", "occurredAt", ON), "office-staff", Map.of());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(foreign.body().get("ruleId").asText()).isEqualTo("R-API-FORBIDDEN");
        assertThat(foreign.raw().body()).doesNotContain(townB).doesNotContain(countyB).doesNotContain("staff-");
        assertThat(client.query("/api/audit/streams/" + inB).body().get("eventCount").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.query(
                        "/api/audit/commands?outcome=REJECTED&ruleId=R-API-FORBIDDEN&actorId=demo-office-staff&size=500")
                .body().get("items").findValuesAsText("commandId")).contains(foreign.body().get("commandId").asText()));
    }

    @Test
    void separationOfDutiesHoldsOverTheHistoryAndEveryAuditQueryIsLogged() {
        String opinion = opinionAt(townA, "public");
        Scenario.ok(client.command("ClassifyOpinion", Map.of("opinionId", opinion, "family", "OTHER",
                "occurredAt", ON), "office-staff", Map.of()));
        JsonNode sod = client.query("/api/audit/separation-of-duties?jurisdictionId=" + countyA).body();
        assertThat(sod.get("checkedEvents").asLong()).isPositive();
        assertThat(sod.get("violations")).isEmpty();
        assertThat(sod.get("notChecked").has("SoD-2")).isTrue();
        JsonNode log = client.query("/api/audit/access-log?auditorId=demo-auditor&size=500").body();
        assertThat(log.get("items").findValuesAsText("query"))
                .contains("jurisdictionId=" + countyA);
    }

    @Test
    void aTokenRoleTheDomainDoesNotBackCountsForNothing() {
        String participation = scenario.preparedParticipation(townA, 1);
        var claimed = client.command("StartStage", Map.of("participationId", participation, "stage", 1,
                "date", "2014-03-03"), "unit-secretary", Map.of());
        assertThat(claimed.status()).isEqualTo(403);
        assertThat(claimed.body().get("ruleId").asText()).isEqualTo("R-API-FORBIDDEN");

        var admin = client.command("ClassifyOpinion", Map.of("opinionId", opinionAt(townA, "importer"),
                "family", "OTHER"), "system-admin", Map.of());
        assertThat(admin.status()).isEqualTo(403);
        var auditor = client.command("RecordOpinion", Map.of("campaignId", scenario.campaign), "auditor", Map.of());
        assertThat(auditor.status()).isIn(400, 403);
    }

    @Test
    void theSecretaryOnTheRosterMayMoveTheirOwnUnitAndNoOther() {
        String ownUnit = scenario.id("town-own");
        Scenario.ok(client.command("RegisterUnit", Map.of("unitId", ownUnit, "code", ownUnit, "name", "Own town",
                "level", "TOWNSHIP", "unitType", "TOWNSHIP_STREET", "partyOrgKind", "COMMITTEE",
                "parentUnitId", scenario.id("county-a"))));
        var person = client.command("RegisterPerson", Map.of("personId", "demo-unit-secretary", "name", "Demo",
                "contact", "", "partyMember", true, "homeBranchUnitId", ownUnit));
        assertThat(person.status()).as(person.raw().body()).isIn(201, 409);
        Scenario.ok(client.command("AppointRosterMember", Map.of("unitId", ownUnit, "personId", "demo-unit-secretary",
                "position", "SECRETARY", "mainLeader", true, "effectiveFrom", "2013-01-01")));
        Scenario.ok(client.command("RegisterParticipation", Map.of("campaignId", scenario.campaign, "batchNo", 2,
                "unitId", ownUnit, "tierNo", 1)));
        String own = scenario.campaign + ":2:" + ownUnit;
        var prepared = client.command("StartPreparation", Map.of("participationId", own, "date", "2014-01-10"),
                "unit-secretary", Map.of());
        assertThat(prepared.status()).as(prepared.raw().body()).isEqualTo(200);

        Scenario.ok(client.command("RegisterParticipation", Map.of("campaignId", scenario.campaign, "batchNo", 2,
                "unitId", townB, "tierNo", 1)));
        var other = client.command("StartPreparation", Map.of("participationId", scenario.campaign + ":2:" + townB,
                "date", "2014-01-10"), "unit-secretary", Map.of());
        assertThat(other.status()).isEqualTo(403);
    }
}
