package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event pipeline end to end, through the HTTP APIs only: command → event store → Kafka → read models,
 * across duplicates, races, rejections, crashes, broker outages and tampering. Subclasses supply the
 * infrastructure (embedded here, containers where Docker exists).
 */
abstract class PipelineEndToEndContract {
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    protected LedgerClient client;
    private String campaignId;

    protected abstract LedgerEnvironment environment();

    @BeforeEach
    void campaign() {
        client = new LedgerClient(environment());
        campaignId = "cmp-" + shortId();
        assertThat(client.command("DefineCampaign", Map.of("campaignId", campaignId, "name", "Mass line campaign",
                "theme", "Serve the people")).status()).isEqualTo(201);
    }

    @Test
    void acceptedCommandsReachTheReadModels() {
        String county = registerCounty();
        String town = registerTown(county);
        assertThat(client.command("AdoptPolicyProfile", Map.of("campaignId", campaignId, "profileId", "DEFAULT",
                "effectiveFrom", "2014-01-01")).status()).isEqualTo(200);
        String opinionId = recordOpinion(town, null).body().get("aggregateId").asText();
        var classified = client.command("ClassifyOpinion", Map.of("opinionId", opinionId, "family", "FOUR_WINDS",
                "fourWind", "BUREAUCRATISM", "focusProblemCode", "TS1"));
        assertThat(classified.status()).isEqualTo(200);
        assertThat(classified.body().get("version").asLong()).isEqualTo(1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode stats = client.query("/api/units/" + county + "/opinion-stats").body();
            assertThat(stats.at("/totals/received").asLong()).isEqualTo(1);
            assertThat(stats.at("/byFamily/FOUR_WINDS/classified").asLong()).isEqualTo(1);
            assertThat(stats.at("/byChannel/HOTLINE/priority").asLong()).isEqualTo(1);
        });
        JsonNode unit = client.query("/api/units/" + town).body();
        assertThat(unit.get("ancestorIds").get(0).asText()).isEqualTo(county);
        assertThat(unit.get("jurisdictionId").asText()).isEqualTo(county);

