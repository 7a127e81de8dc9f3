package org.campaignledger.command;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One embedded PostgreSQL per test JVM with the service's migrations applied, for tests of the JDBC adapters
 * (simulated clock, vault); the JVM's exit stops it.
 */
public final class TestDatabase {
    private static DataSource dataSource;
    private static String jdbcUrl;

    private TestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the temporary cluster goes with it
                    }
                }));
                dataSource = postgres.getPostgresDatabase();
                jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
        }
        return dataSource;
    }

    /** Its JDBC URL (user postgres, no password), for a whole service context started on it. */
    public static synchronized String jdbcUrl() {
        dataSource();
        return jdbcUrl;
    }

    /** A JdbcTemplate over it, after emptying {@code tables} so each test starts from a clean slate. */
    public static JdbcTemplate jdbc(String... tables) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        if (tables.length > 0) {
            jdbc.update("TRUNCATE " + String.join(", ", tables));
        }
        return jdbc;
    }
}
