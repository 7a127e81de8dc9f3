package org.campaignledger.command.domain;

/** Rule ids of the platform itself, for rejections that no DOMAIN rule names. */
public final class PlatformRules {
    /** The command is not allowed in the aggregate's current state. */
    public static final String STATE = "R-API-STATE";
    /** The aggregate to create exists already. */
    public static final String EXISTS = "R-API-EXISTS";
    /** The aggregate or a referenced one does not exist. */
    public static final String NOT_FOUND = "R-API-NOT-FOUND";
    /** The expected version does not match, or another writer won the race. */
    public static final String VERSION = "R-API-VERSION";
    /** A field is missing or malformed. */
    public static final String VALIDATION = "R-API-VALIDATION";
    /** A commandId was reused for a different command. */
    public static final String IDEMPOTENCY = "R-API-IDEMPOTENCY";
    /**
     * The aggregate's stored hash chain (DOMAIN §3.2) does not verify: nothing is appended to a history that was
     * altered outside the system until an operator has investigated it.
     */
    public static final String INTEGRITY = "R-INT-CHAIN";

    private PlatformRules() {
    }
}
