package org.campaignledger.command.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationSessionOpened;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallied;
import org.campaignledger.kernel.id.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One-time form tokens of an open evaluation session (DOMAIN §7): the host issues them, each records exactly one
 * electronic form through {@code POST /api/public/evaluation-forms}, and all unspent ones expire when the session
 * closes. Only their SHA-256 is kept.
 */
@Component
@ProcessingGroup("command-lookups")
public class FormTokens {
    /** The token is spent: it recorded a form already. */
    public static final String USED = "R-API-TOKEN-USED";
    /** The session the token was issued for has closed. */
    public static final String EXPIRED = "R-API-TOKEN-EXPIRED";
    /** No session issued the token. */
    public static final String UNKNOWN = "R-API-TOKEN-UNKNOWN";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public FormTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The open session's host, if the evaluation is in session. */
    public Optional<PersonId> hostOfOpenSession(EvaluationId evaluationId) {
        return jdbc.query("SELECT host_person_id FROM evaluation_form_session WHERE evaluation_id = ? AND open",
                (rs, i) -> PersonId.of(rs.getString(1)), evaluationId.value()).stream().findFirst();
    }

    /** {@code count} fresh tokens for the session; they are shown once, here, and stored only as digests. */
    public List<String> issue(EvaluationId evaluationId, int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] secret = new byte[24];
            RANDOM.nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            jdbc.update("INSERT INTO evaluation_form_token (token_sha256, evaluation_id, state) VALUES (?, ?, 'ISSUED')",
                    sha256(token), evaluationId.value());
            tokens.add(token);
        }
        return tokens;
    }

    /** The evaluation a token was issued for, whatever its state; empty if no session issued it. */
    public Optional<EvaluationId> evaluationOf(String token) {
        return jdbc.query("SELECT evaluation_id FROM evaluation_form_token WHERE token_sha256 = ?",
                (rs, i) -> EvaluationId.of(rs.getString(1)), sha256(token)).stream().findFirst();
    }

    /**
     * Spends the token for a form of the evaluation, in the caller's transaction. The conditional update takes the
     * row lock, so of two concurrent uses one waits and then finds the token spent.
     */
    public void spend(String token, EvaluationId evaluationId) {
        String digest = sha256(token);
        int spent = jdbc.update("""
                UPDATE evaluation_form_token SET state = 'USED'
                WHERE token_sha256 = ? AND evaluation_id = ? AND state = 'ISSUED'""", digest, evaluationId.value());
        if (spent == 1) {
            return;
        }
        String state = jdbc.query("SELECT state FROM evaluation_form_token WHERE token_sha256 = ? AND evaluation_id = ?",
                (rs, i) -> rs.getString(1), digest, evaluationId.value()).stream().findFirst().orElse("");
        throw switch (state) {
            case "USED" -> new RuleViolation(USED, "this form token has been used; each token records one form",
                    Map.of("field", "token"));
            case "EXPIRED" -> new RuleViolation(EXPIRED, "the evaluation session of this form token has closed",
                    Map.of("field", "token"));
            default -> new RuleViolation(UNKNOWN, "no open evaluation session issued this form token",
                    Map.of("field", "token"));
        };
    }

    @EventHandler
    void on(EvaluationSessionOpened event) {
        jdbc.update("""
                INSERT INTO evaluation_form_session (evaluation_id, host_person_id, open) VALUES (?, ?, TRUE)
                ON CONFLICT (evaluation_id) DO UPDATE SET host_person_id = EXCLUDED.host_person_id, open = TRUE""",
                event.evaluationId().value(), event.hostPersonId().value());
    }

    /** Closing the evaluation tallies it: the session ends and its unspent tokens with it. */
    @EventHandler
    void on(EvaluationTallied event) {
        jdbc.update("UPDATE evaluation_form_session SET open = FALSE WHERE evaluation_id = ?",
                event.evaluationId().value());
        jdbc.update("UPDATE evaluation_form_token SET state = 'EXPIRED' WHERE evaluation_id = ? AND state = 'ISSUED'",
                event.evaluationId().value());
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
