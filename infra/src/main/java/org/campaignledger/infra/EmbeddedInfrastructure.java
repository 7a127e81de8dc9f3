package org.campaignledger.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.campaignledger.infra.auth.AuthServer;
import org.campaignledger.infra.kafka.EmbeddedKafka;
import org.campaignledger.infra.mongo.EmbeddedMongo;
import org.campaignledger.infra.postgres.EmbeddedPostgresServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka, PostgreSQL, the MongoDB-wire server and the identity provider, all under one data directory, so a
 * restart keeps events, offsets, tokens and read models together (or {@code wipe} drops them together).
 */
public final class EmbeddedInfrastructure implements AutoCloseable {
    private final StackSettings settings;
    private final EmbeddedKafka kafka;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedMongo mongo;
    private ConfigurableApplicationContext auth;

    public EmbeddedInfrastructure(StackSettings settings) {
        this.settings = settings;
        this.kafka = new EmbeddedKafka(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort());
        this.postgres = new EmbeddedPostgresServer(settings.dataDir().resolve("postgres"), settings.postgresPort());
        this.mongo = new EmbeddedMongo(settings.dataDir().resolve("mongo"), settings.mongoPort());
    }

    public void start() {
        Ports.requireFree(settings.kafkaPort(), "ledger.stack.kafka-port");
        Ports.requireFree(settings.kafkaControllerPort(), "ledger.stack.kafka-controller-port");
        Ports.requireFree(settings.postgresPort(), "ledger.stack.postgres-port");
        Ports.requireFree(settings.mongoPort(), "ledger.stack.mongo-port");
        Ports.requireFree(settings.authPort(), "ledger.stack.auth-port");
        if (settings.wipe()) {
            wipe(settings.dataDir());
        }
        kafka.start();
        postgres.start();
        mongo.start();
        auth = AuthServer.start(settings.authPort(), settings.demoSecret());
    }

    public Endpoints endpoints() {
        return new Endpoints(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD,
                kafka.bootstrapServers(), mongo.uri("ledger"), settings.authIssuer());
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    public StackSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (auth != null) {
            auth.close();
        }
        mongo.stop();
        kafka.stop();
        postgres.stop();
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot wipe " + dir, e);
        }
    }
}
