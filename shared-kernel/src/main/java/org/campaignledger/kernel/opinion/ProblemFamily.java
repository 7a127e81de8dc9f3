package org.campaignledger.kernel.opinion;

public enum ProblemFamily { FOUR_WINDS, VITAL_INTERESTS, DOORSTEP_MALPRACTICE, LAST_MILE, OTHER }
