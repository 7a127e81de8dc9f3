package org.campaignledger.infra.e2e;

import java.sql.Connection;
import java.sql.SQLException;

/** What an end-to-end test needs of a running system, whatever infrastructure it runs on. */
interface LedgerEnvironment {
    String commandUrl();

    String queryUrl();

    String authUrl();

    /** Kills the query-service (SIGKILL, no graceful shutdown) and starts it again. */
    void crashAndRestartQueryService();

    boolean canStopKafka();

    void stopKafka();

    void startKafka();

    /** A direct connection to the event store, as an attacker with database access would have. */
    Connection eventStore() throws SQLException;
}
