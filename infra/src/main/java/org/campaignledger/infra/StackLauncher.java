package org.campaignledger.infra;

import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole system on the embedded default, in order: Kafka (KRaft), PostgreSQL, the MongoDB-wire
 * server, the identity provider, then command-service and query-service. Ctrl-C stops everything in reverse.
 */
public final class StackLauncher {
    private StackLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        StackSettings settings = StackSettings.fromEnvironment(args);
        Ports.requireFree(settings.commandPort(), "ledger.stack.command-port");
        Ports.requireFree(settings.queryPort(), "ledger.stack.query-port");
        System.out.println("Campaign Ledger: starting the embedded stack in " + settings.dataDir()
                + (settings.wipe() ? " (wiped)" : ""));
        EmbeddedStack stack = new EmbeddedStack(settings);
        EmbeddedInfrastructure infra = stack.infra();
        ServiceProcess command = stack.command();
        ServiceProcess query = stack.query();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Campaign Ledger: stopping");
            stack.close();
            stopped.countDown();
        }, "stack-shutdown"));
        try {
            stack.start();
        } catch (Ports.PortInUseException e) {
            System.err.println("Campaign Ledger: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("Campaign Ledger: start failed: " + e);
            System.exit(1);
        }
        System.out.printf("""
                Campaign Ledger is up.
                  command API     %s/api/commands      (OpenAPI: %s/v3/api-docs)
                  query API       %s/api               (OpenAPI: %s/v3/api-docs)
                  identity        %s/oauth2/token      (demo account X has secret 'X-%s', see README)
                  Kafka           %s
                  PostgreSQL      %s
                  MongoDB wire    %s
                  logs            %s
                Press Ctrl-C to stop.
                """, command.baseUrl(), command.baseUrl(), query.baseUrl(), query.baseUrl(), settings.authIssuer(),
                settings.demoSecret(), infra.kafka().bootstrapServers(), infra.postgres().jdbcUrl(),
                infra.mongo().uri("ledger"), settings.dataDir().resolve("logs"));
        stopped.await();
    }
}
