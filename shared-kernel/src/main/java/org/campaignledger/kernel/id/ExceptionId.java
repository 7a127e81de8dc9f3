package org.campaignledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed identifier of a policy exception; serialised as its plain string. */
public record ExceptionId(@JsonValue String value) {
    public ExceptionId {
        TypedIds.requireValid(value, "exceptionId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ExceptionId of(String value) {
        return new ExceptionId(value);
    }

    public static ExceptionId generate() {
        return new ExceptionId(UuidV7.next().toString());
    }

    /** Axon routes commands by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
