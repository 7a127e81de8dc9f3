package org.campaignledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Typed identifier of a JurisdictionRollout: {@code campaignId:batchNo:jurisdictionUnitId}. Deterministic, so
 * that a second rollout of the same jurisdiction in the same batch is rejected as "aggregate already exists".
 */
public record RolloutId(@JsonValue String value) {
    public RolloutId {
        TypedIds.requireValid(value, "rolloutId");
    }

    @JsonCreator
    public static RolloutId of(String value) {
        return new RolloutId(value);
    }

    public static RolloutId of(CampaignId campaignId, int batchNo, UnitId jurisdictionUnitId) {
        return new RolloutId(campaignId.value() + ":" + batchNo + ":" + jurisdictionUnitId.value());
    }

    /** Axon routes commands by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
