package org.campaignledger.command.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.command.supervision.domain.SupervisionDirectory;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.supervision.SgKind;
import org.campaignledger.kernel.supervision.SgMember;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupDisbanded;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupFormed;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupMemberAdded;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupMemberRemoved;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.UnitAssignedToSupervisionGroup;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.UnitUnassignedFromSupervisionGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Supervision groups, their members and assignments over time, kept in the transaction that changes them so
 * the next command (R-SG-02 of another group, a review step) sees them.
 */
@Component
@ProcessingGroup("command-lookups")
public class JdbcSupervisionDirectory implements SupervisionDirectory {
    private static final String ASSIGNMENTS = """
            SELECT a.sg_id, g.kind, g.dispatching_unit_id, g.dispatching_level, a.unit_id, a.valid_from
            FROM sg_assignment a JOIN sg_group g ON g.sg_id = a.sg_id
            WHERE a.unit_id = ?""";

    private final JdbcTemplate jdbc;

    public JdbcSupervisionDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Assignment> groupsAssignedTo(UnitId unitId, LocalDate on) {
        return jdbc.query(ASSIGNMENTS + " AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to >= ?)"
                        + " ORDER BY a.valid_from, a.sg_id",
                JdbcSupervisionDirectory::assignment, unitId.value(), Date.valueOf(on), Date.valueOf(on));
    }

    @Override
    public List<Assignment> groupsAssignedOnOrAfter(UnitId unitId, LocalDate from) {
        return jdbc.query(ASSIGNMENTS + " AND (a.valid_to IS NULL OR a.valid_to >= ?) ORDER BY a.valid_from, a.sg_id",
                JdbcSupervisionDirectory::assignment, unitId.value(), Date.valueOf(from));
    }

    @Override
    public boolean isMember(SgId sgId, PersonId personId, LocalDate on) {
        return membersOf(sgId, on).contains(personId);
    }

    @Override
    public List<PersonId> membersOf(SgId sgId, LocalDate on) {
        return jdbc.query("""
                        SELECT person_id FROM sg_member
                        WHERE sg_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                        ORDER BY person_id""",
                (rs, i) -> PersonId.of(rs.getString(1)), sgId.value(), Date.valueOf(on), Date.valueOf(on));
    }

    @EventHandler
    void on(SupervisionGroupFormed event) {
        jdbc.update("""
                        INSERT INTO sg_group (sg_id, kind, dispatching_unit_id, dispatching_level)
                        VALUES (?, ?, ?, ?)""",
                event.sgId().value(), event.kind().name(), event.dispatchingUnitId().value(),
                event.dispatchingLevel().name());
        for (SgMember member : event.members()) {
            insertMember(event.sgId(), member.personId(), member.sourceUnitId(), event.date());
        }
    }

    @EventHandler
    void on(SupervisionGroupMemberAdded event) {
        insertMember(event.sgId(), event.personId(), event.sourceUnitId(), event.date());
    }

    @EventHandler
    void on(SupervisionGroupMemberRemoved event) {
        jdbc.update("UPDATE sg_member SET valid_to = ? WHERE sg_id = ? AND person_id = ? AND valid_to IS NULL",
                Date.valueOf(event.date()), event.sgId().value(), event.personId().value());
    }

    @EventHandler
    void on(UnitAssignedToSupervisionGroup event) {
        jdbc.update("""
                        INSERT INTO sg_assignment (sg_id, unit_id, kind, valid_from)
                        SELECT sg_id, ?, kind, ? FROM sg_group WHERE sg_id = ?""",
                event.unitId().value(), Date.valueOf(event.from()), event.sgId().value());
    }

    @EventHandler
    void on(UnitUnassignedFromSupervisionGroup event) {
        jdbc.update("UPDATE sg_assignment SET valid_to = ? WHERE sg_id = ? AND unit_id = ? AND valid_to IS NULL",
                Date.valueOf(event.to()), event.sgId().value(), event.unitId().value());
    }

    @EventHandler
    void on(SupervisionGroupDisbanded event) {
        jdbc.update("UPDATE sg_member SET valid_to = ? WHERE sg_id = ? AND valid_to IS NULL",
                Date.valueOf(event.date()), event.sgId().value());
        jdbc.update("UPDATE sg_group SET disbanded_on = ? WHERE sg_id = ?", Date.valueOf(event.date()),
                event.sgId().value());
    }

    private void insertMember(SgId sgId, PersonId personId, UnitId sourceUnitId, LocalDate from) {
        jdbc.update("INSERT INTO sg_member (sg_id, person_id, source_unit_id, valid_from) VALUES (?, ?, ?, ?)",
                sgId.value(), personId.value(), sourceUnitId.value(), Date.valueOf(from));
    }

    private static Assignment assignment(ResultSet rs, int row) throws SQLException {
        return new Assignment(SgId.of(rs.getString(1)), SgKind.valueOf(rs.getString(2)), UnitId.of(rs.getString(3)),
                Level.valueOf(rs.getString(4)), UnitId.of(rs.getString(5)), rs.getDate(6).toLocalDate());
    }
}
