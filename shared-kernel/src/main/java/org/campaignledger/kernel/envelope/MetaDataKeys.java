package org.campaignledger.kernel.envelope;

/**
 * Metadata keys of the common event envelope (DOMAIN §3.2). Every value is a string so the envelope reads
 * the same in the event store, in Kafka headers and in an outside tool recomputing the hash chain.
 */
public final class MetaDataKeys {
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String ACTOR_CHANNEL = "actorChannel";
    public static final String ACTING_FOR = "actingForPersonId";
    public static final String COMMAND_ID = "commandId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String POLICY_VERSION = "policyVersion";
    public static final String EXCEPTION_ID = "exceptionId";
    public static final String UNIT_ID = "unitId";
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String JURISDICTION_ID = "jurisdictionId";
    public static final String PREV_HASH = "prevHash";
    public static final String HASH = "hash";
    /** On command messages only: the aggregate version the client expects (DOMAIN §3.7). */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private MetaDataKeys() {
    }
}
