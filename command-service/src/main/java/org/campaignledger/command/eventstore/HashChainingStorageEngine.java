package org.campaignledger.command.eventstore;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.DateTimeException;
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
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.campaignledger.kernel.envelope.ChainVerdict;
import org.campaignledger.kernel.envelope.HashChain;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.envelope.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decorates the JDBC storage engine so that every appended domain event carries {@code prevHash} and
 * {@code hash} (DOMAIN §3.2). The hash is computed from exactly what the engine stores, so a reader of the
 * table can recompute it (see {@link HashChain}). It runs inside the appending transaction, and the unique
 * (aggregate, sequence) constraint guarantees one successor per link.
 *
 * <p>Reading an aggregate's stream verifies each link before the event reaches the aggregate, so a stream that was
 * altered in the table is refused with {@link BrokenChainException} (and counted in {@value #BROKEN_CHAIN_METRIC})
 * instead of being decided on, extended, or failing on a payload that no longer deserialises. Loading reads every
 * event anyway, so this costs one hash per event and no extra query.
 */
public class HashChainingStorageEngine implements EventStorageEngine {
    /** Alert on any increase: some aggregate's stored history was altered outside the system. */
    public static final String BROKEN_CHAIN_METRIC = "ledger.integrity.broken_chain";
    private static final Logger LOG = LoggerFactory.getLogger(HashChainingStorageEngine.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final JdbcTemplate jdbc;
    private final Counter brokenChains;
    private final ObjectMapper json = new ObjectMapper();

    public HashChainingStorageEngine(EventStorageEngine delegate, Serializer eventSerializer, JdbcTemplate jdbc,
                                     MeterRegistry meters) {
        this.delegate = delegate;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
        // Registered up front so the series exists at 0 and an alert on its increase fires on the first breach.
        this.brokenChains = Counter.builder(BROKEN_CHAIN_METRIC)
                .description("Aggregate loads refused because the stored hash chain does not verify")
                .register(meters);
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
        DomainEventStream stored = delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        HashChain.Verifier chain = HashChain.Verifier.resumingAt(firstSequenceNumber);
        return DomainEventStream.of(EventStreamUtils.asStream(stored).map(event -> verified(chain, event)),
                stored::getLastSequenceNumber);
    }

    private DomainEventMessage<?> verified(HashChain.Verifier chain, DomainEventMessage<?> event) {
        ChainVerdict.Link link;
        try {
            link = chain.next(asStored(event));
        } catch (DateTimeException | SerializationException unreadable) {
            link = new ChainVerdict.Link(event.getSequenceNumber(), event.getIdentifier(), null, null, null, false,
                    "the stored event cannot be read: " + unreadable.getMessage());
        }
        if (!link.valid()) {
            brokenChains.increment();
            LOG.error("hash chain of {} {} is broken at sequence {}: {}", event.getType(),
                    event.getAggregateIdentifier(), link.sequence(), link.problem());
            throw new BrokenChainException(String.valueOf(event.getType()), event.getAggregateIdentifier(),
                    link.sequence(), link.problem());
        }
        return event;
    }

    /**
     * The event as stored. Serialising with the engine's own serializer hands back the stored bytes without
     * deserialising them, so a payload that is no longer JSON is a verdict here, not a failure in the aggregate.
     */
    private StoredEvent asStored(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        byte[] metaData = event.serializeMetaData(eventSerializer, byte[].class).getData();
        return new StoredEvent(event.getIdentifier(), event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), DateTimeUtils.formatInstant(event.getTimestamp()),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData(metaData));
    }

    /** Metadata that is not a JSON object verifies as empty: it carries no chain, so the chain breaks there. */
    private Map<String, String> metaData(byte[] stored) {
        Map<String, Object> parsed;
        try {
            parsed = json.readValue(stored, MAP);
        } catch (IOException unreadable) {
            return Map.of();
        }
        Map<String, String> metaData = new LinkedHashMap<>();
        if (parsed != null) {
            parsed.forEach((k, v) -> metaData.put(k, v == null ? null : String.valueOf(v)));
        }
        return metaData;
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
