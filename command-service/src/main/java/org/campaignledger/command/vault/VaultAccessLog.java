package org.campaignledger.command.vault;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The audit trail of vault reads (DOMAIN §6): who asked for which token, when, and what they got. */
@Component
class VaultAccessLog {
    enum Outcome {
        REVEALED,
        SHREDDED,
        NOT_FOUND,
        REFUSED
    }

    record Entry(long id, String at, String actorId, String actorRoles, String token, String subject,
                 String outcome) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    VaultAccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Outside any transaction (reads have none), so a refused or failed read is on record all the same. */
    void record(String actorId, List<String> actorRoles, String token, String subject, Outcome outcome) {
        jdbc.update("""
                        INSERT INTO vault_access_log (at, actor_id, actor_roles, token, subject, outcome)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                Timestamp.from(clock.instant()), actorId, String.join(",", actorRoles), token, subject,
                outcome.name());
    }

    /** Newest first, optionally for one token or one actor. */
    List<Entry> find(String token, String actorId, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, at, actor_id, actor_roles, token, subject, outcome FROM vault_access_log WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (token != null && !token.isBlank()) {
            sql.append(" AND token = ?");
            args.add(token.trim());
        }
        if (actorId != null && !actorId.isBlank()) {
            sql.append(" AND actor_id = ?");
            args.add(actorId.trim());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new Entry(rs.getLong("id"),
                rs.getTimestamp("at").toInstant().toString(), rs.getString("actor_id"), rs.getString("actor_roles"),
                rs.getString("token"), rs.getString("subject"), rs.getString("outcome")), args.toArray());
    }
}
