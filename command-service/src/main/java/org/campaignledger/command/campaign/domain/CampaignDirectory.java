package org.campaignledger.command.campaign.domain;

import java.util.Optional;
import java.util.Set;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.UnitType;

/** What other aggregates may know of a campaign: that it exists, its batches and the policy in force. */
public interface CampaignDirectory {
    boolean exists(CampaignId campaignId);

    /** The unit types a batch admits (R-CMP-01), empty when the batch is not defined. */
    Optional<Set<UnitType>> batchCategories(CampaignId campaignId, int batchNo);

    /** The policy version in force, empty before a profile is adopted. */
    Optional<CampaignPolicy> policy(CampaignId campaignId);

    /**
     * The policy in force in one jurisdiction's rollout of a batch: the campaign's, with the values the
     * jurisdiction set with {@code OverridePolicy} (DOMAIN §2, §4.3). Empty before a profile is adopted.
     */
    Optional<CampaignPolicy> policy(CampaignId campaignId, int batchNo, UnitId jurisdictionUnitId);
}
