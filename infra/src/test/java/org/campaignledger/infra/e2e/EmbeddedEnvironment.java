package org.campaignledger.infra.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.campaignledger.infra.EmbeddedInfrastructure;
import org.campaignledger.infra.LedgerServices;
import org.campaignledger.infra.Ports;
import org.campaignledger.infra.ServiceProcess;
import org.campaignledger.infra.StackSettings;
import org.campaignledger.infra.postgres.EmbeddedPostgresServer;

/**
 * The embedded stack on free ports, started once per test JVM and never stopped by a test class (one broker
 * per JVM, STACK.md trap 6); the JVM's exit stops it.
 */
final class EmbeddedEnvironment implements LedgerEnvironment {
    private static EmbeddedEnvironment shared;

    private final EmbeddedInfrastructure infra;
    private final ServiceProcess command;
    private ServiceProcess query;

    private EmbeddedEnvironment() {
        Path dir = Path.of("target", "e2e-embedded").toAbsolutePath();
        StackSettings settings = new StackSettings(dir.resolve("data"), true, Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), "demo",
                Path.of(System.getProperty("ledger.command-service.jar")),
                Path.of(System.getProperty("ledger.query-service.jar")));
        infra = new EmbeddedInfrastructure(settings);
        infra.start();
        command = LedgerServices.commandService(infra.endpoints(), settings.commandServiceJar(), settings.commandPort(),
                dir.resolve("logs/command-service.log"));
        query = LedgerServices.queryService(infra.endpoints(), settings.queryServiceJar(), settings.queryPort(),
                dir.resolve("logs/query-service.log"));
        command.start();
        query.start();
        command.awaitHealthy(Duration.ofMinutes(3));
        query.awaitHealthy(Duration.ofMinutes(3));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            query.kill();
            command.kill();
            infra.close();
        }));
    }

    static synchronized EmbeddedEnvironment shared() {
        if (shared == null) {
            shared = new EmbeddedEnvironment();
        }
        return shared;
    }

    @Override
    public String commandUrl() {
        return command.baseUrl();
    }

    @Override
    public String queryUrl() {
        return query.baseUrl();
    }

    @Override
    public String authUrl() {
        return infra.settings().authIssuer();
    }

    @Override
    public void crashAndRestartQueryService() {
        query.kill();
        query.start();
        query.awaitHealthy(Duration.ofMinutes(3));
    }

    @Override
    public boolean canStopKafka() {
        return true;
    }

    @Override
    public void stopKafka() {
        infra.kafka().stop();
    }

    @Override
    public void startKafka() {
        infra.kafka().start();
    }

    @Override
    public Connection eventStore() throws SQLException {
        return DriverManager.getConnection(infra.postgres().jdbcUrl(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }
}
