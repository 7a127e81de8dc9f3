package org.campaignledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed identifier of a LookBackReview; serialised as its plain string. */
public record LookBackId(@JsonValue String value) {
    public LookBackId {
        TypedIds.requireValid(value, "lookBackId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LookBackId of(String value) {
        return new LookBackId(value);
    }

    public static LookBackId generate() {
        return new LookBackId(UuidV7.next().toString());
    }

    /** Axon routes commands by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
