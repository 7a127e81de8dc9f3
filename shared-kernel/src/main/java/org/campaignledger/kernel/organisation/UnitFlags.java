package org.campaignledger.kernel.organisation;

/** Flags of a unit (DOMAIN §4.1); absent flags are false. */
public record UnitFlags(boolean weakAndLax, boolean backwardVillage, boolean enforcement, boolean serviceWindow,
                        boolean firstBatchParticipant) {
    public static final UnitFlags NONE = new UnitFlags(false, false, false, false, false);
}
