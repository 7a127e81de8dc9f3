package org.campaignledger.command.campaign.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.campaign.CampaignCommand.AdoptPolicyProfile;
import org.campaignledger.kernel.campaign.CampaignCommand.DefineBatch;
import org.campaignledger.kernel.campaign.CampaignCommand.DefineCampaign;
import org.campaignledger.kernel.campaign.CampaignCommand.StartCampaign;
import org.campaignledger.kernel.campaign.CampaignEvent.BatchDefined;
import org.campaignledger.kernel.campaign.CampaignEvent.CampaignDefined;
import org.campaignledger.kernel.campaign.CampaignEvent.CampaignStarted;
import org.campaignledger.kernel.campaign.CampaignEvent.PolicyProfileAdopted;
import org.campaignledger.kernel.id.CampaignId;

/** A campaign, its batches and its policy versions (DOMAIN §4.2). States: DEFINED → RUNNING → CLOSED. */
public class Campaign {
    enum State { DEFINED, RUNNING }

    @AggregateIdentifier
    private CampaignId campaignId;
    private State state;
    private final Set<Integer> batches = new HashSet<>();
    private int policyVersion;

    protected Campaign() {
        // for event sourcing
    }

    @CommandHandler
    public Campaign(DefineCampaign command) {
        apply(new CampaignDefined(command.campaignId(), command.name(), command.theme(),
                command.generalRequirement()));
    }

    @CommandHandler
    void handle(DefineBatch command) {
        if (batches.contains(command.batchNo())) {
            throw new RuleViolation(PlatformRules.EXISTS, "batch " + command.batchNo() + " is already defined",
                    Map.of("field", "batchNo"));
        }
        apply(new BatchDefined(command.campaignId(), command.batchNo(), command.scope(), command.plannedStart(),
                command.plannedBasicCompletion(), command.participatingCategories()));
    }

    /**
     * R-CMP-03: policy versions are append-only; each adoption gets the next version, none is rewritten. The
     * event carries the profile's full parameters with the overrides applied.
     */
    @CommandHandler
    void handle(AdoptPolicyProfile command) {
        apply(new PolicyProfileAdopted(command.campaignId(), command.profileId(), policyVersion + 1,
                CampaignPolicy.resolve(command.profileId(), command.parameters()), command.effectiveFrom()));
    }

    @CommandHandler
    void handle(StartCampaign command) {
        if (state != State.DEFINED) {
            throw new RuleViolation(PlatformRules.STATE, "the campaign is " + state + ", not DEFINED",
                    Map.of("state", state.name()));
        }
        if (batches.isEmpty()) {
            throw new RuleViolation(PlatformRules.STATE, "define a batch before starting the campaign",
                    Map.of("state", state.name()));
        }
        if (policyVersion == 0) {
            throw new RuleViolation(PlatformRules.STATE, "adopt a policy profile before starting the campaign",
                    Map.of("state", state.name()));
        }
        apply(new CampaignStarted(command.campaignId(), command.date()));
    }

    @EventSourcingHandler
    void on(CampaignDefined event) {
        campaignId = event.campaignId();
        state = State.DEFINED;
    }

    @EventSourcingHandler
    void on(BatchDefined event) {
        batches.add(event.batchNo());
    }

    @EventSourcingHandler
    void on(PolicyProfileAdopted event) {
        policyVersion = event.version();
    }

    @EventSourcingHandler
    void on(CampaignStarted event) {
        state = State.RUNNING;
    }
}
