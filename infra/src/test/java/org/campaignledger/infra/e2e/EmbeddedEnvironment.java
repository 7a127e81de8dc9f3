package org.campaignledger.infra.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.campaignledger.infra.EmbeddedInfrastructure;
import org.campaignledger.infra.Ports;
import org.campaignledger.infra.StackSettings;
import org.campaignledger.infra.postgres.EmbeddedPostgresServer;

/**
 * The embedded stack on free ports, started once per test JVM and never stopped by a test class (one broker
 * per JVM, STACK.md trap 6); the JVM's exit stops it.
 */
final class EmbeddedEnvironment implements LedgerEnvironment {
    private static EmbeddedEnvironment shared;

    private final EmbeddedInfrastructure infra;
    private final RunningServices services;

    private EmbeddedEnvironment() {
        Path dir = Path.of("target", "e2e-embedded").toAbsolutePath();
        StackSettings settings = new StackSettings(dir.resolve("data"), true, Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), "demo", null, null, "simulated");
        infra = new EmbeddedInfrastructure(settings);
        infra.start();
        try {
            services = new RunningServices(infra.endpoints(), dir.resolve("logs"));
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.kill();
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
        return services.commandUrl();
    }

    @Override
    public String queryUrl() {
        return services.queryUrl();
    }

    @Override
    public String authUrl() {
        return infra.settings().authIssuer();
    }

    @Override
    public void crashAndRestartQueryService() {
        services.crashAndRestartQuery();
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
