package org.campaignledger.kernel.lookback;

import org.campaignledger.kernel.command.InvalidCommandException;

/** A make-up session held under EXTEND_AND_MAKE_UP; it concerns the reviewed stage (DOMAIN-ERRATA B3). */
public record MakeUpActivity(String activityId, String description) {
    public MakeUpActivity {
        InvalidCommandException.requiredText(activityId, "makeUpActivities.activityId", 100);
        InvalidCommandException.requiredText(description, "makeUpActivities.description", 2000);
    }
}
