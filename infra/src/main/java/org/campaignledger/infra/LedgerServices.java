package org.campaignledger.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** How the two services are pointed at their infrastructure: environment variables only. */
public final class LedgerServices {
    private LedgerServices() {
    }

    public static ServiceProcess commandService(Endpoints endpoints, Path jar, int port, Path logFile) {
        return commandService(endpoints, jar, port, logFile, Map.of());
    }

    /** With further settings, e.g. {@code LEDGER_CLOCK_MODE=simulated} for the simulated clock. */
    public static ServiceProcess commandService(Endpoints endpoints, Path jar, int port, Path logFile,
                                                Map<String, String> settings) {
        Map<String, String> env = common(endpoints);
        env.putAll(settings);
        env.put("COMMAND_SERVICE_PORT", Integer.toString(port));
        return new ServiceProcess("command-service", jar, port, env, logFile);
    }

    public static ServiceProcess queryService(Endpoints endpoints, Path jar, int port, Path logFile) {
        return queryService(endpoints, jar, port, logFile, Map.of());
    }

    /** With further settings, e.g. {@code LEDGER_CLOCK_MODE=simulated} to follow the simulated clock. */
    public static ServiceProcess queryService(Endpoints endpoints, Path jar, int port, Path logFile,
                                              Map<String, String> settings) {
        Map<String, String> env = common(endpoints);
        env.putAll(settings);
        env.put("QUERY_SERVICE_PORT", Integer.toString(port));
        env.put("LEDGER_MONGODB_URI", endpoints.mongoUri());
        return new ServiceProcess("query-service", jar, port, env, logFile);
    }

    private static Map<String, String> common(Endpoints endpoints) {
        Map<String, String> env = new HashMap<>();
        env.put("LEDGER_EVENTSTORE_URL", endpoints.eventStoreJdbcUrl());
        env.put("LEDGER_EVENTSTORE_USER", endpoints.eventStoreUser());
        env.put("LEDGER_EVENTSTORE_PASSWORD", endpoints.eventStorePassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
        env.put("LEDGER_AUTH_ISSUER", endpoints.authIssuer());
        return env;
    }
}
