package org.campaignledger.infra.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.campaignledger.infra.Endpoints;
import org.campaignledger.infra.LedgerServices;
import org.campaignledger.infra.Ports;
import org.campaignledger.infra.ServiceProcess;

/**
 * Both services as processes on free ports, pointed at the given infrastructure; killed when the JVM exits. The
 * command service runs the simulated clock: scenarios send 2014 business dates, and their deadlines must wait
 * until a scenario moves the clock past them (DOMAIN §8.5), not fire at once on the wall clock.
 */
final class RunningServices {
    private final ServiceProcess command;
    private final ServiceProcess query;

    RunningServices(Endpoints endpoints, Path logs) {
        Map<String, String> clock = Map.of("LEDGER_CLOCK_MODE", "simulated");
        command = LedgerServices.commandService(endpoints, Path.of(System.getProperty("ledger.command-service.jar")),
                Ports.free(), logs.resolve("command-service.log"), clock);
        query = LedgerServices.queryService(endpoints, Path.of(System.getProperty("ledger.query-service.jar")),
                Ports.free(), logs.resolve("query-service.log"), clock);
        try {
            command.start();
            query.start();
            command.awaitHealthy(Duration.ofMinutes(3));
            query.awaitHealthy(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            kill(); // a service that failed to start must not leave its sibling running past the test JVM
            throw e;
        }
    }

    String commandUrl() {
        return command.baseUrl();
    }

    String queryUrl() {
        return query.baseUrl();
    }

    void crashAndRestartQuery() {
        query.kill();
        query.start();
        query.awaitHealthy(Duration.ofMinutes(3));
    }

    void kill() {
        query.kill();
        command.kill();
    }
}
