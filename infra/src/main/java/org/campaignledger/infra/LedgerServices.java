package org.campaignledger.infra;

import java.nio.file.Path;
import java.util.Map;
import org.campaignledger.infra.postgres.EmbeddedPostgresServer;

/** How the two services are pointed at the embedded infrastructure: environment variables only. */
public final class LedgerServices {
    private LedgerServices() {
    }

    public static ServiceProcess commandService(EmbeddedInfrastructure infra, Path logFile) {
        StackSettings s = infra.settings();
        return new ServiceProcess("command-service", s.commandServiceJar(), s.commandPort(), Map.of(
                "COMMAND_SERVICE_PORT", Integer.toString(s.commandPort()),
                "LEDGER_EVENTSTORE_URL", infra.postgres().jdbcUrl(),
                "LEDGER_EVENTSTORE_USER", EmbeddedPostgresServer.USER,
                "LEDGER_EVENTSTORE_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers(),
                "LEDGER_AUTH_ISSUER", s.authIssuer()), logFile);
    }

    public static ServiceProcess queryService(EmbeddedInfrastructure infra, Path logFile) {
        StackSettings s = infra.settings();
        return new ServiceProcess("query-service", s.queryServiceJar(), s.queryPort(), Map.of(
                "QUERY_SERVICE_PORT", Integer.toString(s.queryPort()),
                "LEDGER_MONGODB_URI", infra.mongo().uri("ledger"),
                "LEDGER_EVENTSTORE_URL", infra.postgres().jdbcUrl(),
                "LEDGER_EVENTSTORE_USER", EmbeddedPostgresServer.USER,
                "LEDGER_EVENTSTORE_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers(),
                "LEDGER_AUTH_ISSUER", s.authIssuer()), logFile);
    }
}
