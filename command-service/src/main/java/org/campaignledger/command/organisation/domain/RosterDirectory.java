package org.campaignledger.command.organisation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/**
 * Rosters as of a business date (R-ORG-04), for aggregates other than the unit itself: talk pairs, required
 * materials and review chains all depend on who was on the roster on the relevant day.
 */
public interface RosterDirectory {

    List<RosterEntry> rosterAsOf(UnitId unitId, LocalDate date);

    Optional<PersonId> mainLeaderAsOf(UnitId unitId, LocalDate date);

    boolean isOnRoster(UnitId unitId, PersonId personId, LocalDate date);
}
