package org.campaignledger.kernel.organisation;

public enum PartyOrgKind { COMMITTEE, PARTY_GROUP, WORKING_COMMITTEE, GENERAL_BRANCH, BRANCH }
