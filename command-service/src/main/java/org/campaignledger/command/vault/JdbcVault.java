package org.campaignledger.command.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.campaignledger.kernel.id.UuidV7;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Vault in PostgreSQL with envelope encryption: AES-256-GCM per entry under the subject's data key, the data
 * key itself wrapped by the master key from configuration. PII digests are HMACs under a key derived from the data
 * key, so shredding (destroying the wrapped key) takes the content and the means to confirm a guess together.
 * Writes join the command's transaction, so a rejected command leaves nothing in the vault either.
 */
@Component
class JdbcVault implements Vault, Shredder {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] HMAC_KEY_LABEL = "campaign-ledger vault hmac key v1".getBytes(StandardCharsets.UTF_8);
    static final String SHA_256 = "SHA-256";
    static final String HMAC_SHA_256 = "HMAC-SHA-256";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecretKey masterKey;
    private final SecureRandom random = new SecureRandom();

    /** The key application.yml falls back to, so the embedded stack runs without a secret store. */
    static final String EMBEDDED_MASTER_KEY = "ZW1iZWRkZWQtc3RhY2stb25seS1tYXN0ZXIta2V5ISE=";

    JdbcVault(JdbcTemplate jdbc, Clock clock, @Value("${ledger.vault.master-key}") String masterKeyBase64,
              @Value("${ledger.production:false}") boolean production) {
        this.jdbc = jdbc;
        this.clock = clock;
        if (production && EMBEDDED_MASTER_KEY.equals(masterKeyBase64.trim())) {
            throw new IllegalStateException("ledger.production is set but ledger.vault.master-key is the embedded "
                    + "stack's published default; set LEDGER_VAULT_MASTER_KEY from the secret store");
        }
        byte[] key = Base64.getDecoder().decode(masterKeyBase64);
        if (key.length != 32) {
            throw new IllegalArgumentException("ledger.vault.master-key must be 32 bytes, base64-encoded");
        }
        this.masterKey = new SecretKeySpec(key, "AES");
    }

    @Override
    public Ref put(String subject, DataClass dataClass, String content) {
        byte[] plain = content.getBytes(StandardCharsets.UTF_8);
        SecretKey dataKey = dataKeyOf(subject);
        String token = "vlt_" + UuidV7.next(clock).toString().replace("-", "");
        Ref ref = dataClass == DataClass.PII
                ? new Ref(token, null, hmac(dataKey, plain))
                : new Ref(token, sha256(plain));
        jdbc.update("""
                        INSERT INTO vault_entry (token, subject, data_class, digest, digest_alg, ciphertext, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                token, subject, dataClass.name(), ref.sha256() != null ? ref.sha256() : ref.hmacSha256(),
                ref.sha256() != null ? SHA_256 : HMAC_SHA_256, encrypt(dataKey, plain),
                Timestamp.from(clock.instant()));
        return ref;
    }

    @Override
    public KeyState state(String subject) {
        return jdbc.query("SELECT destroyed_at IS NOT NULL FROM vault_key WHERE subject = ?",
                rs -> !rs.next() ? KeyState.NONE : rs.getBoolean(1) ? KeyState.SHREDDED : KeyState.ACTIVE, subject);
    }

    /** Also clears the entries' digests: those written before keyed PII digests were plain SHA-256. */
    @Override
    public void shred(String subject) {
        int destroyed = jdbc.update("""
                UPDATE vault_key SET wrapped_key = NULL, destroyed_at = ?
                WHERE subject = ? AND destroyed_at IS NULL""", Timestamp.from(clock.instant()), subject);
        if (destroyed > 0) {
            jdbc.update("UPDATE vault_entry SET digest = NULL WHERE subject = ?", subject);
        }
    }

    /** The entry behind a token: its clear content, or the fact that it was shredded; empty if unknown. */
    Optional<Disclosure> read(String token) {
        return jdbc.query("""
                        SELECT e.subject, e.data_class, e.ciphertext, k.wrapped_key, k.destroyed_at
                        FROM vault_entry e JOIN vault_key k ON k.subject = e.subject WHERE e.token = ?""",
                rs -> {
                    if (!rs.next()) {
                        return Optional.<Disclosure>empty();
                    }
                    String subject = rs.getString("subject");
                    DataClass dataClass = DataClass.valueOf(rs.getString("data_class"));
                    Timestamp destroyedAt = rs.getTimestamp("destroyed_at");
                    if (destroyedAt != null) {
                        return Optional.of(new Disclosure.Shredded(subject, dataClass, destroyedAt.toInstant()));
                    }
                    SecretKey dataKey = new SecretKeySpec(decrypt(masterKey, rs.getBytes("wrapped_key")), "AES");
                    return Optional.of(new Disclosure.Revealed(subject, dataClass,
                            new String(decrypt(dataKey, rs.getBytes("ciphertext")), StandardCharsets.UTF_8)));
                }, token);
    }

    private SecretKey dataKeyOf(String subject) {
        byte[] wrapped = jdbc.query("SELECT wrapped_key, destroyed_at FROM vault_key WHERE subject = ?",
                rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    if (rs.getTimestamp("destroyed_at") != null) {
                        throw new IllegalStateException("vault subject " + subject
                                + " is shredded; nothing more can be stored under it");
                    }
                    return rs.getBytes("wrapped_key");
                }, subject);
        if (wrapped != null) {
            return new SecretKeySpec(decrypt(masterKey, wrapped), "AES");
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        jdbc.update("INSERT INTO vault_key (subject, wrapped_key, created_at) VALUES (?, ?, ?)",
                subject, encrypt(masterKey, fresh), Timestamp.from(clock.instant()));
        return new SecretKeySpec(fresh, "AES");
    }

    /** The HMAC key is derived from the data key, so it needs no storage of its own and dies with it. */
    private static String hmac(SecretKey dataKey, byte[] content) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(dataKey.getEncoded(), "HmacSHA256"));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive.doFinal(HMAC_KEY_LABEL), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
    private byte[] encrypt(SecretKey key, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("vault encryption failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] nonceAndSealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonceAndSealed, 0, NONCE_BYTES));
            return cipher.doFinal(nonceAndSealed, NONCE_BYTES, nonceAndSealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("vault key could not be unwrapped; is ledger.vault.master-key right?", e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
