package org.campaignledger.command.rollout;

import java.sql.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.command.rollout.domain.DirectUnits;
import org.campaignledger.command.rollout.domain.OfficeApprovers;
import org.campaignledger.command.rollout.domain.PolicyExceptions;
import org.campaignledger.command.rollout.domain.TypeGuidance;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.rollout.RolloutEvent.CampaignOfficeEstablished;
import org.campaignledger.kernel.rollout.RolloutEvent.PolicyExceptionGranted;
import org.campaignledger.kernel.rollout.RolloutEvent.TypeGuidanceIssued;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Office approvers, granted exceptions and type guidance of every rollout, kept in the transaction that records
 * them; and a jurisdiction's direct units.
 */
@Component
@ProcessingGroup("command-lookups")
public class JdbcRolloutLookups implements OfficeApprovers, PolicyExceptions, TypeGuidance, DirectUnits {
    private final JdbcTemplate jdbc;

    public JdbcRolloutLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<PersonId> approversOf(RolloutId rolloutId) {
        return Set.copyOf(jdbc.query("SELECT person_id FROM rollout_office_approver WHERE rollout_id = ?",
                (rs, i) -> PersonId.of(rs.getString(1)), rolloutId.value()));
    }

    @Override
    public Optional<Granted> find(ExceptionId exceptionId) {
        return jdbc.query("""
                        SELECT exception_id, rollout_id, unit_id, rule_id, approved_by, granted_on, valid_until,
                               reusable
                        FROM policy_exception WHERE exception_id = ?""",
                (rs, i) -> new Granted(ExceptionId.of(rs.getString(1)), RolloutId.of(rs.getString(2)),
                        UnitId.of(rs.getString(3)), rs.getString(4), PersonId.of(rs.getString(5)),
                        rs.getDate(6).toLocalDate(),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getBoolean(8)),
                exceptionId.value()).stream().findFirst();
    }

    @Override
    public Optional<String> documentFor(RolloutId rolloutId, UnitType unitType) {
        return jdbc.query("SELECT document_ref FROM rollout_type_guidance WHERE rollout_id = ? AND unit_type = ?",
                (rs, i) -> rs.getString(1), rolloutId.value(), unitType.name()).stream().findFirst();
    }

    /** Read from the org-tree lookup the organisation feature keeps. */
    @Override
    public List<UnitId> directUnitsOf(UnitId jurisdictionUnitId) {
        return jdbc.query("""
                        SELECT unit_id FROM unit_directory WHERE parent_unit_id = ? AND unit_type = 'DIRECT_UNIT'
                        ORDER BY unit_id""",
                (rs, i) -> UnitId.of(rs.getString(1)), jurisdictionUnitId.value());
    }

    @EventHandler
    void on(CampaignOfficeEstablished event) {
        for (PersonId approver : event.approverIds()) {
            jdbc.update("""
                            INSERT INTO rollout_office_approver (rollout_id, jurisdiction_unit_id, person_id)
                            VALUES (?, ?, ?)""",
                    event.rolloutId().value(), event.jurisdictionUnitId().value(), approver.value());
        }
    }

    @EventHandler
    void on(PolicyExceptionGranted event) {
        jdbc.update("""
                        INSERT INTO policy_exception (exception_id, rollout_id, unit_id, rule_id, approved_by,
                                                      granted_on, valid_until, reusable)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                event.exceptionId().value(), event.rolloutId().value(), event.unitId().value(), event.ruleId(),
                event.approvedByPersonId().value(), Date.valueOf(event.date()),
                event.validUntil() == null ? null : Date.valueOf(event.validUntil()), event.reusable());
    }

    /** Guidance issued again for the same type replaces the earlier document. */
    @EventHandler
    void on(TypeGuidanceIssued event) {
        jdbc.update("""
                        INSERT INTO rollout_type_guidance (rollout_id, unit_type, document_ref) VALUES (?, ?, ?)
                        ON CONFLICT (rollout_id, unit_type) DO UPDATE SET document_ref = EXCLUDED.document_ref""",
                event.rolloutId().value(), event.unitType().name(), event.documentRef());
    }
}
