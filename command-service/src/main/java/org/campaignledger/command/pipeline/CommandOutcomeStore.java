package org.campaignledger.command.pipeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code command_outcome}: one row per commandId. It makes commands idempotent and is the outbox
 * that {@code CommandAuditRelay} drains to {@code ledger.command-audit.v1}.
 */
@Repository
public class CommandOutcomeStore {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CommandOutcomeStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Stored(String commandType, String payloadSha256, CommandResult result) {
    }

    Optional<Stored> find(UUID commandId) {
        return jdbc.query("""
                        SELECT command_type, payload_sha256, outcome, http_status, rule_id, aggregate_id, response
                        FROM command_outcome WHERE command_id = ?""",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2),
                        new CommandResult(CommandResult.Outcome.valueOf(rs.getString(3)), rs.getInt(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), false)),
                commandId).stream().findFirst();
    }

    /** Inserts the outcome; a concurrent writer of the same commandId blocks here until the first commits. */
    void insert(UUID commandId, String commandType, String payloadSha256, Actor actor, CommandResult result) {
        jdbc.update("""
                        INSERT INTO command_outcome (command_id, command_type, payload_sha256, aggregate_id, actor_id,
                            actor_roles, outcome, rule_id, http_status, response, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                commandId, commandType, payloadSha256, result.aggregateId(), actor.personId(),
                String.join(",", actor.roles()), result.outcome().name(), result.ruleId(), result.httpStatus(),
                result.body(), Timestamp.from(clock.instant()));
    }
}
