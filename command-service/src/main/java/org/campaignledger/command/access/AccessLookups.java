package org.campaignledger.command.access;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/**
 * What the domain has granted a person outside rosters and supervision-group membership, and which units an
 * aggregate concerns when its id does not say (opinions, documents, look-backs, supervision groups).
 */
public interface AccessLookups {

    /**
     * The standing grants of a person at any of the scopes (unit or supervision-group ids) on a date: office
     * membership of a jurisdiction, a unit's leading-group office, a party branch, the lead of a group.
     */
    Set<Role> grantsAt(PersonId personId, Collection<String> scopeIds, LocalDate on);

    /** The units an existing aggregate concerns; empty if it is unknown here. */
    Set<UnitId> unitsOf(String aggregateId);
}
