package org.campaignledger.command.campaign;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.command.campaign.domain.CampaignDirectory;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.campaign.CampaignEvent.CampaignDefined;
import org.campaignledger.kernel.campaign.CampaignEvent.PolicyProfileAdopted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The campaigns and the policy version in force for each, kept in the transaction that changes them. */
@Component
@ProcessingGroup("command-lookups")
public class CampaignPolicies implements CampaignDirectory {
    private final JdbcTemplate jdbc;

    public CampaignPolicies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> currentVersion(String campaignId) {
        return jdbc.query("SELECT policy_version FROM campaign_policy WHERE campaign_id = ?",
                (rs, i) -> rs.getString(1), campaignId).stream().filter(v -> v != null).findFirst();
    }

    @Override
    public boolean exists(CampaignId campaignId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM campaign_policy WHERE campaign_id = ?",
                Integer.class, campaignId.value());
        return count != null && count > 0;
    }

    @EventHandler
    void on(CampaignDefined event) {
        jdbc.update("INSERT INTO campaign_policy (campaign_id, policy_version) VALUES (?, NULL)",
                event.campaignId().value());
    }

    @EventHandler
    void on(PolicyProfileAdopted event) {
        jdbc.update("UPDATE campaign_policy SET policy_version = ? WHERE campaign_id = ?", event.policyVersion(),
                event.campaignId().value());
    }
}
