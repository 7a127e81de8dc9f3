package org.campaignledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed identifier of a ReviewableDocument; serialised as its plain string. */
public record DocumentId(@JsonValue String value) {
    public DocumentId {
        TypedIds.requireValid(value, "documentId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DocumentId of(String value) {
        return new DocumentId(value);
    }

    public static DocumentId generate() {
        return new DocumentId(UuidV7.next().toString());
    }

    /** Axon routes commands by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
