package org.campaignledger.infra;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Settings of the embedded stack. Each is a system property ({@code -Dledger.stack.kafka-port=19092}) or the
 * matching environment variable ({@code LEDGER_STACK_KAFKA_PORT=19092}); the README lists them.
 */
public record StackSettings(Path dataDir, boolean wipe, int kafkaPort, int kafkaControllerPort, int postgresPort,
                            int mongoPort, int authPort, int commandPort, int queryPort, String demoSecret,
                            Path commandServiceJar, Path queryServiceJar, String clockMode) {

    public static StackSettings fromEnvironment(String... args) {
        boolean wipe = Boolean.parseBoolean(get("ledger.stack.wipe", "false"));
        for (String arg : args) {
            if (arg.equals("--wipe")) {
                wipe = true;
            }
        }
        return new StackSettings(Path.of(get("ledger.stack.data-dir", "./data")).toAbsolutePath().normalize(), wipe,
                port("ledger.stack.kafka-port", 9092), port("ledger.stack.kafka-controller-port", 9093),
                port("ledger.stack.postgres-port", 5432), port("ledger.stack.mongo-port", 27017),
                port("ledger.stack.auth-port", 9000), port("ledger.stack.command-port", 8081),
                port("ledger.stack.query-port", 8082), get("ledger.stack.demo-secret", "demo"),
                Path.of(get("ledger.stack.command-service-jar",
                        "command-service/target/command-service-0.1.0-SNAPSHOT-exec.jar")),
                Path.of(get("ledger.stack.query-service-jar",
                        "query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar")),
                // The demo county lives in 2014: on the embedded stack business time is simulated (docs/adr/0009).
                get("ledger.stack.clock-mode", "simulated"));
    }

    static String get(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int port(String property, int fallback) {
        String value = get(property, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a port number, not '" + value + "'");
        }
    }

    public String authIssuer() {
        return "http://localhost:" + authPort;
    }
}
