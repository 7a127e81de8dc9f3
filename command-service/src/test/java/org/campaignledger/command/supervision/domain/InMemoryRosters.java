package org.campaignledger.command.supervision.domain;

import org.campaignledger.command.organisation.domain.RosterDirectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** Roster entries for fixture tests; ranges include both ends, a null end is open. */
public final class InMemoryRosters implements RosterDirectory {
    private record Entry(UnitId unitId, PersonId personId, LocalDate from, LocalDate to, boolean mainLeader) {
        boolean covers(LocalDate on) {
            return !on.isBefore(from) && (to == null || !on.isAfter(to));
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public InMemoryRosters onRoster(String unitId, String personId, LocalDate from, LocalDate to) {
        entries.add(new Entry(UnitId.of(unitId), PersonId.of(personId), from, to, false));
        return this;
    }

    public InMemoryRosters mainLeader(String unitId, String personId, LocalDate from, LocalDate to) {
        entries.add(new Entry(UnitId.of(unitId), PersonId.of(personId), from, to, true));
        return this;
    }

    @Override
    public List<org.campaignledger.command.organisation.domain.RosterEntry> rosterAsOf(UnitId unitId, LocalDate date) {
        return List.of();
    }

    @Override
    public java.util.Optional<PersonId> mainLeaderAsOf(UnitId unitId, LocalDate date) {
        return entries.stream().filter(e -> e.mainLeader() && e.unitId().equals(unitId) && e.covers(date))
                .map(Entry::personId).findFirst();
    }

    @Override
    public boolean isOnRoster(UnitId unitId, PersonId personId, LocalDate on) {
        return entries.stream().anyMatch(e -> e.unitId().equals(unitId) && e.personId().equals(personId)
                && e.covers(on));
    }
}
