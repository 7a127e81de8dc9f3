package org.campaignledger.command.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.campaignledger.command.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** DOMAIN §6: PII only to the PII officer or an auditor with PII_ACCESS, and every attempt in the access log. */
class VaultControllerTest {
    private final JdbcTemplate jdbc = TestDatabase.jdbc();
    private final JdbcVault vault = new JdbcVault(jdbc, Clock.systemUTC(),
            Base64.getEncoder().encodeToString(new byte[32]), false);
    private final VaultAccessLog log = new VaultAccessLog(jdbc, Clock.systemUTC());
    private final VaultController controller = new VaultController(vault, log);

    private static JwtAuthenticationToken as(String person, String... roles) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").claim("person_id", person).build();
        String[] authorities = Arrays.stream(roles).map(r -> "ROLE_" + r).toArray(String[]::new);
        return new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList(authorities), person);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(ResponseEntity<?> response) {
        return (Map<String, Object>) response.getBody();
    }

    @Test
    void an_auditor_without_the_grant_is_refused_on_record_and_learns_nothing() {
        String token = vault.put("submitter:op-ctl-1", Vault.DataClass.PII, "Zhao Liu\n13700000000").token();

        ResponseEntity<?> refused = controller.read(token, as("aud-1", "AUDITOR"));

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        ProblemDetail problem = (ProblemDetail) refused.getBody();
        assertThat(problem.getProperties()).containsEntry("ruleId", "R-API-FORBIDDEN");
        assertThat(problem.toString()).doesNotContain("Zhao").doesNotContain("submitter:");
        assertThat(log.find(token, null, 10)).singleElement()
                .satisfies(e -> assertThat(e.outcome() + " " + e.actorId() + " " + e.subject())
                        .isEqualTo("REFUSED aud-1 null"));
    }

    @Test
    void the_pii_grant_reveals_pii_only_and_every_read_is_logged() {
        String pii = vault.put("person:ctl-2", Vault.DataClass.PII, "Sun Qi\n").token();
        String internal = vault.put("opinion:op-ctl-2", Vault.DataClass.INTERNAL, "The road is broken").token();

        ResponseEntity<?> revealed = controller.read(pii, as("aud-2", "AUDITOR", VaultController.PII_ACCESS_GRANT));
        assertThat(revealed.getStatusCode().value()).isEqualTo(200);
        assertThat(body(revealed)).containsEntry("content", "Sun Qi\n").containsEntry("shredded", false);
        assertThat(controller.read(internal, as("officer-2", "PII_OFFICER")).getStatusCode().value()).isEqualTo(403);
        assertThat(controller.read("vlt_nothing", as("officer-2", "PII_OFFICER")).getStatusCode().value())
                .isEqualTo(404);

        vault.shred("person:ctl-2");
        ResponseEntity<?> shredded = controller.read(pii, as("officer-2", "PII_OFFICER"));
        assertThat(shredded.getStatusCode().value()).isEqualTo(200);
        assertThat(body(shredded)).containsEntry("shredded", true).doesNotContainKey("content");

        assertThat(log.find(pii, null, 10)).extracting(VaultAccessLog.Entry::outcome)
                .containsExactly("SHREDDED", "REVEALED");
        assertThat(log.find(null, "officer-2", 10)).extracting(VaultAccessLog.Entry::outcome)
                .containsExactly("SHREDDED", "NOT_FOUND", "REFUSED");
    }

    @Test
    void the_access_log_is_for_auditors_and_the_pii_officer() {
        assertThat(controller.accessLog(null, null, 10, as("staff-3", "CAMPAIGN_OFFICE_STAFF")).getStatusCode()
                .value()).isEqualTo(403);
        assertThat(controller.accessLog(null, null, 10, as("aud-3", "AUDITOR")).getStatusCode().value())
                .isEqualTo(200);
    }
}
