package org.campaignledger.kernel.organisation;

/** One of the flags of {@link UnitFlags}, named so that {@code FlagUnit} can set it alone. */
public enum UnitFlag {
    WEAK_AND_LAX("weakAndLax"),
    BACKWARD_VILLAGE("backwardVillage"),
    ENFORCEMENT("enforcement"),
    SERVICE_WINDOW("serviceWindow"),
    FIRST_BATCH_PARTICIPANT("firstBatchParticipant");

    private final String fieldName;

    UnitFlag(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The matching component of {@link UnitFlags}, which read models use as the field name. */
    public String fieldName() {
        return fieldName;
    }
}
