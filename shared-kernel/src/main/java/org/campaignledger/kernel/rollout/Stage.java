package org.campaignledger.kernel.rollout;

/** The phases a participating unit goes through (DOMAIN Appendix A). */
public enum Stage {
    PREPARATION, STAGE_1, STAGE_2, STAGE_3
}
