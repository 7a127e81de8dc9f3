package org.campaignledger.kernel.envelope;

import java.util.Map;

/**
 * One event exactly as the event store holds it: the input of the hash chain. {@code timestamp} is the
 * stored ISO-8601 text, {@code payloadJson} the stored payload bytes.
 */
public record StoredEvent(String eventId, String aggregateType, String aggregateId, long sequence, String timestamp,
                          String payloadType, String payloadRevision, byte[] payloadJson,
                          Map<String, String> metaData) {
}
