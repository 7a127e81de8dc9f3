package org.campaignledger.query.ingest;

import java.util.Map;
import org.campaignledger.kernel.envelope.MetaDataKeys;

/**
 * One record of {@code ledger.events.v1} taken apart: the envelope from its headers, the typed payload
 * ({@code null} when this service does not know the event type yet) and the record's position in the topic.
 */
public record LedgerEvent(String eventId, String eventType, String payloadType, String revision,
                          String aggregateType, String aggregateId, long aggregateSequence, Long globalSequence,
                          String recordedAt, Map<String, String> metaData, Object payload, Position position) {

    public String meta(String key) {
        return metaData.get(key);
    }

    public String unitId() {
        return meta(MetaDataKeys.UNIT_ID);
    }
}
