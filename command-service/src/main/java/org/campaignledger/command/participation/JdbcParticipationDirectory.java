package org.campaignledger.command.participation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.command.organisation.domain.UnitStages;
import org.campaignledger.command.participation.domain.ParticipationDirectory;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationEvent.ParticipationRegistered;
import org.campaignledger.kernel.participation.ParticipationEvent.StageStarted;
import org.campaignledger.kernel.participation.ParticipationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Participations for rules that look across units, kept in the transaction of their events. */
@Component
@ProcessingGroup("command-lookups")
class JdbcParticipationDirectory implements ParticipationDirectory, UnitStages {
    private final JdbcTemplate jdbc;

    JdbcParticipationDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ParticipationFacts> find(CampaignId campaignId, UnitId unitId) {
        return jdbc.query("""
                        SELECT participation_id, tier_no, stage1_start, stage2_start, stage3_start
                        FROM participation_directory WHERE campaign_id = ? AND unit_id = ?""",
                (rs, i) -> {
                    Map<Integer, LocalDate> starts = new HashMap<>();
                    for (int stage = 1; stage <= 3; stage++) {
                        java.sql.Date start = rs.getDate(2 + stage);
                        if (start != null) {
                            starts.put(stage, start.toLocalDate());
                        }
                    }
                    return new ParticipationFacts(ParticipationId.of(rs.getString(1)), rs.getInt(2), Map.copyOf(starts));
                }, campaignId.value(), unitId.value()).stream().findFirst();
    }

    @Override
    public boolean hasReachedStage2(UnitId unitId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM participation_directory WHERE unit_id = ? AND stage2_start IS NOT NULL",
                Integer.class, unitId.value());
        return count != null && count > 0;
    }

    @EventHandler
    void on(ParticipationRegistered event) {
        jdbc.update("""
                        INSERT INTO participation_directory (participation_id, campaign_id, unit_id, tier_no)
                        VALUES (?, ?, ?, ?)""",
                event.participationId().value(), event.campaignId().value(), event.unitId().value(), event.tierNo());
    }

    /** A reopened stage keeps its first start: the cascade is about when a stage first began. */
    @EventHandler
    void on(StageStarted event) {
        String column = "stage" + event.stage() + "_start";
        jdbc.update("UPDATE participation_directory SET " + column + " = COALESCE(" + column + ", ?) "
                + "WHERE participation_id = ?", java.sql.Date.valueOf(event.date()), event.participationId().value());
    }
}
