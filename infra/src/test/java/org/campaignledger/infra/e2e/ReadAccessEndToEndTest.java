package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may read what (DOMAIN §7 "May read", issue 4), end to end: roles come from the read models, out of scope is
 * a 403 problem that names no other unit, lists hold the reader's units only, and fields outside the reader's
 * data classes come back as {"redacted": "<CLASS>"}.
 */
class ReadAccessEndToEndTest {
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

    @Test
    void officeStaffReadTheirCountysParticipationsAndAreRefusedAnotherCountys() {
        String inA = scenario.preparedParticipation(townA, 1);
        String inB = scenario.preparedParticipation(townB, 1);
        // roles are read as of the business date: the offices exist from 2014-01-02; the read models follow the
        // events within about a second
        client.advanceClockAtLeastTo(OffsetDateTime.parse("2014-03-01T00:00:00+08:00"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var own = client.queryAs("/api/participations?jurisdictionId=" + countyA, "office-staff");
            assertThat(own.status()).as(own.raw().body()).isEqualTo(200);
            assertThat(own.body().get("items").findValuesAsText("participationId")).containsExactly(inA);
        });
        assertThat(client.queryAs("/api/participations/" + inA, "office-staff").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client.query("/api/participations/" + inB).status()).isEqualTo(200));

        for (String path : List.of("/api/participations?jurisdictionId=" + countyB, "/api/participations/" + inB)) {
            var foreign = client.queryAs(path, "office-staff");
            assertThat(foreign.status()).as(path).isEqualTo(403);
            assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
            assertThat(foreign.body().get("ruleId").asText()).isEqualTo("R-API-FORBIDDEN");
            assertThat(foreign.raw().body()).doesNotContain(townB).doesNotContain(countyB).doesNotContain("staff-");
        }
        // a list without a unit filter holds the reader's units only
        JsonNode all = client.queryAs("/api/participations?campaignId=" + scenario.campaign, "office-staff").body();
        assertThat(all.get("items").findValuesAsText("participationId")).containsExactly(inA);
    }

    @Test
    void aSecretaryReadsTheirUnitAndASystemAdminSeesInternalFieldsRedacted() {
        String ownUnit = scenario.id("town-own");
        Scenario.ok(client.command("RegisterUnit", Map.of("unitId", ownUnit, "code", ownUnit, "name", "Own town",
                "level", "TOWNSHIP", "unitType", "TOWNSHIP_STREET", "partyOrgKind", "COMMITTEE",
                "parentUnitId", countyA)));
        var person = client.command("RegisterPerson", Map.of("personId", "demo-unit-secretary", "name", "Demo",
                "contact", "", "partyMember", true, "homeBranchUnitId", ownUnit));
        assertThat(person.status()).as(person.raw().body()).isIn(201, 409);
        Scenario.ok(client.command("AppointRosterMember", Map.of("unitId", ownUnit, "personId", "demo-unit-secretary",
                "position", "SECRETARY", "mainLeader", true, "effectiveFrom", "2013-01-01")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client.queryAs("/api/units/" + ownUnit, "unit-secretary").status()).isEqualTo(200));
        JsonNode own = client.queryAs("/api/units/" + ownUnit, "unit-secretary").body();
        assertThat(own.at("/flags/weakAndLax").isBoolean()).isTrue();
        assertThat(client.queryAs("/api/units/" + ownUnit + "/roster", "unit-secretary").status()).isEqualTo(200);
        var other = client.queryAs("/api/units/" + townB, "unit-secretary");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.raw().body()).doesNotContain(townB);

        JsonNode asAdmin = client.queryAs("/api/units/" + ownUnit, "system-admin").body();
        assertThat(asAdmin.at("/flags/redacted").asText()).isEqualTo("INTERNAL");
        assertThat(asAdmin.get("unitId").asText()).isEqualTo(ownUnit);
        assertThat(client.query("/api/units/" + ownUnit).body().at("/flags/weakAndLax").isBoolean()).isTrue();
        assertThat(client.queryAs("/api/opinions?unitId=" + ownUnit, "system-admin").status()).isEqualTo(403);
        assertThat(client.queryAs("/api/audit/commands", "unit-secretary").status()).isEqualTo(403);
    }
}
