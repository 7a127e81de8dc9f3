package org.campaignledger.command.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the {@code command_outcome} outbox to {@code ledger.command-audit.v1}, oldest first, and marks a row
 * published only after the broker acknowledged it. A broker outage delays the audit trail, never loses it;
 * a crash between send and mark re-sends, and the query side keys the audit on commandId.
 */
@Component
class CommandAuditRelay {
    private static final Logger LOG = LoggerFactory.getLogger(CommandAuditRelay.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final KafkaProducer<String, String> producer;
    private final LedgerKafkaProperties kafka;
    private final ObjectMapper json;
    private final Clock clock;

    CommandAuditRelay(JdbcTemplate jdbc, KafkaProducer<String, String> commandAuditProducer,
                      LedgerKafkaProperties kafka, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.producer = commandAuditProducer;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    private record Row(long seq, String commandId, String value) {
    }

    @Scheduled(fixedDelayString = "${ledger.kafka.audit-relay-interval}")
    void relay() {
        List<Row> rows = jdbc.query("""
                        SELECT seq, command_id, command_type, aggregate_id, actor_id, actor_roles, outcome, rule_id,
                               http_status, at
                        FROM command_outcome WHERE published_at IS NULL ORDER BY seq LIMIT ?""",
                (rs, i) -> {
                    ObjectNode record = json.createObjectNode()
                            .put("commandId", rs.getString("command_id"))
                            .put("commandType", rs.getString("command_type"))
                            .put("targetAggregateId", rs.getString("aggregate_id"))
                            .put("outcome", rs.getString("outcome"))
                            .put("ruleId", rs.getString("rule_id"))
                            .put("httpStatus", rs.getInt("http_status"))
                            .put("at", rs.getTimestamp("at").toInstant().toString());
                    ObjectNode actor = record.putObject("actor").put("personId", rs.getString("actor_id"));
                    var roles = actor.putArray("roleCodes");
                    Arrays.stream(rs.getString("actor_roles").split(",")).filter(r -> !r.isBlank()).forEach(roles::add);
                    return new Row(rs.getLong("seq"), rs.getString("command_id"), record.toString());
                }, BATCH);
        if (rows.isEmpty()) {
            return;
        }
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                acks.add(producer.send(new ProducerRecord<>(kafka.commandAuditTopic(), row.commandId(), row.value())));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("command audit not relayed yet ({} pending): {}", rows.size(), e.toString());
            return;
        }
        jdbc.update("UPDATE command_outcome SET published_at = ? WHERE published_at IS NULL AND seq <= ?",
                Timestamp.from(clock.instant()), rows.get(rows.size() - 1).seq());
    }
}
