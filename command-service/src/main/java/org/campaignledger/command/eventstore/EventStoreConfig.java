package org.campaignledger.command.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class EventStoreConfig {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, JdbcTemplate jdbc,
                                          MeterRegistry meters) {
        JdbcEventStorageEngine jdbcEngine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .dataType(byte[].class)
                .readEventDataForAggregate(EventStoreConfig::readAggregate)
                .build();
        return new HashChainingStorageEngine(jdbcEngine, eventSerializer, jdbc, meters);
    }

    /**
     * Axon's read of one aggregate's events, except that a NULL metadata column reads as an empty object: the
     * chain verification then refuses that event as broken, where Axon would fail on it with a NullPointerException.
     */
    private static PreparedStatement readAggregate(Connection connection, EventSchema schema, String aggregateId,
                                                   long firstSequenceNumber, int batchSize) throws SQLException {
        String metaData = schema.metaDataColumn();
        String sequence = schema.sequenceNumberColumn();
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                .replace(metaData, "COALESCE(" + metaData + ", convert_to('{}', 'UTF8')) AS " + metaData)
                + " FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + sequence + " >= ? AND " + sequence + " < ? ORDER BY " + sequence + " ASC");
        statement.setString(1, aggregateId);
        statement.setLong(2, firstSequenceNumber);
        statement.setLong(3, firstSequenceNumber + batchSize);
        return statement;
    }

    /** Axon's embedded event store, woken by real commits (see {@link CommitSignallingEventStore}). */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration axon,
                                  @Value("${ledger.event-store.fetch-delay}") Duration fetchDelay) {
        return new CommitSignallingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis()));
    }

    /** Axon's JDBC auto-configuration backs off from this once an event store bean is defined here. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    /** The envelope fields a command's events inherit from it (DOMAIN §3.2). */
    @Bean
    CorrelationDataProvider envelopeFromCommand() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ACTOR_ID, MetaDataKeys.ACTOR_ROLES,
                MetaDataKeys.ACTOR_CHANNEL, MetaDataKeys.ACTING_FOR, MetaDataKeys.COMMAND_ID,
                MetaDataKeys.CORRELATION_ID, MetaDataKeys.CAUSATION_ID, MetaDataKeys.OCCURRED_AT,
                MetaDataKeys.EXCEPTION_ID);
    }
}
