package org.campaignledger.command.supervision.domain;

import org.campaignledger.command.organisation.domain.RosterDirectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** Roster entries for fixture tests; ranges include both ends, a null end is open. */
public final class InMemoryRosters implements RosterDirectory {
    private record Entry(UnitId unitId, PersonId personId, LocalDate from, LocalDate to) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public InMemoryRosters onRoster(String unitId, String personId, LocalDate from, LocalDate to) {
        entries.add(new Entry(UnitId.of(unitId), PersonId.of(personId), from, to));
        return this;
    }

    @Override
    public List<org.campaignledger.command.organisation.domain.RosterEntry> rosterAsOf(UnitId unitId, LocalDate date) {
        return List.of();
    }

    @Override
    public java.util.Optional<PersonId> mainLeaderAsOf(UnitId unitId, LocalDate date) {
        return java.util.Optional.empty();
    }

    @Override
    public boolean isOnRoster(UnitId unitId, PersonId personId, LocalDate on) {
        return entries.stream().anyMatch(e -> e.unitId().equals(unitId) && e.personId().equals(personId)
                && !on.isBefore(e.from()) && (e.to() == null || !on.isAfter(e.to())));
    }
}
