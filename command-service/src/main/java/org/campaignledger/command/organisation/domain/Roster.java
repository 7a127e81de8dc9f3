package org.campaignledger.command.organisation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.campaignledger.kernel.id.PersonId;

/**
 * A unit's time-versioned roster. R-ORG-04: whatever depends on the roster asks for it as of a business
 * date, so a mid-campaign election changes the answer only from the day it takes effect.
 */
public final class Roster {
    private final List<RosterEntry> entries = new ArrayList<>();

    public List<RosterEntry> asOf(LocalDate date) {
        return entries.stream().filter(e -> e.isActiveOn(date)).toList();
    }

    public Optional<PersonId> mainLeaderAsOf(LocalDate date) {
        return asOf(date).stream().filter(RosterEntry::mainLeader).map(RosterEntry::personId).findFirst();
    }

    public boolean isOnRoster(PersonId personId, LocalDate date) {
        return asOf(date).stream().anyMatch(e -> e.personId().equals(personId));
    }

    /** The main leadership that would overlap one starting on {@code from} (R-ORG-03). */
    Optional<RosterEntry> mainLeaderOverlapping(LocalDate from) {
        return entries.stream().filter(e -> e.mainLeader() && e.overlapsOpenPeriodFrom(from)).findFirst();
    }

    /** The person's membership that would overlap a new one starting on {@code from}. */
    Optional<RosterEntry> membershipOverlapping(PersonId personId, LocalDate from) {
        return entries.stream().filter(e -> e.personId().equals(personId) && e.overlapsOpenPeriodFrom(from))
                .findFirst();
    }

    Optional<RosterEntry> openMembership(PersonId personId) {
        return entries.stream().filter(e -> e.personId().equals(personId) && e.to() == null).findFirst();
    }

    void add(RosterEntry entry) {
        entries.add(entry);
    }

    void end(PersonId personId, LocalDate to) {
        entries.replaceAll(e -> e.personId().equals(personId) && e.to() == null ? e.endedOn(to) : e);
    }
}
