package org.campaignledger.command.lookback;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.campaignledger.command.lookback.domain.StagePlans;
import org.campaignledger.kernel.id.LookBackId;
import org.campaignledger.kernel.participation.ParticipationEvent.StageExtended;
import org.campaignledger.kernel.participation.ParticipationEvent.StageReopened;
import org.campaignledger.kernel.participation.ParticipationEvent.StageStarted;
import org.campaignledger.kernel.participation.ParticipationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Participation stages as the look-back needs them, kept in the transaction of their events. */
@Component
@ProcessingGroup("command-lookups")
class JdbcLookBackLookups implements StagePlans {
    private final JdbcTemplate jdbc;

    JdbcLookBackLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StagePlan> currentStage(ParticipationId participationId) {
        return jdbc.query("""
                        SELECT stage, planned_to FROM lookback_stage_plan
                        WHERE participation_id = ? AND is_current""",
                (rs, i) -> new StagePlan(rs.getInt(1), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()),
                participationId.value()).stream().findFirst();
    }

    /**
     * The look-back whose REDO reopened {@code stage} most recently before the participation's event
     * {@code completedSeq}: a stage is completed once per entry, so that reopen is the one this completion ends.
     */
    Optional<LookBackId> redoEndedBy(ParticipationId participationId, int stage, long completedSeq) {
        return jdbc.queryForList("""
                        SELECT look_back_id FROM lookback_redo
                        WHERE participation_id = ? AND stage = ? AND reopened_seq < ?
                        ORDER BY reopened_seq DESC LIMIT 1""", String.class,
                participationId.value(), stage, completedSeq).stream().findFirst().map(LookBackId::of);
    }

    @EventHandler
    void on(StageStarted event) {
        makeCurrent(event.participationId(), event.stage());
        jdbc.update("UPDATE lookback_stage_plan SET planned_to = ? WHERE participation_id = ? AND stage = ?",
                event.plannedTo() == null ? null : java.sql.Date.valueOf(event.plannedTo()),
                event.participationId().value(), event.stage());
    }

    @EventHandler
    void on(StageExtended event) {
        jdbc.update("UPDATE lookback_stage_plan SET planned_to = ? WHERE participation_id = ? AND stage = ?",
                java.sql.Date.valueOf(event.newPlannedTo()), event.participationId().value(), event.stage());
    }

    /** The reopened stage keeps the planned end it had; only a REDO's reopen is remembered for its completion. */
    @EventHandler
    void on(StageReopened event, @SequenceNumber long sequence) {
        makeCurrent(event.participationId(), event.stage());
        if (event.lookBackId() != null) {
            jdbc.update("""
                            INSERT INTO lookback_redo (look_back_id, participation_id, stage, reopened_seq)
                            VALUES (?, ?, ?, ?)
                            ON CONFLICT (look_back_id) DO UPDATE
                            SET participation_id = EXCLUDED.participation_id, stage = EXCLUDED.stage,
                                reopened_seq = EXCLUDED.reopened_seq""",
                    event.lookBackId(), event.participationId().value(), event.stage(), sequence);
        }
    }

    private void makeCurrent(ParticipationId participationId, int stage) {
        jdbc.update("UPDATE lookback_stage_plan SET is_current = FALSE WHERE participation_id = ?",
                participationId.value());
        jdbc.update("""
                        INSERT INTO lookback_stage_plan (participation_id, stage, is_current) VALUES (?, ?, TRUE)
                        ON CONFLICT (participation_id, stage) DO UPDATE SET is_current = TRUE""",
                participationId.value(), stage);
    }
}
