package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stored event altered in PostgreSQL, as someone with write access to the database could: the audit API reports
 * it as a verdict at its sequence, and the command API refuses to build on it, audits the refusal and raises the
 * alert metric, on the embedded stack.
 */
@Timeout(300)
class CorruptStoredEventEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String METRIC = "ledger_integrity_broken_chain_total";

    private final LedgerEnvironment environment = EmbeddedEnvironment.shared();
    private final LedgerClient client = new LedgerClient(environment);
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private String county;
    private String town;

    @BeforeEach
    void units() {
        Scenario.ok(client.command("DefineCampaign", Map.of("campaignId", "cmp-" + suffix, "name", "Mass line",
                "theme", "Serve the people")));
        county = "county-" + suffix;
        Scenario.ok(client.command("RegisterUnit", Map.of("unitId", county, "code", county, "name", "County",
                "level", "COUNTY", "unitType", "LEADING_BODY", "partyOrgKind", "COMMITTEE")));
        town = "town-" + suffix;
        Scenario.ok(client.command("RegisterUnit", Map.of("unitId", town, "code", town, "name", "Town",
                "level", "TOWNSHIP", "unitType", "TOWNSHIP_STREET", "partyOrgKind", "COMMITTEE",
                "parentUnitId", county)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "payload edited|payload = convert_to(replace(convert_from(payload, 'UTF8'), 'LAST_MILE', 'OTHER'), 'UTF8')",
            "payload truncated|payload = substring(payload from 1 for length(payload) / 2)",
            "payload made non-JSON|payload = convert_to('<opinion>not json</opinion>', 'UTF8')",
            "metadata edited|metadata = convert_to(replace(convert_from(metadata, 'UTF8'), 'demo-importer', "
                    + "'someone-else'), 'UTF8')",
            "metadata made JSON null|metadata = convert_to('null', 'UTF8')"})
    void aCorruptEventIsAVerdictAndNoCommandIsChainedOntoIt(String how, String alteration) throws Exception {
        String opinionId = opinionWithThreeEvents();
        alter(opinionId, alteration);

        var history = client.query("/api/audit/streams/" + opinionId);
        assertThat(history.status()).as(history.raw().body()).isEqualTo(200);
        assertThat(history.body().at("/verdict/intact").asBoolean()).isFalse();
        assertThat(history.body().at("/verdict/firstBrokenSequence").asLong()).isEqualTo(1);
        assertThat(history.body().at("/verdict/problem").asText()).isNotBlank();
        assertThat(history.body().at("/events/1/linkValid").asBoolean()).isFalse();
        assertThat(history.body().at("/events/2/linkValid").asBoolean()).isTrue();

        double alertsBefore = brokenChainAlerts();
        String commandId = UUID.randomUUID().toString();
        var refused = client.command("CopyOpinionTo", Map.of("commandId", commandId, "opinionId", opinionId,
                "unitId", town));
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("ruleId").asText()).isEqualTo("R-INT-CHAIN");
        assertThat(refused.body().at("/details/sequence").asLong()).isEqualTo(1);
        assertThat(refused.body().at("/details/aggregateId").asText()).isEqualTo(opinionId);
        assertThat(brokenChainAlerts()).isEqualTo(alertsBefore + 1);

        assertThat(eventCount(opinionId)).isEqualTo(3);
        assertThat(storedOutcome(commandId)).isEqualTo("REJECTED R-INT-CHAIN 422");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(client.query(
                "/api/audit/commands?outcome=REJECTED&ruleId=R-INT-CHAIN&size=500").body().get("items")
                .findValuesAsText("commandId")).contains(commandId));
    }

    private String opinionWithThreeEvents() {
        Map<String, Object> opinion = new LinkedHashMap<>();
        opinion.put("campaignId", "cmp-" + suffix);
        opinion.put("receivedOn", "2014-02-20");
        opinion.put("channel", "HOTLINE");
        opinion.put("mode", Map.of("naming", "ANONYMOUS", "setting", "INDIVIDUAL", "approach", "DELIVERED_TO_DOOR"));
        opinion.put("submitterCategory", "SERVICE_OBJECT");
        opinion.put("submitterPii", Map.of("name", "Li Si", "contact", "13800000000"));
        opinion.put("rawText", "The permit window keeps people waiting for hours");
        opinion.put("collectedAtUnitId", town);
        var recorded = client.command("RecordOpinion", opinion);
        Scenario.ok(recorded);
        String opinionId = recorded.body().get("aggregateId").asText();
        Scenario.ok(client.command("ClassifyOpinion", Map.of("opinionId", opinionId, "family", "LAST_MILE")));
        Scenario.ok(client.command("CopyOpinionTo", Map.of("opinionId", opinionId, "unitId", county)));
        assertThat(client.query("/api/audit/streams/" + opinionId).body().at("/verdict/intact").asBoolean())
                .isTrue();
        return opinionId;
    }

    private void alter(String aggregateId, String alteration) throws SQLException {
        try (Connection db = environment.eventStore(); PreparedStatement edit = db.prepareStatement(
                "UPDATE domainevententry SET " + alteration + " WHERE aggregateidentifier = ? AND sequencenumber = 1")) {
            edit.setString(1, aggregateId);
            assertThat(edit.executeUpdate()).isEqualTo(1);
        }
    }

    private long eventCount(String aggregateId) throws SQLException {
        try (Connection db = environment.eventStore(); PreparedStatement count = db.prepareStatement(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")) {
            count.setString(1, aggregateId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private String storedOutcome(String commandId) throws SQLException {
        try (Connection db = environment.eventStore(); PreparedStatement select = db.prepareStatement(
                "SELECT outcome, rule_id, http_status FROM command_outcome WHERE command_id = ?")) {
            select.setObject(1, UUID.fromString(commandId));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) + " " + rows.getString(2) + " " + rows.getInt(3) : null;
            }
        }
    }

    /** The alert counter as the command service exports it to Prometheus. */
    private double brokenChainAlerts() throws IOException, InterruptedException {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(environment.commandUrl() + "/actuator/prometheus")).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body().lines().filter(line -> line.startsWith(METRIC))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
