package org.campaignledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed identifier of an Opinion; serialised as its plain string. */
public record OpinionId(@JsonValue String value) {
    public OpinionId {
        TypedIds.requireValid(value, "opinionId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OpinionId of(String value) {
        return new OpinionId(value);
    }

    public static OpinionId generate() {
        return new OpinionId(UuidV7.next().toString());
    }

    /** Axon routes commands by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