        JsonNode history = client.query("/api/audit/streams/" + opinionId).body();
        assertThat(history.at("/verdict/intact").asBoolean()).isTrue();
        assertThat(history.get("eventCount").asInt()).isEqualTo(2);
        JsonNode envelope = history.at("/events/0/envelope");
        assertThat(envelope.get("actorId").asText()).isEqualTo("demo-importer");
        assertThat(envelope.get("actorRoles").asText()).isEqualTo("DATA_IMPORT");
        assertThat(envelope.get("unitId").asText()).isEqualTo(town);
        assertThat(envelope.get("jurisdictionId").asText()).isEqualTo(county);
        assertThat(envelope.get("campaignId").asText()).isEqualTo(campaignId);
        assertThat(envelope.get("policyVersion").asText()).isEqualTo("DEFAULT@1");
        assertThat(envelope.get("commandId").asText()).isEqualTo(envelope.get("correlationId").asText());
        assertThat(java.time.Instant.parse(envelope.get("occurredAt").asText())).isBefore(
                java.time.Instant.parse(history.at("/events/0/recordedAt").asText()).plusSeconds(1));
        assertThat(UUID.fromString(history.at("/events/0/eventId").asText()).version()).isEqualTo(7);
        assertThat(history.at("/events/1/envelope/prevHash").asText()).isEqualTo(envelope.get("hash").asText());
        // R-OPN-02 end to end: the identity is in the vault only, never in the event or the read model.
        assertThat(history.toString()).doesNotContain("Li Si").doesNotContain("13800000000");
        assertThat(client.query("/api/opinions/" + opinionId).body().toString()).doesNotContain("Li Si")
                .doesNotContain("13800000000");
    }

    @Test
    void theSameCommandIdTwiceStoresOneEvent() {
        String town = registerTown(registerCounty());
        String commandId = UUID.randomUUID().toString();
        var first = recordOpinion(town, commandId);
        var second = recordOpinion(town, commandId);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        String opinionId = first.body().get("aggregateId").asText();
        assertThat(client.query("/api/audit/streams/" + opinionId).body().get("eventCount").asInt()).isEqualTo(1);

        var reused = client.command("RegisterUnit", Map.of("commandId", commandId, "code", "X", "name", "X",
                "level", "VILLAGE", "unitType", "VILLAGE_COMMUNITY", "partyOrgKind", "BRANCH", "parentUnitId", town));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().get("ruleId").asText()).isEqualTo("R-API-IDEMPOTENCY");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                client.query("/api/units/" + town + "/opinion-stats").body().at("/totals/received").asLong())
                .isEqualTo(1));
    }

    @Test
    void twoWritersWithTheSameExpectedVersionGetOneSuccessAndOneConflict() {
        String town = registerTown(registerCounty());
        String opinionId = recordOpinion(town, null).body().get("aggregateId").asText();
        var a = CompletableFuture.supplyAsync(() -> client.command("ClassifyOpinion", Map.of("opinionId", opinionId,
                "family", "LAST_MILE", "expectedVersion", 0)));
        var b = CompletableFuture.supplyAsync(() -> client.command("ClassifyOpinion", Map.of("opinionId", opinionId,
                "family", "VITAL_INTERESTS", "expectedVersion", 0)));
        List<Integer> statuses = new ArrayList<>(List.of(a.join().status(), b.join().status()));
        statuses.sort(Integer::compareTo);
        assertThat(statuses).containsExactly(200, 409);
        var loser = a.join().status() == 409 ? a.join() : b.join();
        assertThat(loser.body().get("ruleId").asText()).isEqualTo("R-API-VERSION");
        assertThat(client.query("/api/audit/streams/" + opinionId).body().get("eventCount").asInt()).isEqualTo(2);

        var ifMatch = client.command("ClassifyOpinion", Map.of("opinionId", opinionId, "family", "OTHER"),
                "importer", Map.of("If-Match", "\"0\""));
        assertThat(ifMatch.status()).isEqualTo(409);
    }

    @Test
    void aBrokenRuleIsAProblemThatStoresNothingButIsAudited() {
        String town = registerTown(registerCounty());
        String unitId = "unit-" + shortId();
        String commandId = UUID.randomUUID().toString();
        var rejected = client.command("RegisterUnit", Map.of("commandId", commandId, "unitId", unitId, "code", "C2",
                "name", "County under a town", "level", "COUNTY", "unitType", "LEADING_BODY",
                "partyOrgKind", "COMMITTEE", "parentUnitId", town));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        assertThat(rejected.body().get("ruleId").asText()).isEqualTo("R-ORG-01");
        assertThat(rejected.body().get("message").asText()).isNotBlank();
        assertThat(rejected.body().get("details").get("field").asText()).isEqualTo("level");
        assertThat(rejected.raw().body()).doesNotContain("at org.").doesNotContain("Exception");
        assertThat(client.query("/api/audit/streams/" + unitId).status()).isEqualTo(404);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode audit = client.query("/api/audit/commands?outcome=REJECTED&ruleId=R-ORG-01&size=500").body();
            assertThat(audit.get("items").findValuesAsText("commandId")).contains(commandId);
        });

        var malformed = client.command("RegisterUnit", Map.of("code", "C3", "name", "No level",
                "unitType", "LEADING_BODY", "partyOrgKind", "COMMITTEE"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().at("/details/field").asText()).isEqualTo("level");
        var badEnum = client.command("RegisterUnit", Map.of("code", "C4", "name", "Bad level", "level", "GALAXY",
                "unitType", "LEADING_BODY", "partyOrgKind", "COMMITTEE"));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.body().at("/details/field").asText()).isEqualTo("level");
        assertThat(badEnum.body().get("message").asText()).contains("COUNTY");
    }

    @Test
    void noCommandWithoutAValidToken() {
        var anonymous = client.command("DefineCampaign", Map.of("name", "x", "theme", "y"), null, Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        var forged = client.command("DefineCampaign", Map.of("name", "x", "theme", "y"), null,
                Map.of("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"));
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void aQueryServiceCrashMidStreamLosesNothingAndAppliesNothingTwice() throws Exception {
        String town = registerTown(registerCounty());
        int total = 60;
        AtomicInteger accepted = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                if (recordOpinion(town, null).status() == 201) {
                    accepted.incrementAndGet();
                }
            }
        });
        await().atMost(PATIENCE).until(() -> accepted.get() >= total / 3);
        environment().crashAndRestartQueryService();
        writer.get();
        assertThat(accepted.get()).isEqualTo(total);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode stats = client.query("/api/units/" + town + "/opinion-stats").body();
            assertThat(stats.at("/totals/received").asLong()).isEqualTo(total);
            assertThat(stats.at("/totals/priority").asLong()).isEqualTo(total);
            assertThat(client.query("/api/audit/units/" + town + "/events?size=1").body().get("total").asLong())
                    .isEqualTo(total + 1L);
            assertThat(client.query("/api/opinions?unitId=" + town + "&size=1").body().get("total").asLong())
                    .isEqualTo(total);
        });
    }

    @Test
    void commandsAreAcceptedWhileKafkaIsDownAndArriveAfterwards() {
        org.junit.jupiter.api.Assumptions.assumeTrue(environment().canStopKafka(), "broker cannot be stopped here");
        String town = registerTown(registerCounty());
        int total = 10;
        environment().stopKafka();
        try {
            for (int i = 0; i < total; i++) {
                assertThat(recordOpinion(town, null).status()).isEqualTo(201);
            }
        } finally {
            environment().startKafka();
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                client.query("/api/units/" + town + "/opinion-stats").body().at("/totals/received").asLong())
                .isEqualTo(total));
    }

    @Test
    void anEventEditedInTheDatabaseIsReportedAtItsSequence() throws Exception {
        String town = registerTown(registerCounty());
        String opinionId = recordOpinion(town, null).body().get("aggregateId").asText();
        client.command("ClassifyOpinion", Map.of("opinionId", opinionId, "family", "LAST_MILE"));
        client.command("ClassifyOpinion", Map.of("opinionId", opinionId, "family", "OTHER"));
        assertThat(client.query("/api/audit/streams/" + opinionId).body().at("/verdict/intact").asBoolean()).isTrue();

        try (Connection db = environment().eventStore(); PreparedStatement edit = db.prepareStatement("""
                UPDATE domainevententry
                SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'LAST_MILE', 'OTHER'), 'UTF8')
                WHERE aggregateidentifier = ? AND sequencenumber = 1""")) {
            edit.setString(1, opinionId);
            assertThat(edit.executeUpdate()).isEqualTo(1);
        }
        JsonNode verdict = client.query("/api/audit/streams/" + opinionId).body();
        assertThat(verdict.at("/verdict/intact").asBoolean()).isFalse();
        assertThat(verdict.at("/verdict/firstBrokenSequence").asLong()).isEqualTo(1);
        assertThat(verdict.at("/events/0/linkValid").asBoolean()).isTrue();
        assertThat(verdict.at("/events/1/linkValid").asBoolean()).isFalse();
    }

    private String registerCounty() {
        String id = "county-" + shortId();
        var r = client.command("RegisterUnit", Map.of("unitId", id, "code", id, "name", "County " + id,
                "level", "COUNTY", "unitType", "LEADING_BODY", "partyOrgKind", "COMMITTEE"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return id;
    }

    private String registerTown(String county) {
        String id = "town-" + shortId();
        var r = client.command("RegisterUnit", Map.of("unitId", id, "code", id, "name", "Town " + id,
                "level", "TOWNSHIP", "unitType", "TOWNSHIP_STREET", "partyOrgKind", "COMMITTEE",
                "parentUnitId", county));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return id;
    }

    private LedgerClient.Response recordOpinion(String unitId, String commandId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (commandId != null) {
            body.put("commandId", commandId);
        }
        body.put("campaignId", campaignId);
        body.put("receivedOn", "2014-02-20");
        body.put("channel", "HOTLINE");
        body.put("mode", Map.of("naming", "ANONYMOUS", "setting", "INDIVIDUAL", "approach", "DELIVERED_TO_DOOR"));
        body.put("submitterCategory", "SERVICE_OBJECT");
        body.put("submitterPii", Map.of("name", "Li Si", "contact", "13800000000"));
        body.put("rawText", "The permit window keeps people waiting for hours");
        body.put("collectedAtUnitId", unitId);
        return client.command("RecordOpinion", body);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
