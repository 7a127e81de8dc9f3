package org.campaignledger.kernel.lookback;

import java.time.LocalDate;
import org.campaignledger.kernel.command.InvalidCommandException;

/** The period the look-back runs in, both ends included. */
public record ReviewWindow(LocalDate from, LocalDate to) {
    public ReviewWindow {
        InvalidCommandException.required(from, "window.from");
        InvalidCommandException.required(to, "window.to");
        if (to.isBefore(from)) {
            throw new InvalidCommandException("window.to", "must not be before from");
        }
    }
}
