package org.campaignledger.kernel.evaluation;

import org.campaignledger.kernel.command.InvalidCommandException;

/** One category of the participant scope and how many of it are planned to take part. */
public record ParticipantGroup(String category, int plannedCount) {
    public ParticipantGroup {
        InvalidCommandException.requiredText(category, "participantScope.category", 100);
        if (plannedCount < 1) {
            throw new InvalidCommandException("participantScope.plannedCount", "must be 1 or more");
        }
    }
}
