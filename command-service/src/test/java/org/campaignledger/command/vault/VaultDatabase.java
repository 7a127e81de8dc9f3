package org.campaignledger.command.vault;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** One embedded PostgreSQL with the real migrations for the vault tests, started once per test JVM. */
final class VaultDatabase {
    private static JdbcTemplate jdbc;

    private VaultDatabase() {
    }

    static synchronized JdbcTemplate jdbc() {
        if (jdbc == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the cluster's temporary directory goes with it
                    }
                }));
                Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                        .load().migrate();
                jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jdbc;
    }
}
