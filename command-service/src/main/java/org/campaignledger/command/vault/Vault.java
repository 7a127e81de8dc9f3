package org.campaignledger.command.vault;

/**
 * The store of personal and confidential content (DOMAIN §3.6). Events carry only the token and the
 * SHA-256 of the content; the content is encrypted under a data key per subject, so destroying the key
 * shreds the subject's data without touching any event.
 */
public interface Vault {

    Ref put(String subject, DataClass dataClass, String content);

    record Ref(String token, String sha256) {
    }

    enum DataClass { PUBLIC, INTERNAL, CONFIDENTIAL, PII }
}
