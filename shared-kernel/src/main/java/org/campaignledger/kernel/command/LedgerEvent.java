package org.campaignledger.kernel.command;

/**
 * A domain event. Events name the unit and campaign they concern so the envelope (DOMAIN §3.2) can carry
 * them for unit-history queries without the reader knowing every payload.
 */
public interface LedgerEvent {
    /** The participating unit the event concerns, or null for jurisdiction-wide events. */
    default String concernsUnitId() {
        return null;
    }

    default String concernsCampaignId() {
        return null;
    }

    /** The jurisdiction when the event itself defines it; otherwise the unit's jurisdiction is looked up. */
    default String concernsJurisdictionId() {
        return null;
    }
}
