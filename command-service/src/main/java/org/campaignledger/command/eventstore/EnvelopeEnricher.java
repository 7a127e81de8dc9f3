package org.campaignledger.command.eventstore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.campaignledger.command.campaign.CampaignPolicies;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.command.SystemTriggered;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.UnitId;
import org.springframework.stereotype.Component;

/**
 * Completes each event's envelope before it is stored: the unit, campaign and jurisdiction it concerns
 * (for unit-history and jurisdiction queries) and the policy version in force for its campaign.
 */
@Component
class EnvelopeEnricher implements MessageDispatchInterceptor<EventMessage<?>> {
    private final UnitDirectory units;
    private final CampaignPolicies policies;

    EnvelopeEnricher(UnitDirectory units, CampaignPolicies policies, EventStore eventStore) {
        this.units = units;
        this.policies = policies;
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> message.getPayload() instanceof LedgerEvent event
                ? message.andMetaData(envelope(event)) : message;
    }

    private Map<String, String> envelope(LedgerEvent event) {
        Map<String, String> envelope = new HashMap<>();
        if (event instanceof SystemTriggered system) {
            envelope.put(MetaDataKeys.ACTOR_ID, "SYSTEM");
            envelope.put(MetaDataKeys.ACTOR_ROLES, "SYSTEM");
            envelope.put(MetaDataKeys.ACTOR_CHANNEL, "SYSTEM");
            envelope.put(MetaDataKeys.OCCURRED_AT, system.triggeredAt().toString());
        }
        String unitId = event.concernsUnitId();
        if (unitId != null) {
            envelope.put(MetaDataKeys.UNIT_ID, unitId);
        }
        String jurisdiction = event.concernsJurisdictionId();
        if (jurisdiction == null && unitId != null) {
            jurisdiction = units.find(UnitId.of(unitId))
                    .map(u -> u.jurisdictionUnitId() == null ? null : u.jurisdictionUnitId().value()).orElse(null);
        }
        if (jurisdiction != null) {
            envelope.put(MetaDataKeys.JURISDICTION_ID, jurisdiction);
        }
        String campaignId = event.concernsCampaignId();
        if (campaignId != null) {
            envelope.put(MetaDataKeys.CAMPAIGN_ID, campaignId);
            policies.currentVersion(campaignId).ifPresent(v -> envelope.put(MetaDataKeys.POLICY_VERSION, v));
        }
        return envelope;
    }
}
