package org.campaignledger.command.publishing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.campaignledger.kernel.envelope.KafkaHeaders;

/**
 * Writes each stored event as a record of {@code ledger.events.v1}: key = aggregate id (one stream stays in
 * order on one partition), value = the payload JSON exactly as stored, headers = CloudEvents binary mode plus
 * the whole envelope, including the global sequence from the event store's tracking token.
 */
class LedgerKafkaMessageConverter implements KafkaMessageConverter<String, byte[]> {
    private final Serializer serializer;

    LedgerKafkaMessageConverter(Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> event, String topic) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        String eventType = event.getPayloadType().getSimpleName();
        RecordHeaders headers = new RecordHeaders();
        put(headers, KafkaHeaders.CE_SPECVERSION, "1.0");
        put(headers, KafkaHeaders.CE_ID, event.getIdentifier());
        put(headers, KafkaHeaders.CE_TYPE, eventType);
        put(headers, KafkaHeaders.CE_TIME, DateTimeUtils.formatInstant(event.getTimestamp()));
        put(headers, KafkaHeaders.PAYLOAD_TYPE, payload.getType().getName());
        put(headers, KafkaHeaders.REVISION, payload.getType().getRevision());
        String key = event.getIdentifier();
        if (event instanceof DomainEventMessage<?> domain) {
            key = domain.getAggregateIdentifier();
            put(headers, KafkaHeaders.CE_SOURCE, "/campaign-ledger/" + domain.getType());
            put(headers, KafkaHeaders.CE_SUBJECT, domain.getAggregateIdentifier());
            put(headers, KafkaHeaders.AGGREGATE_TYPE, domain.getType());
            put(headers, KafkaHeaders.AGGREGATE_ID, domain.getAggregateIdentifier());
            put(headers, KafkaHeaders.AGGREGATE_SEQUENCE, Long.toString(domain.getSequenceNumber()));
        } else {
            put(headers, KafkaHeaders.CE_SOURCE, "/campaign-ledger");
        }
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            tracked.trackingToken().position()
                    .ifPresent(p -> put(headers, KafkaHeaders.GLOBAL_SEQUENCE, Long.toString(p)));
        }
        event.getMetaData().forEach((k, v) -> put(headers, KafkaHeaders.META_PREFIX + k, String.valueOf(v)));
        return new ProducerRecord<>(topic, null, null, key, payload.getData(), headers);
    }

    /** This service only publishes; the query side reads records with its own consumer. */
    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> consumerRecord) {
        return Optional.empty();
    }

    private static void put(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
