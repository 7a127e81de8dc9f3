package org.campaignledger.command.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The vault over real PostgreSQL and the real migrations: keyed PII digests and crypto-shredding. */
class JdbcVaultTest {
    private static final String PII = "Li Si\n13912345678";
    private final JdbcTemplate jdbc = TestDatabase.jdbc();
    private final JdbcVault vault = new JdbcVault(jdbc, Clock.systemUTC(),
            Base64.getEncoder().encodeToString(new byte[32]), false);

    @Test
    void a_pii_digest_is_a_keyed_hash_of_its_subject_never_the_plain_sha256() {
        Vault.Ref first = vault.put("person:keyed-1", Vault.DataClass.PII, PII);
        Vault.Ref again = vault.put("person:keyed-1", Vault.DataClass.PII, PII);
        Vault.Ref elsewhere = vault.put("person:keyed-2", Vault.DataClass.PII, PII);

        assertThat(first.sha256()).isNull();
        assertThat(first.hmacSha256()).hasSize(64).isNotEqualTo(InMemoryDirectories.sha256(PII))
                .isEqualTo(again.hmacSha256()).isNotEqualTo(elsewhere.hmacSha256());
        assertThat(jdbc.queryForMap("SELECT digest, digest_alg FROM vault_entry WHERE token = ?", first.token()))
                .containsEntry("digest", first.hmacSha256()).containsEntry("digest_alg", JdbcVault.HMAC_SHA_256);

        Vault.Ref text = vault.put("opinion:keyed-1", Vault.DataClass.INTERNAL, "The permit window is slow");
        assertThat(text.sha256()).isEqualTo(InMemoryDirectories.sha256("The permit window is slow"));
        assertThat(text.hmacSha256()).isNull();
    }

    @Test
    void shredding_a_subject_makes_its_entries_unreadable_and_leaves_other_subjects_alone() {
        Vault.Ref identity = vault.put("person:shred-1", Vault.DataClass.PII, PII);
        Vault.Ref submitter = vault.put("submitter:op-shred-1", Vault.DataClass.PII, "Wang Wu\n");
        assertThat(vault.read(identity.token())).containsInstanceOf(Disclosure.Revealed.class)
                .get().extracting(d -> ((Disclosure.Revealed) d).content()).isEqualTo(PII);
        assertThat(vault.state("person:shred-1")).isEqualTo(Shredder.KeyState.ACTIVE);

        vault.shred("person:shred-1");

        assertThat(vault.state("person:shred-1")).isEqualTo(Shredder.KeyState.SHREDDED);
        assertThat(vault.read(identity.token())).containsInstanceOf(Disclosure.Shredded.class);
        Map<String, Object> key = jdbc.queryForMap(
                "SELECT wrapped_key, destroyed_at FROM vault_key WHERE subject = 'person:shred-1'");
        assertThat(key.get("wrapped_key")).isNull();
        assertThat(key.get("destroyed_at")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT digest FROM vault_entry WHERE token = ?", String.class,
                identity.token())).isNull();
        assertThat(vault.read(submitter.token())).containsInstanceOf(Disclosure.Revealed.class);
    }

    @Test
    void a_shredded_subject_takes_no_new_content_and_an_unknown_one_has_no_key() {
        vault.put("person:shred-2", Vault.DataClass.PII, PII);
        vault.shred("person:shred-2");
        vault.shred("person:shred-2");

        assertThatThrownBy(() -> vault.put("person:shred-2", Vault.DataClass.PII, PII))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is shredded");
        assertThat(vault.state("person:never")).isEqualTo(Shredder.KeyState.NONE);
        assertThat(vault.read("vlt_unknown")).isEmpty();
    }
}
