package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Personal data end to end (DOMAIN §3.6, §6, DOMAIN-ERRATA I12): the PII officer reads a person's identity and an
 * anonymous opinion's submitter through the vault, shreds both, and afterwards the vault answers "shredded" while
 * both hash chains still verify; every read, the refused one included, is in the vault access log.
 */
class VaultEndToEndTest {
    private final LedgerClient client = new LedgerClient(EmbeddedEnvironment.shared());

    @Test
    void shreddingAPersonLeavesTheEventsAndTheirChainsAndMakesTheVaultAnswerShredded() {
        Scenario scenario = new Scenario(client).campaign("DEFAULT", List.of("TOWNSHIP_STREET"));
        String town = scenario.id("town-vault");
        scenario.unitWithSecretary(town, "COUNTY", "LEADING_BODY", "COMMITTEE", null);
        String person = scenario.id("citizen");
        Scenario.ok(client.command("RegisterPerson", Map.of("personId", person, "name", "Li Si",
                "contact", "13912345678", "partyMember", false)));
        Map<String, Object> opinion = new LinkedHashMap<>(Map.of("campaignId", scenario.campaign,
                "receivedOn", "2014-02-21", "channel", "HOTLINE",
                "mode", Map.of("naming", "ANONYMOUS", "setting", "INDIVIDUAL", "approach", "DELIVERED_TO_DOOR"),
                "submitterCategory", "SERVICE_OBJECT", "rawText", "The permit window keeps people waiting",
                "collectedAtUnitId", town));
        opinion.put("submitterPii", Map.of("name", "Li Si", "contact", "13912345678"));
        var recorded = client.command("RecordOpinion", opinion);
        Scenario.ok(recorded);
        String opinionId = recorded.body().get("aggregateId").asText();

        // Vault tokens of PII are redacted for auditors without the PII_ACCESS grant (docs/adr/0012-read-access.md).
        assertThat(client.query("/api/audit/streams/" + person).body().at("/events/0/payload/piiRef/redacted")
                .asText()).isEqualTo("PII");
        JsonNode registered = client.queryAs("/api/audit/streams/" + person, "auditor-pii").body().at("/events/0");
        assertThat(registered.get("schemaVersion").asText()).isEqualTo("2");
        String identityToken = registered.at("/payload/piiRef").asText();
        assertThat(registered.at("/payload/piiHmac").asText()).hasSize(64);
        assertThat(registered.at("/payload/piiSha256").isMissingNode() || registered.at("/payload/piiSha256")
                .isNull()).isTrue();
        String submitterToken = client.queryAs("/api/audit/streams/" + opinionId, "auditor-pii").body()
                .at("/events/0/payload/submitterPiiRef").asText();

        var identity = client.commandSideGet("/api/vault/" + identityToken, "pii-officer");
        assertThat(identity.status()).as(identity.raw().body()).isEqualTo(200);
        assertThat(identity.body().get("shredded").asBoolean()).isFalse();
        assertThat(identity.body().get("content").asText()).isEqualTo("Li Si\n13912345678");
        var submitter = client.commandSideGet("/api/vault/" + submitterToken, "auditor-pii");
        assertThat(submitter.status()).as(submitter.raw().body()).isEqualTo(200);
        assertThat(submitter.body().get("content").asText()).isEqualTo("Li Si\n13912345678");

        var refused = client.commandSideGet("/api/vault/" + submitterToken, "auditor");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("ruleId").asText()).isEqualTo("R-API-FORBIDDEN");
        assertThat(refused.raw().body()).doesNotContain("Li Si").doesNotContain("submitter:").doesNotContain(opinionId);

        var notAllowedToShred = client.command("ShredPersonalData", Map.of("personId", person,
                "reason", "SUBJECT_REQUEST", "submittedOpinionIds", List.of(opinionId)), "office-staff", Map.of());
        assertThat(notAllowedToShred.status()).isEqualTo(403);
        var shredded = client.command("ShredPersonalData", Map.of("personId", person, "reason", "SUBJECT_REQUEST",
                "submittedOpinionIds", List.of(opinionId)), "pii-officer", Map.of());
        assertThat(shredded.status()).as(shredded.raw().body()).isEqualTo(200);

        for (String token : List.of(identityToken, submitterToken)) {
            var after = client.commandSideGet("/api/vault/" + token, "pii-officer");
            assertThat(after.status()).as(after.raw().body()).isEqualTo(200);
            assertThat(after.body().get("shredded").asBoolean()).isTrue();
            assertThat(after.raw().body()).doesNotContain("Li Si").doesNotContain("1391");
        }

        JsonNode personStream = client.query("/api/audit/streams/" + person).body();
        assertThat(personStream.at("/verdict/intact").asBoolean()).isTrue();
        assertThat(personStream.at("/events/1/eventType").asText()).isEqualTo("PersonalDataShredded");
        assertThat(personStream.at("/events/1/payload").toString()).doesNotContain("Li Si").doesNotContain("1391");
        assertThat(personStream.at("/events/0/payload/piiHmac").asText())
                .isEqualTo(registered.at("/payload/piiHmac").asText());
        assertThat(client.query("/api/audit/streams/" + opinionId).body().at("/verdict/intact").asBoolean()).isTrue();

        JsonNode log = client.commandSideGet("/api/vault/access-log?token=" + submitterToken, "auditor").body();
        List<String> outcomes = new ArrayList<>();
        log.get("items").forEach(entry -> outcomes.add(entry.get("actorId").asText() + " "
                + entry.get("outcome").asText()));
        assertThat(outcomes).containsExactly("demo-pii-officer SHREDDED", "demo-auditor REFUSED",
                "demo-auditor-pii REVEALED");
        JsonNode identityLog = client.commandSideGet("/api/vault/access-log?token=" + identityToken, "auditor")
                .body().get("items");
        assertThat(identityLog.findValuesAsText("outcome")).containsExactly("SHREDDED", "REVEALED");
        assertThat(client.commandSideGet("/api/vault/access-log", "office-staff").status()).isEqualTo(403);
    }
}
