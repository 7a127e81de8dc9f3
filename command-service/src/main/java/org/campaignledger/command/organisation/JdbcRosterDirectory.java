package org.campaignledger.command.organisation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.RosterEntry;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMemberAppointed;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMembershipEnded;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitDissolved;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitMerged;
import org.campaignledger.kernel.organisation.RosterPosition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rosters as of a date (R-ORG-04) in PostgreSQL, kept by a subscribing processor in the transaction of the
 * roster events, with the same inclusive-date semantics as {@link RosterEntry#isActiveOn}.
 */
@Component
@ProcessingGroup("command-lookups")
public class JdbcRosterDirectory implements RosterDirectory {
    private static final String ACTIVE_ON = """
            unit_id = ? AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)""";

    private final JdbcTemplate jdbc;

    public JdbcRosterDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RosterEntry> rosterAsOf(UnitId unitId, LocalDate date) {
        return jdbc.query("SELECT person_id, position, main_leader, effective_from, effective_to FROM roster_entry"
                        + " WHERE " + ACTIVE_ON + " ORDER BY effective_from, person_id",
                (rs, i) -> entry(rs), unitId.value(), Date.valueOf(date), Date.valueOf(date));
    }

    @Override
    public Optional<PersonId> mainLeaderAsOf(UnitId unitId, LocalDate date) {
        return jdbc.query("SELECT person_id FROM roster_entry WHERE main_leader AND " + ACTIVE_ON,
                (rs, i) -> PersonId.of(rs.getString(1)), unitId.value(), Date.valueOf(date), Date.valueOf(date))
                .stream().findFirst();
    }

    @Override
    public boolean isOnRoster(UnitId unitId, PersonId personId, LocalDate date) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM roster_entry WHERE person_id = ? AND " + ACTIVE_ON, Integer.class, personId.value(), unitId.value(), Date.valueOf(date), Date.valueOf(date));
        return count != null && count > 0;
    }

    @EventHandler
    void on(RosterMemberAppointed event) {
        jdbc.update("""
                        INSERT INTO roster_entry (unit_id, person_id, position, main_leader, effective_from)
                        VALUES (?, ?, ?, ?, ?)""",
                event.unitId().value(), event.personId().value(), event.position().name(), event.mainLeader(),
                Date.valueOf(event.effectiveFrom()));
    }

    @EventHandler
    void on(RosterMembershipEnded event) {
        jdbc.update("""
                        UPDATE roster_entry SET effective_to = ?
                        WHERE unit_id = ? AND person_id = ? AND effective_to IS NULL""",
                Date.valueOf(event.effectiveTo()), event.unitId().value(), event.personId().value());
    }

    /** A merged unit keeps no roster of its own: its open memberships end on the day of the merger. */
    @EventHandler
    void on(UnitMerged event) {
        endOpenMemberships(event.unitId(), event.effectiveDate());
    }

    @EventHandler
    void on(UnitDissolved event) {
        endOpenMemberships(event.unitId(), event.effectiveDate());
    }

    private void endOpenMemberships(UnitId unitId, LocalDate date) {
        jdbc.update("""
                        UPDATE roster_entry SET effective_to = GREATEST(effective_from, ?)
                        WHERE unit_id = ? AND effective_to IS NULL""",
                Date.valueOf(date), unitId.value());
    }

    private static RosterEntry entry(ResultSet rs) throws SQLException {
        Date to = rs.getDate(5);
        return new RosterEntry(PersonId.of(rs.getString(1)), RosterPosition.valueOf(rs.getString(2)),
                rs.getBoolean(3), rs.getDate(4).toLocalDate(), to == null ? null : to.toLocalDate());
    }
}
