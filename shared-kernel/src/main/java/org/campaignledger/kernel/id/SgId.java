package org.campaignledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed identifier of a SupervisionGroup; serialised as its plain string. */
public record SgId(@JsonValue String value) {
    public SgId {
        TypedIds.requireValid(value, "sgId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SgId of(String value) {
        return new SgId(value);
    }

    public static SgId generate() {
        return new SgId(UuidV7.next().toString());
    }

    /** Axon routes commands by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
