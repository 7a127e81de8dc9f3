package org.campaignledger.command.access;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.kernel.document.DocumentEvent.DocumentDrafted;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOpened;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRecorded;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRouted;
import org.campaignledger.kernel.participation.ParticipationEvent.UnitLeadingGroupFormed;
import org.campaignledger.kernel.person.PersonEvent.PersonRegistered;
import org.campaignledger.kernel.rollout.RolloutEvent.CampaignOfficeEstablished;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupFormed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Grants and subjects for the authorisation check, kept in the transaction that records their events. */
@Component
@ProcessingGroup("command-lookups")
public class JdbcAccessLookups implements AccessLookups {
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public JdbcAccessLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public Set<Role> grantsAt(PersonId personId, Collection<String> scopeIds, LocalDate on) {
        if (scopeIds.isEmpty()) {
            return Set.of();
        }
        return named.queryForList("""
                        SELECT DISTINCT role FROM access_grant
                        WHERE person_id = :person AND scope_id IN (:scopes) AND valid_from <= :on""",
                        new MapSqlParameterSource("person", personId.value()).addValue("scopes", scopeIds)
                                .addValue("on", Date.valueOf(on)), String.class)
                .stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    @Override
    public Set<UnitId> unitsOf(String aggregateId) {
        return Set.copyOf(jdbc.query("SELECT unit_id FROM access_subject WHERE aggregate_id = ?",
                (rs, i) -> UnitId.of(rs.getString(1)), aggregateId));
    }

    @EventHandler
    void on(CampaignOfficeEstablished event) {
        LocalDate from = event.date();
        grant(event.directorPersonId(), Role.CAMPAIGN_OFFICE_STAFF, event.jurisdictionUnitId().value(), from);
        event.staffIds().forEach(p -> grant(p, Role.CAMPAIGN_OFFICE_STAFF, event.jurisdictionUnitId().value(), from));
        event.approverIds().forEach(p ->
                grant(p, Role.CAMPAIGN_OFFICE_APPROVER, event.jurisdictionUnitId().value(), from));
    }

    @EventHandler
    void on(UnitLeadingGroupFormed event, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        grant(event.officeHeadPersonId(), Role.UNIT_OFFICE_STAFF, event.participationId().unitId().value(),
                event.date() != null ? event.date() : Deadlines.businessDate(occurredAt));
    }

    @EventHandler
    void on(PersonRegistered event, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        if (event.partyMember() && event.homeBranchUnitId() != null) {
            grant(event.personId(), Role.PARTY_MEMBER, event.homeBranchUnitId().value(),
                    Deadlines.businessDate(occurredAt));
        }
    }

    @EventHandler
    void on(SupervisionGroupFormed event) {
        grant(event.leaderPersonId(), Role.SG_LEADER, event.sgId().value(), event.date());
        subject(event.sgId().value(), event.dispatchingUnitId());
    }

    @EventHandler
    void on(OpinionRecorded event) {
        subject(event.opinionId().value(), event.collectedAtUnitId());
    }

    @EventHandler
    void on(OpinionRouted event) {
        subject(event.opinionId().value(), event.target().unitId());
    }

    @EventHandler
    void on(DocumentDrafted event) {
        subject(event.documentId().value(), event.unitId());
    }

    @EventHandler
    void on(LookBackOpened event) {
        subject(event.lookBackId().value(), event.unitId());
    }

    private void grant(PersonId person, Role role, String scopeId, LocalDate from) {
        if (person == null) {
            return;
        }
        jdbc.update("""
                        INSERT INTO access_grant (person_id, role, scope_id, valid_from) VALUES (?, ?, ?, ?)
                        ON CONFLICT (person_id, role, scope_id)
                        DO UPDATE SET valid_from = LEAST(access_grant.valid_from, EXCLUDED.valid_from)""",
                person.value(), role.name(), scopeId, Date.valueOf(from));
    }

    private void subject(String aggregateId, UnitId unit) {
        if (unit != null) {
            jdbc.update("INSERT INTO access_subject (aggregate_id, unit_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    aggregateId, unit.value());
        }
    }
}
