package org.campaignledger.command.organisation.domain;

import org.campaignledger.kernel.id.PersonId;

/**
 * Whether a person is registered, for commands that name one (rosters, contact points, department heads). The
 * port belongs to the unit that asks, not to the person feature that answers, so that a person may check its branch
 * in the org tree without the two domains depending on each other.
 */
public interface PersonDirectory {

    boolean exists(PersonId personId);
}
