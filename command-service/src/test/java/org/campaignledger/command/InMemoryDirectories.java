package org.campaignledger.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.campaignledger.command.campaign.domain.CampaignDirectory;
import org.campaignledger.command.campaign.domain.CampaignPolicy;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.vault.Vault;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;

/** In-memory stand-ins for the command-side lookups and the vault, for aggregate fixture tests. */
public final class InMemoryDirectories implements UnitDirectory, CampaignDirectory, Vault {
    private final Map<UnitId, UnitFacts> units = new HashMap<>();
    private final Set<CampaignId> campaigns = new HashSet<>();
    private final Map<String, Set<UnitType>> batches = new HashMap<>();
    private final Map<CampaignId, CampaignPolicy> policies = new HashMap<>();
    private final Map<String, Map<String, String>> rolloutOverrides = new HashMap<>();
    public final List<String> vaultContents = new ArrayList<>();

    public InMemoryDirectories unit(String id, Level level, UnitType type, String... ancestors) {
        List<UnitId> path = java.util.Arrays.stream(ancestors).map(UnitId::of).toList();
        UnitId jurisdiction = level == Level.COUNTY || level == Level.CITY ? UnitId.of(id)
                : path.isEmpty() ? null : units.get(path.get(path.size() - 1)).jurisdictionUnitId();
        units.put(UnitId.of(id), new UnitFacts(UnitId.of(id), level, type, jurisdiction, path));
        return this;
    }

    public InMemoryDirectories campaign(String id) {
        campaigns.add(CampaignId.of(id));
        return this;
    }

    public InMemoryDirectories batch(String campaignId, int batchNo, UnitType... admitted) {
        batches.put(campaignId + ":" + batchNo, Set.of(admitted));
        return this;
    }

    /** Adopts a §2 profile with overrides, as AdoptPolicyProfile would. */
    public InMemoryDirectories policy(String campaignId, String profileId, Map<String, String> overrides) {
        policies.put(CampaignId.of(campaignId), new CampaignPolicy(profileId + "@1",
                CampaignPolicy.resolve(profileId, overrides)));
        return this;
    }

    /** A jurisdiction's OverridePolicy in its rollout of a batch, as PolicyOverridden would record it. */
    public InMemoryDirectories rolloutOverride(String campaignId, int batchNo, String jurisdictionUnitId,
                                               String parameter, String value) {
        rolloutOverrides.computeIfAbsent(campaignId + ":" + batchNo + ":" + jurisdictionUnitId, k -> new HashMap<>())
                .put(parameter, value);
        return this;
    }

    @Override
    public Optional<CampaignPolicy> policy(CampaignId campaignId, int batchNo, UnitId jurisdictionUnitId) {
        Map<String, String> overrides = rolloutOverrides.getOrDefault(
                campaignId.value() + ":" + batchNo + ":" + jurisdictionUnitId.value(), Map.of());
        return policy(campaignId).map(policy -> policy.withOverrides(overrides));
    }

    @Override
    public Optional<Set<UnitType>> batchCategories(CampaignId campaignId, int batchNo) {
        return Optional.ofNullable(batches.get(campaignId.value() + ":" + batchNo));
    }

    @Override
    public Optional<CampaignPolicy> policy(CampaignId campaignId) {
        return Optional.ofNullable(policies.get(campaignId));
    }

    @Override
    public Optional<UnitFacts> find(UnitId unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public boolean exists(CampaignId campaignId) {
        return campaigns.contains(campaignId);
    }

    @Override
    public Ref put(String subject, DataClass dataClass, String content) {
        vaultContents.add(content);
        return new Ref("vlt_" + vaultContents.size(), sha256(content));
    }

    public static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
