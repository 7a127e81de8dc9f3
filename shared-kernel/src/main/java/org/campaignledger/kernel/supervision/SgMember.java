package org.campaignledger.kernel.supervision;

import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** A member of a supervision group and the organ they are seconded from (e.g. the discipline commission). */
public record SgMember(PersonId personId, UnitId sourceUnitId) {
    public SgMember {
        InvalidCommandException.required(personId, "members.personId");
        InvalidCommandException.required(sourceUnitId, "members.sourceUnitId");
    }
}
