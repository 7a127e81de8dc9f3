package org.campaignledger.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.campaignledger.kernel.envelope.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the event store, the authoritative source of audit answers: one stream, or all of it in global order. */
@Component
class EventStoreReader {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    EventStoreReader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Row(StoredEvent event, long globalIndex) {
    }

    private static final String COLUMNS = """
            SELECT globalindex, eventidentifier, type, aggregateidentifier, sequencenumber, timestamp,
                   payloadtype, payloadrevision, payload, metadata FROM domainevententry""";

    List<Row> stream(String aggregateId) {
        return jdbc.query(COLUMNS + " WHERE aggregateidentifier = ? ORDER BY sequencenumber", this::row, aggregateId);
    }

    /** Every event in global order, a page at a time, so a whole history never sits in memory at once. */
    void forEachInGlobalOrder(int pageSize, Consumer<Row> consumer) {
        long after = -1;
        while (true) {
            List<Row> page = jdbc.query(COLUMNS + " WHERE globalindex > ? ORDER BY globalindex LIMIT ?", this::row,
                    after, pageSize);
            page.forEach(consumer);
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1).globalIndex();
        }
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        return new Row(new StoredEvent(rs.getString("eventidentifier"), rs.getString("type"),
                rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"), rs.getString("timestamp"),
                rs.getString("payloadtype"), rs.getString("payloadrevision"), rs.getBytes("payload"),
                metaData(rs.getBytes("metadata"))), rs.getLong("globalindex"));
    }

    private Map<String, String> metaData(byte[] bytes) {
        if (bytes == null) {
            return Map.of();
        }
        try {
            Map<String, Object> parsed = json.readValue(bytes, MAP);
            Map<String, String> metaData = new LinkedHashMap<>();
            if (parsed != null) {
                parsed.forEach((k, v) -> metaData.put(k, v == null ? null : String.valueOf(v)));
            }
            return metaData;
        } catch (IOException e) {
            // Unreadable metadata is itself evidence of tampering: verify it as empty, the chain breaks there.
            return Map.of();
        }
    }
}
