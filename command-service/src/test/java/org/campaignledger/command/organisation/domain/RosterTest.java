package org.campaignledger.command.organisation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.organisation.RosterPosition;
import org.junit.jupiter.api.Test;

/** R-ORG-04: the roster is read as of a business date, both ends of a membership inclusive. */
class RosterTest {
    private static final PersonId OLD = PersonId.of("old-secretary");
    private static final PersonId NEW = PersonId.of("new-secretary");
    private static final PersonId DEPUTY = PersonId.of("deputy");

    private static Roster electionYearRoster() {
        Roster roster = new Roster();
        roster.add(new RosterEntry(OLD, RosterPosition.SECRETARY, true, LocalDate.of(2011, 3, 1), null));
        roster.add(new RosterEntry(DEPUTY, RosterPosition.DEPUTY_SECRETARY, false, LocalDate.of(2012, 1, 1), null));
        roster.end(OLD, LocalDate.of(2014, 3, 31));
        roster.add(new RosterEntry(NEW, RosterPosition.SECRETARY, true, LocalDate.of(2014, 4, 1), null));
        return roster;
    }

    @Test
    void R_ORG_04_the_roster_as_of_a_date_follows_the_election() {
        Roster roster = electionYearRoster();
        assertThat(roster.mainLeaderAsOf(LocalDate.of(2014, 3, 31))).contains(OLD);
        assertThat(roster.mainLeaderAsOf(LocalDate.of(2014, 4, 1))).contains(NEW);
        assertThat(roster.asOf(LocalDate.of(2014, 3, 31))).extracting(RosterEntry::personId)
                .containsExactlyInAnyOrder(OLD, DEPUTY);
        assertThat(roster.asOf(LocalDate.of(2014, 4, 1))).extracting(RosterEntry::personId)
                .containsExactlyInAnyOrder(NEW, DEPUTY);
    }

    @Test
    void R_ORG_04_no_one_is_on_the_roster_before_their_first_day() {
        Roster roster = electionYearRoster();
        assertThat(roster.isOnRoster(DEPUTY, LocalDate.of(2011, 12, 31))).isFalse();
        assertThat(roster.isOnRoster(DEPUTY, LocalDate.of(2012, 1, 1))).isTrue();
        assertThat(roster.isOnRoster(NEW, LocalDate.of(2014, 3, 31))).isFalse();
        assertThat(roster.mainLeaderAsOf(LocalDate.of(2011, 2, 28))).isEmpty();
    }
}
