package org.campaignledger.query.audit;

import org.bson.Document;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.stereotype.Component;

/**
 * {@code rm_audit_index} (DOMAIN §6): the envelope of every event, known type or not, keyed by eventId.
 * The payload stays in the event store; AQ-1 reads it from there.
 */
@Component
class AuditIndexProjection implements Projection {
    static final String COLLECTION = "rm_audit_index";
    private final ReadModels readModels;

    AuditIndexProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void apply(LedgerEvent event) {
        Document roles = new Document();
        String roleCodes = event.meta(MetaDataKeys.ACTOR_ROLES);
        readModels.insertOnce(COLLECTION, event, new Document("_id", event.eventId())
                .append("eventId", event.eventId())
                .append("globalSequence", event.globalSequence())
                .append("aggregateType", event.aggregateType())
                .append("aggregateId", event.aggregateId())
                .append("aggregateSequence", event.aggregateSequence())
                .append("eventType", event.eventType())
                .append("schemaVersion", event.revision())
                .append("unitId", event.meta(MetaDataKeys.UNIT_ID))
                .append("campaignId", event.meta(MetaDataKeys.CAMPAIGN_ID))
                .append("jurisdictionId", event.meta(MetaDataKeys.JURISDICTION_ID))
                .append("occurredAt", event.meta(MetaDataKeys.OCCURRED_AT))
                .append("recordedAt", event.recordedAt())
                .append("actor", roles.append("personId", event.meta(MetaDataKeys.ACTOR_ID))
                        .append("roleCodes", roleCodes == null || roleCodes.isEmpty()
                                ? java.util.List.of() : java.util.List.of(roleCodes.split(",")))
                        .append("channel", event.meta(MetaDataKeys.ACTOR_CHANNEL))
                        .append("actingForPersonId", event.meta(MetaDataKeys.ACTING_FOR)))
                .append("commandId", event.meta(MetaDataKeys.COMMAND_ID))
                .append("correlationId", event.meta(MetaDataKeys.CORRELATION_ID))
                .append("causationId", event.meta(MetaDataKeys.CAUSATION_ID))
                .append("policyVersion", event.meta(MetaDataKeys.POLICY_VERSION))
                .append("exceptionId", event.meta(MetaDataKeys.EXCEPTION_ID))
                .append("prevHash", event.meta(MetaDataKeys.PREV_HASH))
                .append("hash", event.meta(MetaDataKeys.HASH)));
    }
}
