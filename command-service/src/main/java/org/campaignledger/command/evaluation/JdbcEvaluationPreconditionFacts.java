package org.campaignledger.command.evaluation;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.kernel.document.DocumentEvent.DocumentApproved;
import org.campaignledger.kernel.document.SubjectRef;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationPreconditionKey;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts evaluation preconditions are credited from, kept in the transaction of their events whether or not the
 * evaluation is planned yet, so that planning finds every fact that came first (DOMAIN-ERRATA B1 seeding). The
 * first fact of a key is kept: crediting it once is all the evaluation needs. Meeting facts (MEETING_HELD,
 * SG_FEEDBACK_DELIVERED) are recorded here by the meeting feature's events, with the meeting as subject.
 */
@Component
@ProcessingGroup("command-lookups")
class JdbcEvaluationPreconditionFacts {
    private final JdbcTemplate jdbc;

    JdbcEvaluationPreconditionFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts about this evaluation and, for a POST_MEETING evaluation, about its meeting. */
    List<PreconditionFact> satisfying(EvaluationId evaluationId, String meetingId) {
        return jdbc.query("""
                        SELECT subject_kind, subject_id, precondition, source_ref FROM evaluation_precondition_fact
                        WHERE (subject_kind = 'EVALUATION' AND subject_id = ?)
                           OR (subject_kind = 'MEETING' AND subject_id = ?)
                        ORDER BY precondition""",
                (rs, i) -> new PreconditionFact(new SubjectRef(SubjectRef.Kind.valueOf(rs.getString(1)),
                        rs.getString(2)), EvaluationPreconditionKey.valueOf(rs.getString(3)), rs.getString(4)),
                evaluationId.value(), meetingId);
    }

    /** The planned evaluations a fact is about: the one it names, or those of the meeting it names. */
    List<EvaluationId> evaluationsOf(SubjectRef subject) {
        String column = subject.kind() == SubjectRef.Kind.MEETING ? "meeting_id" : "evaluation_id";
        return jdbc.query("SELECT evaluation_id FROM evaluation_attempt WHERE " + column
                        + " = ? ORDER BY evaluation_id", (rs, i) -> EvaluationId.of(rs.getString(1)),
                subject.id());
    }

    @EventHandler
    void on(DocumentApproved event) {
        PreconditionFact.of(event).ifPresent(this::record);
    }

    private void record(PreconditionFact fact) {
        jdbc.update("""
                        INSERT INTO evaluation_precondition_fact (subject_kind, subject_id, precondition, source_ref)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (subject_kind, subject_id, precondition) DO NOTHING""",
                fact.subject().kind().name(), fact.subject().id(), fact.key().name(), fact.sourceRef());
    }
}
