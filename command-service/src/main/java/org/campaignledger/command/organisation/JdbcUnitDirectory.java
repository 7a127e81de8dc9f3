package org.campaignledger.command.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReclassified;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitRegistered;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReparented;
import org.campaignledger.kernel.organisation.UnitType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command-side org tree in PostgreSQL. Updated by a subscribing processor, so a unit is visible to the
 * next command as soon as the transaction that registered it commits.
 */
@Component
@ProcessingGroup("command-lookups")
public class JdbcUnitDirectory implements UnitDirectory {
    private final JdbcTemplate jdbc;

    public JdbcUnitDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UnitFacts> find(UnitId unitId) {
        return jdbc.query("""
                        SELECT unit_id, level, unit_type, jurisdiction_unit_id, ancestor_ids
                        FROM unit_directory WHERE unit_id = ?""",
                (rs, i) -> new UnitFacts(UnitId.of(rs.getString(1)), Level.valueOf(rs.getString(2)),
                        UnitType.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : UnitId.of(rs.getString(4)),
                        splitIds(rs.getString(5))),
                unitId.value()).stream().findFirst();
    }

    @EventHandler
    void on(UnitRegistered event) {
        jdbc.update("""
                        INSERT INTO unit_directory (unit_id, level, unit_type, parent_unit_id, jurisdiction_unit_id, ancestor_ids)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                event.unitId().value(), event.level().name(), event.unitType().name(),
                event.parentUnitId() == null ? null : event.parentUnitId().value(),
                event.jurisdictionUnitId() == null ? null : event.jurisdictionUnitId().value(),
                joinIds(event.ancestorIds()));
    }

    /**
     * Re-stamps the moved unit and its whole subtree, because R-ORG-01's cycle check on the next move reads
     * the stored paths. A descendant whose jurisdiction came from above the moved unit follows it.
     */
    @EventHandler
    void on(UnitReclassified event) {
        jdbc.update("UPDATE unit_directory SET unit_type = ? WHERE unit_id = ?", event.newType().name(),
                event.unitId().value());
    }

    @EventHandler
    void on(UnitReparented event) {
        String unitId = event.unitId().value();
        String oldJurisdiction = jdbc.queryForObject(
                "SELECT jurisdiction_unit_id FROM unit_directory WHERE unit_id = ?", String.class, unitId);
        String newJurisdiction = event.jurisdictionUnitId() == null ? null : event.jurisdictionUnitId().value();
        jdbc.update("""
                        UPDATE unit_directory SET parent_unit_id = ?, jurisdiction_unit_id = ?, ancestor_ids = ?
                        WHERE unit_id = ?""",
                event.newParentUnitId().value(), newJurisdiction, joinIds(event.ancestorIds()), unitId);
        List<UnitId> movedPath = new ArrayList<>(event.ancestorIds());
        movedPath.add(event.unitId());
        List<Descendant> descendants = jdbc.query("""
                        SELECT unit_id, ancestor_ids, jurisdiction_unit_id FROM unit_directory
                        WHERE strpos(',' || ancestor_ids || ',', ?) > 0""",
                (rs, i) -> new Descendant(rs.getString(1), splitIds(rs.getString(2)), rs.getString(3)),
                "," + unitId + ",");
        for (Descendant d : descendants) {
            List<UnitId> path = new ArrayList<>(movedPath);
            path.addAll(d.ancestors().subList(d.ancestors().indexOf(event.unitId()) + 1, d.ancestors().size()));
            boolean inherited = !unitId.equals(oldJurisdiction) && Objects.equals(d.jurisdictionUnitId(), oldJurisdiction);
            jdbc.update("UPDATE unit_directory SET ancestor_ids = ?, jurisdiction_unit_id = ? WHERE unit_id = ?",
                    joinIds(path), inherited ? newJurisdiction : d.jurisdictionUnitId(), d.unitId());
        }
    }

    private record Descendant(String unitId, List<UnitId> ancestors, String jurisdictionUnitId) {
    }

    private static String joinIds(List<UnitId> ids) {
        return ids.stream().map(UnitId::value).collect(Collectors.joining(","));
    }

    private static List<UnitId> splitIds(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(UnitId::of).toList();
    }
}
