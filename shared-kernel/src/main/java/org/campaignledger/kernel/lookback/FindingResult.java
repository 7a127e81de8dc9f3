package org.campaignledger.kernel.lookback;

/** What the look-back found for one check item. */
public enum FindingResult { OK, ISSUE }
