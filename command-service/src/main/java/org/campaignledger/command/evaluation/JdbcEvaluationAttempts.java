package org.campaignledger.command.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.command.evaluation.domain.EvaluationAttempts;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.ParticipantGroup;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationFailed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationOutcomeChanged;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPassed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPlanned;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkOrdered;
import org.campaignledger.kernel.participation.ParticipationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Evaluation attempts and the reworks ordered after them, kept in the transaction of their events, so that the
 * next attempt is allowed as soon as the participation's ReworkCompleted commits (R-EVL-11).
 */
@Component
@ProcessingGroup("command-lookups")
class JdbcEvaluationAttempts implements EvaluationAttempts {
    private static final TypeReference<List<ParticipantGroup>> SCOPE = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    JdbcEvaluationAttempts(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Attempt> latest(ParticipationId participationId, EvaluationType type) {
        return jdbc.query("""
                        SELECT a.evaluation_id, a.outcome, a.participant_scope,
                               EXISTS (SELECT 1 FROM evaluation_rework r WHERE r.evaluation_id = a.evaluation_id)
                               AND NOT EXISTS (SELECT 1 FROM evaluation_rework r
                                               WHERE r.evaluation_id = a.evaluation_id AND NOT r.completed)
                        FROM evaluation_attempt a
                        WHERE a.participation_id = ? AND a.evaluation_type = ?
                        ORDER BY a.attempt_no DESC LIMIT 1""",
                (rs, i) -> new Attempt(EvaluationId.of(rs.getString(1)), Outcome.valueOf(rs.getString(2)),
                        rs.getBoolean(4), scope(rs.getString(3))),
                participationId.value(), type.name()).stream().findFirst();
    }

    @EventHandler
    void on(EvaluationPlanned event) throws JsonProcessingException {
        jdbc.update("""
                        INSERT INTO evaluation_attempt (evaluation_id, participation_id, evaluation_type, attempt_no,
                                                        outcome, participant_scope, meeting_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                event.evaluationId().value(), event.participationId().value(), event.type().name(),
                event.attemptNo(), Outcome.OPEN.name(), json.writeValueAsString(event.participantScope()),
                event.meetingId());
    }

    @EventHandler
    void on(EvaluationPassed event) {
        outcome(event.evaluationId(), Outcome.PASSED);
    }

    @EventHandler
    void on(EvaluationFailed event) {
        outcome(event.evaluationId(), Outcome.FAILED);
    }

    @EventHandler
    void on(EvaluationOutcomeChanged event) {
        outcome(event.evaluationId(), event.passed() ? Outcome.PASSED : Outcome.FAILED);
    }

    /** Only reworks that name the evaluation they follow count for R-EVL-11. */
    @EventHandler
    void on(ReworkOrdered event) {
        if (event.evaluationId() != null) {
            jdbc.update("""
                            INSERT INTO evaluation_rework (participation_id, rework_id, evaluation_id, completed)
                            VALUES (?, ?, ?, FALSE)""",
                    event.participationId().value(), event.reworkId(), event.evaluationId());
        }
    }

    @EventHandler
    void on(ReworkCompleted event) {
        jdbc.update("UPDATE evaluation_rework SET completed = TRUE WHERE participation_id = ? AND rework_id = ?",
                event.participationId().value(), event.reworkId());
    }

    private void outcome(EvaluationId evaluationId, Outcome outcome) {
        jdbc.update("UPDATE evaluation_attempt SET outcome = ? WHERE evaluation_id = ?", outcome.name(),
                evaluationId.value());
    }

    private List<ParticipantGroup> scope(String value) {
        try {
            return json.readValue(value, SCOPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable participant scope " + value, e);
        }
    }
}
