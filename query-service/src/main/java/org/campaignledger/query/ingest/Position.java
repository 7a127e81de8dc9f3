package org.campaignledger.query.ingest;

/**
 * Where a record sits in the Kafka topic. Every read-model document remembers, per partition, the last position
 * it has applied, so a record delivered again at the same position changes nothing (ADR 0014).
 */
public record Position(int partition, long offset) {
    public Position {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("a position is a partition and an offset, both 0 or more");
        }
    }

    /** The key of this position's partition in a document's {@code _pos} map. */
    String partitionKey() {
        return Integer.toString(partition);
    }
}
