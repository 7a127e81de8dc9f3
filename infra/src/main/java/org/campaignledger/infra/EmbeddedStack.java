package org.campaignledger.infra;

import java.time.Duration;
import java.util.Map;

/**
 * The embedded infrastructure and both services, configured from {@link StackSettings}: what {@link StackLauncher}
 * runs, and what tests run when they need to strike one piece of it.
 */
public final class EmbeddedStack implements AutoCloseable {
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);

    private final EmbeddedInfrastructure infra;
    private final ServiceProcess command;
    private final ServiceProcess query;

    public EmbeddedStack(StackSettings settings) {
        infra = new EmbeddedInfrastructure(settings);
        Map<String, String> clock = Map.of("LEDGER_CLOCK_MODE", settings.clockMode());
        command = LedgerServices.commandService(infra.endpoints(), settings.commandServiceJar(),
                settings.commandPort(), settings.dataDir().resolve("logs/command-service.log"), clock);
        query = LedgerServices.queryService(infra.endpoints(), settings.queryServiceJar(),
                settings.queryPort(), settings.dataDir().resolve("logs/query-service.log"), clock);
    }

    /** Starts the infrastructure, then both services, and returns once both answer healthy. */
    public void start() {
        infra.start();
        command.start();
        query.start();
        command.awaitHealthy(HEALTHY_WITHIN);
        query.awaitHealthy(HEALTHY_WITHIN);
    }

    public EmbeddedInfrastructure infra() {
        return infra;
    }

    public ServiceProcess command() {
        return command;
    }

    public ServiceProcess query() {
        return query;
    }

    /** Stops the services, then the infrastructure, in the reverse order of {@link #start}. */
    @Override
    public void close() {
        query.stop();
        command.stop();
        infra.close();
    }
}
