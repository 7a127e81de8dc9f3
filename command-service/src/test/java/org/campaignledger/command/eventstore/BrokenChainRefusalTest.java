package org.campaignledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.campaignledger.command.TestDatabase;
import org.campaignledger.command.domain.PlatformRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side's event store as configured, over real PostgreSQL and Axon's real loading path: an aggregate whose stored chain was altered
 * in the table is refused at the broken sequence, counted, and never extended.
 */
class BrokenChainRefusalTest {
    private final DataSource dataSource = TestDatabase.dataSource();
    private final JdbcTemplate jdbc = TestDatabase.jdbc();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Configuration axon;

    @BeforeEach
    void start() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        EventStorageEngine engine = new EventStoreConfig().eventStorageEngine(serializer, serializer,
                new JdbcSQLErrorCodesResolver(), new DataSourceConnectionProvider(dataSource),
                NoTransactionManager.INSTANCE, jdbc, meters);
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(Ledger.class)
                .buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void an_intact_stream_loads_and_takes_new_events() {
        String id = ledgerWithThreeEvents();

        axon.commandGateway().sendAndWait(new Rename(id, "fourth"));

        assertThat(eventsOf(id)).isEqualTo(4);
        assertThat(meters.get(HashChainingStorageEngine.BROKEN_CHAIN_METRIC).counter().count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "payload edited|payload = convert_to(replace(convert_from(payload, 'UTF8'), 'second', 'altered'), 'UTF8')",
            "payload truncated|payload = substring(payload from 1 for length(payload) - 3)",
            "payload made non-JSON|payload = convert_to('<not json>', 'UTF8')",
            "metadata edited|metadata = convert_to(replace(convert_from(metadata, 'UTF8'), 'clerk', 'intruder'), 'UTF8')",
            "metadata made non-JSON|metadata = convert_to('{broken', 'UTF8')",
            "metadata made JSON null|metadata = convert_to('null', 'UTF8')",
            "metadata removed|metadata = NULL"})
    void a_command_on_an_altered_stream_is_refused_at_the_broken_sequence_counted_and_appends_nothing(
            String how, String alteration) {
        String id = ledgerWithThreeEvents();
        assertThat(jdbc.update("UPDATE domainevententry SET " + alteration
                + " WHERE aggregateidentifier = ? AND sequencenumber = 1", id)).isEqualTo(1);

        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(new Rename(id, "fourth")))
                .isInstanceOfSatisfying(BrokenChainException.class, refused -> {
                    assertThat(refused.ruleId()).isEqualTo(PlatformRules.INTEGRITY);
                    assertThat(refused.details()).containsEntry("sequence", 1L).containsEntry("aggregateId", id)
                            .containsKey("reason");
                    assertThat(refused.getMessage()).contains("sequence 1");
                });

        assertThat(eventsOf(id)).isEqualTo(3);
        assertThat(meters.get(HashChainingStorageEngine.BROKEN_CHAIN_METRIC).counter().count()).isEqualTo(1.0);
    }

    private String ledgerWithThreeEvents() {
        String id = "ledger-" + UUID.randomUUID();
        axon.commandGateway().sendAndWait(new Open(id, "first"));
        axon.commandGateway().sendAndWait(new Rename(id, "second"));
        axon.commandGateway().sendAndWait(new Rename(id, "third"));
        assertThat(eventsOf(id)).isEqualTo(3);
        return id;
    }

    private int eventsOf(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Integer.class, id);
    }

    record Open(String id, String name) {
    }

    record Rename(@TargetAggregateIdentifier String id, String name) {
    }

    record Opened(String id, String name) {
    }

    record Renamed(String id, String name) {
    }

    static class Ledger {
        @AggregateIdentifier
        private String id;

        Ledger() {
        }

        @CommandHandler
        Ledger(Open command) {
            apply(new Opened(command.id(), command.name()), MetaData.with("actorId", "clerk"));
        }

        @CommandHandler
        void handle(Rename command) {
            apply(new Renamed(command.id(), command.name()), MetaData.with("actorId", "clerk"));
        }

        @EventSourcingHandler
        void on(Opened event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Renamed event) {
            // the name plays no part in any decision of this test aggregate
        }
    }
}
