package org.campaignledger.kernel.rollout;

import java.time.LocalDate;
import org.campaignledger.kernel.command.InvalidCommandException;

/** A planned window of business dates, both ends included. */
public record DateWindow(LocalDate from, LocalDate to) {
    public DateWindow {
        InvalidCommandException.required(from, "plannedWindows.from");
        InvalidCommandException.required(to, "plannedWindows.to");
        if (to.isBefore(from)) {
            throw new InvalidCommandException("plannedWindows.to", "must not be before from");
        }
    }
}
