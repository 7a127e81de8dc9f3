package org.campaignledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed identifier of a Campaign; serialised as its plain string. */
public record CampaignId(@JsonValue String value) {
    public CampaignId {
        TypedIds.requireValid(value, "campaignId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    public static CampaignId generate() {
        return new CampaignId(UuidV7.next().toString());
    }

    /** Axon routes commands by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
