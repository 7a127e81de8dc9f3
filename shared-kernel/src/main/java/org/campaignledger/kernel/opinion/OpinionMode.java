package org.campaignledger.kernel.opinion;

import org.campaignledger.kernel.command.InvalidCommandException;

/** How an opinion was heard (DOMAIN Appendix A, OpinionMode). */
public record OpinionMode(Naming naming, Setting setting, Approach approach) {
    public enum Naming { NAMED, ANONYMOUS }

    public enum Setting { INDIVIDUAL, COLLECTIVE }

    public enum Approach { GO_TO_MASSES, ORGANISED_EVALUATION, DELIVERED_TO_DOOR }

    public OpinionMode {
        InvalidCommandException.required(naming, "mode.naming");
        InvalidCommandException.required(setting, "mode.setting");
        InvalidCommandException.required(approach, "mode.approach");
    }
}
