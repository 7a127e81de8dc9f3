package org.campaignledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed identifier of a Unit; serialised as its plain string. */
public record UnitId(@JsonValue String value) {
    public UnitId {
        TypedIds.requireValid(value, "unitId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static UnitId of(String value) {
        return new UnitId(value);
    }

    public static UnitId generate() {
        return new UnitId(UuidV7.next().toString());
    }

    /** Axon routes commands by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
