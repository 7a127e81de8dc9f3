package org.campaignledger.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.kernel.envelope.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads one aggregate's stream from the event store, the authoritative source of audit answers. */
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

    List<Row> stream(String aggregateId) {
        return jdbc.query("""
                        SELECT globalindex, eventidentifier, type, aggregateidentifier, sequencenumber, timestamp,
                               payloadtype, payloadrevision, payload, metadata
                        FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""",
                (rs, i) -> new Row(new StoredEvent(rs.getString("eventidentifier"), rs.getString("type"),
                        rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"),
                        rs.getString("timestamp"), rs.getString("payloadtype"), rs.getString("payloadrevision"),
                        rs.getBytes("payload"), metaData(rs.getBytes("metadata"))), rs.getLong("globalindex")),
                aggregateId);
    }

    private Map<String, String> metaData(byte[] bytes) {
        if (bytes == null) {
            return Map.of();
        }
        try {
            Map<String, String> metaData = new LinkedHashMap<>();
            json.readValue(bytes, MAP).forEach((k, v) -> metaData.put(k, v == null ? null : String.valueOf(v)));
            return metaData;
        } catch (IOException e) {
            // Unreadable metadata is itself evidence of tampering: verify it as empty, the chain breaks there.
            return Map.of();
        }
    }
}
