package org.campaignledger.command.supervision;

import java.sql.Date;
import java.time.LocalDate;
import org.campaignledger.command.supervision.domain.RosterCheck;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the command-side roster table that the OrgUnit roster events keep (DOMAIN §4.1). This class only reads
 * it: the rows come from the roster's own lookup handler.
 */
@Component
public class JdbcRosterCheck implements RosterCheck {
    private final JdbcTemplate jdbc;

    public JdbcRosterCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isOnRoster(UnitId unitId, PersonId personId, LocalDate on) {
        Boolean found = jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM roster_entry
                                       WHERE unit_id = ? AND person_id = ? AND valid_from <= ?
                                         AND (valid_to IS NULL OR valid_to >= ?))""",
                Boolean.class, unitId.value(), personId.value(), Date.valueOf(on), Date.valueOf(on));
        return Boolean.TRUE.equals(found);
    }
}
