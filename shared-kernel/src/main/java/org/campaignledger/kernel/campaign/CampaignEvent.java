package org.campaignledger.kernel.campaign;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.organisation.UnitType;

/** Events of the {@code Campaign} aggregate (DOMAIN §4.2). */
public sealed interface CampaignEvent extends LedgerEvent {
    CampaignId campaignId();

    @Override
    default String concernsCampaignId() {
        return campaignId().value();
    }

    @Revision("1")
    record CampaignDefined(CampaignId campaignId, String name, String theme, String generalRequirement)
            implements CampaignEvent {
    }

    @Revision("1")
    record BatchDefined(CampaignId campaignId, int batchNo, String scope, YearMonth plannedStart,
                        YearMonth plannedBasicCompletion, Set<UnitType> participatingCategories)
            implements CampaignEvent {
    }

    /** {@code version} counts up from 1 per campaign and is never reused (R-CMP-03). */
    @Revision("1")
    record PolicyProfileAdopted(CampaignId campaignId, String profileId, int version,
                                Map<String, String> parameters, LocalDate effectiveFrom) implements CampaignEvent {
        public String policyVersion() {
            return profileId + "@" + version;
        }
    }

    @Revision("1")
    record CampaignStarted(CampaignId campaignId, LocalDate date) implements CampaignEvent {
    }
}
