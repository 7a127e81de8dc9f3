package org.campaignledger.command.pipeline;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.campaignledger.kernel.envelope.MetaDataKeys;

/** Metadata of a command the system sends in reaction to an event. */
public final class SystemMetaData {
    private SystemMetaData() {
    }

    /**
     * The command is the system's act, caused by the source event and happening at its business time, in the same
     * correlation.
     */
    public static MetaData causedBy(String eventId, MetaData source) {
        Map<String, Object> metaData = new HashMap<>(Map.of(MetaDataKeys.ACTOR_ID, "SYSTEM",
                MetaDataKeys.ACTOR_ROLES, "SYSTEM", MetaDataKeys.ACTOR_CHANNEL, "SYSTEM",
                MetaDataKeys.CAUSATION_ID, eventId));
        Object occurredAt = source.get(MetaDataKeys.OCCURRED_AT);
        if (occurredAt != null) {
            metaData.put(MetaDataKeys.OCCURRED_AT, occurredAt);
        }
        Object correlationId = source.get(MetaDataKeys.CORRELATION_ID);
        metaData.put(MetaDataKeys.CORRELATION_ID, correlationId != null ? correlationId : eventId);
        return MetaData.from(metaData);
    }
}
