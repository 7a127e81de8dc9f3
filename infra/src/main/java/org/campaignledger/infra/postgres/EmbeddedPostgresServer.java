package org.campaignledger.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Real PostgreSQL binaries (shipped in Maven jars) with their cluster under the data directory. Creates the
 * {@code ledger} database and role on first start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String DATABASE = "ledger";
    public static final String USER = "ledger";
    public static final String PASSWORD = "ledger";

    private final Path dir;
    private final int port;
    private EmbeddedPostgres postgres;

    public EmbeddedPostgresServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    // The embedded library defaults to synchronous_commit=off, which acknowledges a commit before
                    // its WAL is flushed: a 201 could then vanish in a crash (issue 8). Durable means both on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            createDatabase();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start in " + dir, e);
        }
    }

    private void createDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var role = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'");
            if (!role.next()) {
                s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            var db = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!db.next()) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not stop cleanly", e);
            } finally {
                postgres = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
