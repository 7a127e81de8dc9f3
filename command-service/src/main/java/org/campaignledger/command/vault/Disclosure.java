package org.campaignledger.command.vault;

import java.time.Instant;

/** What the vault can say about a token: its clear content, or that its subject was shredded. */
sealed interface Disclosure {
    String subject();

    Vault.DataClass dataClass();

    record Revealed(String subject, Vault.DataClass dataClass, String content) implements Disclosure {
    }

    record Shredded(String subject, Vault.DataClass dataClass, Instant shreddedAt) implements Disclosure {
    }
}
