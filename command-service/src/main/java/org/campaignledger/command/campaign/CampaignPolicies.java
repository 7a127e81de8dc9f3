package org.campaignledger.command.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.command.campaign.domain.CampaignDirectory;
import org.campaignledger.command.campaign.domain.CampaignPolicy;
import org.campaignledger.kernel.campaign.CampaignEvent.BatchDefined;
import org.campaignledger.kernel.campaign.CampaignEvent.CampaignDefined;
import org.campaignledger.kernel.campaign.CampaignEvent.PolicyProfileAdopted;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.rollout.RolloutEvent.PolicyOverridden;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The campaigns, their batches, the policy in force for each and the jurisdictions' overrides of it, kept in the
 * transaction that changes them.
 */
@Component
@ProcessingGroup("command-lookups")
public class CampaignPolicies implements CampaignDirectory {
    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {
    };
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CampaignPolicies(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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

    @Override
    public Optional<Set<UnitType>> batchCategories(CampaignId campaignId, int batchNo) {
        return jdbc.query("SELECT categories FROM campaign_batch WHERE campaign_id = ? AND batch_no = ?",
                        (rs, i) -> Arrays.stream(rs.getString(1).split(",")).map(UnitType::valueOf)
                                .collect(Collectors.toUnmodifiableSet()), campaignId.value(), batchNo)
                .stream().findFirst();
    }

    @Override
    public Optional<CampaignPolicy> policy(CampaignId campaignId) {
        return jdbc.query("""
                        SELECT policy_version, parameters FROM campaign_policy
                        WHERE campaign_id = ? AND policy_version IS NOT NULL""",
                (rs, i) -> new CampaignPolicy(rs.getString(1), read(rs.getString(2))), campaignId.value())
                .stream().findFirst();
    }

    @Override
    public Optional<CampaignPolicy> policy(CampaignId campaignId, int batchNo, UnitId jurisdictionUnitId) {
        Map<String, String> overrides = new HashMap<>();
        jdbc.query("SELECT parameter, parameter_value FROM rollout_policy_override WHERE rollout_id = ?",
                rs -> {
                    overrides.put(rs.getString(1), rs.getString(2));
                }, RolloutId.of(campaignId, batchNo, jurisdictionUnitId).value());
        return policy(campaignId).map(policy -> policy.withOverrides(overrides));
    }

    @EventHandler
    void on(CampaignDefined event) {
        jdbc.update("INSERT INTO campaign_policy (campaign_id, policy_version) VALUES (?, NULL)",
                event.campaignId().value());
    }

    @EventHandler
    void on(BatchDefined event) {
        jdbc.update("INSERT INTO campaign_batch (campaign_id, batch_no, categories) VALUES (?, ?, ?)",
                event.campaignId().value(), event.batchNo(),
                event.participatingCategories().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    }

    @EventHandler
    void on(PolicyProfileAdopted event) throws JsonProcessingException {
        jdbc.update("UPDATE campaign_policy SET policy_version = ?, parameters = ? WHERE campaign_id = ?",
                event.policyVersion(), json.writeValueAsString(event.parameters()), event.campaignId().value());
    }

    /** The latest value of a parameter replaces the earlier one (DOMAIN §4.3). */
    @EventHandler
    void on(PolicyOverridden event) {
        jdbc.update("""
                        INSERT INTO rollout_policy_override (rollout_id, parameter, parameter_value)
                        VALUES (?, ?, ?)
                        ON CONFLICT (rollout_id, parameter) DO UPDATE SET parameter_value = EXCLUDED.parameter_value""",
                event.rolloutId().value(), event.parameter(), event.value());
    }

    private Map<String, String> read(String parameters) {
        try {
            return json.readValue(parameters, PARAMETERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy parameters are not JSON", e);
        }
    }
}
