package org.campaignledger.query.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.campaignledger.kernel.Catalog;
import org.campaignledger.kernel.envelope.KafkaHeaders;
import org.springframework.stereotype.Component;

/** Reads a Kafka record back into a {@link LedgerEvent}, the payload as the shared-kernel record. */
@Component
public class EventRecords {
    private final ObjectMapper json;

    EventRecords(ObjectMapper json) {
        this.json = json;
    }

    public LedgerEvent read(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        Map<String, String> metaData = new HashMap<>();
        for (Header header : record.headers()) {
            String value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            if (header.key().startsWith(KafkaHeaders.META_PREFIX)) {
                metaData.put(header.key().substring(KafkaHeaders.META_PREFIX.length()), value);
            } else {
                headers.put(header.key(), value);
            }
        }
        String eventId = require(headers, KafkaHeaders.CE_ID, record);
        String eventType = require(headers, KafkaHeaders.CE_TYPE, record);
        Object payload = Catalog.event(eventType).map(type -> {
            try {
                return (Object) json.readValue(record.value(), type);
            } catch (IOException e) {
                throw new UnreadableEventException("event " + eventId + " of type " + eventType
                        + " does not match its schema: " + e.getMessage(), e);
            }
        }).orElse(null);
        String global = headers.get(KafkaHeaders.GLOBAL_SEQUENCE);
        String sequence = headers.get(KafkaHeaders.AGGREGATE_SEQUENCE);
        return new LedgerEvent(eventId, eventType, headers.get(KafkaHeaders.PAYLOAD_TYPE),
                headers.get(KafkaHeaders.REVISION), headers.get(KafkaHeaders.AGGREGATE_TYPE),
                headers.getOrDefault(KafkaHeaders.AGGREGATE_ID, record.key()),
                sequence == null ? 0 : Long.parseLong(sequence), global == null ? null : Long.parseLong(global),
                headers.get(KafkaHeaders.CE_TIME), Map.copyOf(metaData), payload,
                new Position(record.partition(), record.offset()));
    }

    private static String require(Map<String, String> headers, String name, ConsumerRecord<String, byte[]> record) {
        String value = headers.get(name);
        if (value == null) {
            throw new UnreadableEventException("record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header", null);
        }
        return value;
    }

    /** A record that can never be projected; it goes to the dead-letter collection instead of blocking. */
    public static class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
