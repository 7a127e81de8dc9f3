package org.campaignledger.command.organisation.domain;

import java.time.LocalDate;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.organisation.RosterPosition;

/**
 * One membership of a unit's roster (DOMAIN §4.1). Both ends are business dates and inclusive; an open
 * membership has no {@code to}.
 */
public record RosterEntry(PersonId personId, RosterPosition position, boolean mainLeader, LocalDate from,
                          LocalDate to) {

    public boolean isActiveOn(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    /** Whether this membership shares at least one day with the period starting {@code start} and never ending. */
    public boolean overlapsOpenPeriodFrom(LocalDate start) {
        return to == null || !to.isBefore(start);
    }

    public RosterEntry endedOn(LocalDate date) {
        return new RosterEntry(personId, position, mainLeader, from, date);
    }
}
