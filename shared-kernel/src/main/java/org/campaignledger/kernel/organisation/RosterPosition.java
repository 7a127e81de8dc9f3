package org.campaignledger.kernel.organisation;

/** A seat on a unit's leadership roster (DOMAIN §4.1). */
public enum RosterPosition { SECRETARY, DEPUTY_SECRETARY, GOVERNMENT_HEAD, MEMBER, PARTY_GROUP_HEAD }
