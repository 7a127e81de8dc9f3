package org.campaignledger.command.vault;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The embedded stack's published master key is refused once the deployment says it is production. */
class JdbcVaultStartupTest {
    private static final String OWN_KEY = "b3duLXNlY3JldC1rZXktZnJvbS10aGUtdmF1bHQhISE=";

    @Test
    void production_refuses_the_embedded_default_key() {
        assertThatThrownBy(() -> new JdbcVault(null, Clock.systemUTC(), JdbcVault.EMBEDDED_MASTER_KEY, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LEDGER_VAULT_MASTER_KEY")
                .hasMessageNotContaining(JdbcVault.EMBEDDED_MASTER_KEY);
        assertThatCode(() -> new JdbcVault(null, Clock.systemUTC(), OWN_KEY, true)).doesNotThrowAnyException();
        assertThatCode(() -> new JdbcVault(null, Clock.systemUTC(), JdbcVault.EMBEDDED_MASTER_KEY, false))
                .doesNotThrowAnyException();
    }
}
