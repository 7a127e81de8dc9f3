package org.campaignledger.command.vault;

import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;

/**
 * The store of personal and confidential content (DOMAIN §3.6). Events carry only the token and a digest of the
 * content; the content is encrypted under a data key per subject, so destroying the key shreds the subject's data
 * without touching any event.
 *
 * <p>Personal data is low in entropy (a name, an 11-digit phone number), so its plain SHA-256 could be reversed
 * by guessing: a PII entry gets an HMAC-SHA-256 under a key derived from its subject's data key instead
 * (DOMAIN-ERRATA I12). Shredding the subject destroys that key too, and no guess can be confirmed afterwards.
 */
public interface Vault {

    Ref put(String subject, DataClass dataClass, String content);

    /** The subject of a person's identity and contact. */
    static String personSubject(PersonId personId) {
        return "person:" + personId;
    }

    /** The subject under which {@code Opinion} stores a submitter's identity, named or anonymous (R-OPN-02). */
    static String submitterSubject(OpinionId opinionId) {
        return "submitter:" + opinionId;
    }

    /**
     * Where the content is stored and its digest: {@code sha256} for INTERNAL and CONFIDENTIAL content,
     * {@code hmacSha256} (keyed, see above) for PII; the other one is null.
     */
    record Ref(String token, String sha256, String hmacSha256) {
        public Ref(String token, String sha256) {
            this(token, sha256, null);
        }
    }

    enum DataClass { PUBLIC, INTERNAL, CONFIDENTIAL, PII }
}
