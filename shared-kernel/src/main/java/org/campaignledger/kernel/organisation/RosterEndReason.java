package org.campaignledger.kernel.organisation;

/** Why a roster membership ended (DOMAIN §4.1); ELECTION covers the 2014 village two-committee elections. */
public enum RosterEndReason { ELECTION, TRANSFER, DISMISSAL, OTHER }
