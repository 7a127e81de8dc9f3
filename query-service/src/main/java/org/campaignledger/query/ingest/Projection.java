package org.campaignledger.query.ingest;

/**
 * A read model fed from the event topic. Implementations must be idempotent: the same event may arrive more
 * than once (at-least-once delivery), and events of different aggregates may arrive in any order.
 */
public interface Projection {
    void apply(LedgerEvent event);
}
