package org.campaignledger.kernel.participation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.UnitId;

/**
 * Identity of a unit's participation, {@code campaignId:batchNo:unitId} (DOMAIN §4.0): deterministic, so "one
 * participation per unit and batch" holds by the aggregate already existing.
 */
public record ParticipationId(@JsonValue String value) {
    public ParticipationId {
        if (value == null || !value.matches("[A-Za-z0-9._-]{1,100}:[0-9]{1,3}:[A-Za-z0-9:._-]{1,100}")) {
            throw new InvalidCommandException("participationId", "must be campaignId:batchNo:unitId");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ParticipationId of(String value) {
        return new ParticipationId(value);
    }

    public static ParticipationId of(CampaignId campaignId, int batchNo, UnitId unitId) {
        return new ParticipationId(campaignId.value() + ":" + batchNo + ":" + unitId.value());
    }

    public CampaignId campaignId() {
        return CampaignId.of(value.substring(0, value.indexOf(':')));
    }

    public UnitId unitId() {
        return UnitId.of(value.substring(value.indexOf(':', value.indexOf(':') + 1) + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}
