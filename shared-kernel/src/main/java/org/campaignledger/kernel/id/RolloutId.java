package org.campaignledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Typed identifier of a JurisdictionRollout: {@code rollout:campaignId:batchNo:jurisdictionUnitId}. Deterministic,
 * so that a second rollout of the same jurisdiction in the same batch is rejected as "aggregate already exists".
 * The prefix matters: DOMAIN §4.0 gives rollouts and participations the same {@code campaignId:batchNo:unitId}
 * form, and the jurisdiction unit has both, while the event store keys streams by id alone.
 */
public record RolloutId(@JsonValue String value) {
    public RolloutId {
        TypedIds.requireValid(value, "rolloutId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RolloutId of(String value) {
        return new RolloutId(value);
    }

    public static RolloutId of(CampaignId campaignId, int batchNo, UnitId jurisdictionUnitId) {
        return new RolloutId("rollout:" + campaignId.value() + ":" + batchNo + ":" + jurisdictionUnitId.value());
    }

    /** The jurisdiction unit: everything after the batch number (a unit id may contain a colon, a campaign id not). */
    public UnitId jurisdictionUnitId() {
        int afterCampaign = value.indexOf(':', "rollout:".length());
        return UnitId.of(value.substring(value.indexOf(':', afterCampaign + 1) + 1));
    }

    /** Axon routes commands by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
