package org.campaignledger.infra.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.campaignledger.infra.Endpoints;
import org.campaignledger.infra.Ports;
import org.campaignledger.infra.auth.AuthServer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Real PostgreSQL, MongoDB (replica set) and Kafka images: the same services, pointed at them by environment
 * variables only, which is all it takes to run against real clusters.
 */
final class ContainersEnvironment implements LedgerEnvironment {
    private static ContainersEnvironment shared;

    private final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17-alpine")
            .withDatabaseName("ledger").withUsername("ledger").withPassword("ledger");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
    private final String authUrl;
    private final RunningServices services;

    private ContainersEnvironment() {
        postgres.start();
        mongo.start();
        kafka.start();
        int authPort = Ports.free();
        AuthServer.start(authPort, "demo");
        authUrl = "http://localhost:" + authPort;
        services = new RunningServices(new Endpoints(postgres.getJdbcUrl(), "ledger", "ledger",
                kafka.getBootstrapServers(), mongo.getReplicaSetUrl("ledger"), authUrl),
                Path.of("target", "e2e-containers", "logs").toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(services::kill));
    }

    static synchronized ContainersEnvironment shared() {
        if (shared == null) {
            shared = new ContainersEnvironment();
        }
        return shared;
    }

    @Override
    public String commandUrl() {
        return services.commandUrl();
    }

    @Override
    public String queryUrl() {
        return services.queryUrl();
    }

    @Override
    public String authUrl() {
        return authUrl;
    }

    @Override
    public void crashAndRestartQueryService() {
        services.crashAndRestartQuery();
    }

    /** A stopped container comes back on another port; the outage test runs on the embedded broker. */
    @Override
    public boolean canStopKafka() {
        return false;
    }

    @Override
    public void stopKafka() {
        throw new IllegalStateException("see canStopKafka");
    }

    @Override
    public void startKafka() {
        throw new IllegalStateException("see canStopKafka");
    }

    @Override
    public Connection eventStore() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl(), "ledger", "ledger");
    }
}
