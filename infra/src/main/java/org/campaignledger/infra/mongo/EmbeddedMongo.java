package org.campaignledger.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire server in Java (no MongoDB build is installable here) with H2 MVStore persistence under the
 * data directory. It speaks the wire protocol to the real MongoDB driver; it has no multi-document
 * transactions and scans instead of using secondary indexes, so projections are written to be idempotent and
 * performance figures taken on it are not figures for MongoDB.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private final Path dir;
    private final int port;
    private MongoServer server;

    public EmbeddedMongo(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
        MongoServer mongo = new MongoServer(new H2Backend(dir.resolve("read-models.mv").toString()));
        mongo.bind("localhost", port);
        server = mongo;
    }

    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
