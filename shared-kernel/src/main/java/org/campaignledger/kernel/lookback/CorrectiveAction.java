package org.campaignledger.kernel.lookback;

import java.time.LocalDate;
import org.campaignledger.kernel.command.InvalidCommandException;

/** A shortcoming to fix by {@code dueDate} under RECTIFY_BY_DEADLINE. */
public record CorrectiveAction(String actionId, String description, LocalDate dueDate) {
    public CorrectiveAction {
        InvalidCommandException.requiredText(actionId, "correctiveActions.actionId", 100);
        InvalidCommandException.requiredText(description, "correctiveActions.description", 2000);
        InvalidCommandException.required(dueDate, "correctiveActions.dueDate");
    }
}
