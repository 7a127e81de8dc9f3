package org.campaignledger.command.campaign.domain;

import org.campaignledger.kernel.id.CampaignId;

/** Which campaigns exist, for handlers of other aggregates that refer to one. */
public interface CampaignDirectory {
    boolean exists(CampaignId campaignId);
}
