package org.campaignledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed identifier of a Person; serialised as its plain string. */
public record PersonId(@JsonValue String value) {
    public PersonId {
        TypedIds.requireValid(value, "personId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PersonId of(String value) {
        return new PersonId(value);
    }

    public static PersonId generate() {
        return new PersonId(UuidV7.next().toString());
    }

    /** Axon routes commands by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
