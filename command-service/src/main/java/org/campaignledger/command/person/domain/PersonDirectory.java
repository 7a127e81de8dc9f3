package org.campaignledger.command.person.domain;

import org.campaignledger.kernel.id.PersonId;

/** Whether a person is registered, for commands that name one (rosters, contact points, department heads). */
public interface PersonDirectory {

    boolean exists(PersonId personId);
}
