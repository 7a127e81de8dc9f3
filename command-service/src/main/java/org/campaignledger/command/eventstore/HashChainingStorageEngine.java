package org.campaignledger.command.eventstore;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.campaignledger.kernel.envelope.HashChain;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.envelope.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decorates the JDBC storage engine so that every appended domain event carries {@code prevHash} and
 * {@code hash} (DOMAIN §3.2). The hash is computed from exactly what the engine stores, so a reader of the
 * table can recompute it (see {@link HashChain}). It runs inside the appending transaction, and the unique
 * (aggregate, sequence) constraint guarantees one successor per link.
 */
public class HashChainingStorageEngine implements EventStorageEngine {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public HashChainingStorageEngine(EventStorageEngine delegate, Serializer eventSerializer, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, String> lastHash = new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain)) {
                chained.add(event);
                continue;
            }
            String aggregateId = domain.getAggregateIdentifier();
            String prevHash = lastHash.containsKey(aggregateId) ? lastHash.get(aggregateId)
                    : storedHashBefore(aggregateId, domain.getSequenceNumber());
            Map<String, String> metaData = new LinkedHashMap<>();
            domain.getMetaData().forEach((k, v) -> metaData.put(k, String.valueOf(v)));
            metaData.put(MetaDataKeys.PREV_HASH, prevHash);
            SerializedObject<byte[]> payload = domain.serializePayload(eventSerializer, byte[].class);
            String hash = HashChain.link(prevHash, new StoredEvent(domain.getIdentifier(), domain.getType(),
                    aggregateId, domain.getSequenceNumber(), DateTimeUtils.formatInstant(domain.getTimestamp()),
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData));
            lastHash.put(aggregateId, hash);
            metaData.put(MetaDataKeys.HASH, hash);
            chained.add(domain.withMetaData(metaData));
        }
        delegate.appendEvents(chained);
    }

    private String storedHashBefore(String aggregateId, long sequence) {
        if (sequence == 0) {
            return HashChain.GENESIS;
        }
        byte[] metaData = jdbc.query(
                "SELECT metadata FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = ?",
                rs -> rs.next() ? rs.getBytes(1) : null, aggregateId, sequence - 1);
        if (metaData == null) {
            throw new IllegalStateException("event " + (sequence - 1) + " of " + aggregateId + " is missing");
        }
        try {
            Object hash = json.readValue(metaData, MAP).get(MetaDataKeys.HASH);
            if (hash == null) {
                throw new IllegalStateException("event " + (sequence - 1) + " of " + aggregateId + " has no hash");
            }
            return hash.toString();
        } catch (IOException e) {
            throw new IllegalStateException("metadata of " + aggregateId + "/" + (sequence - 1) + " is unreadable", e);
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
