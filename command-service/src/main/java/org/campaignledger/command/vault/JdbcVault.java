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
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.campaignledger.kernel.id.UuidV7;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Vault in PostgreSQL with envelope encryption: AES-256-GCM per entry under the subject's data key, the data
 * key itself wrapped by the master key from configuration. Writes join the command's transaction, so a
 * rejected command leaves nothing in the vault either.
 */
@Component
class JdbcVault implements Vault {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

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
        String sha256 = sha256(plain);
        jdbc.update("""
                        INSERT INTO vault_entry (token, subject, data_class, sha256, ciphertext, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                token, subject, dataClass.name(), sha256, encrypt(dataKey, plain), Timestamp.from(clock.instant()));
        return new Ref(token, sha256);
    }

    private SecretKey dataKeyOf(String subject) {
        byte[] wrapped = jdbc.query("SELECT wrapped_key FROM vault_key WHERE subject = ? AND destroyed_at IS NULL",
                rs -> rs.next() ? rs.getBytes(1) : null, subject);
        if (wrapped != null) {
            return new SecretKeySpec(decrypt(masterKey, wrapped), "AES");
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        jdbc.update("INSERT INTO vault_key (subject, wrapped_key, created_at) VALUES (?, ?, ?)",
                subject, encrypt(masterKey, fresh), Timestamp.from(clock.instant()));
        return new SecretKeySpec(fresh, "AES");
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
