package org.campaignledger.kernel.opinion;

import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** The one primary target of an opinion (R-OPN-03): a team, a person on its roster, a unit or a higher level. */
public record OpinionTarget(Level level, UnitId unitId, PersonId personId) {
    public enum Level { TEAM, PERSON, UNIT, HIGHER_LEVEL }

    public OpinionTarget {
        InvalidCommandException.required(level, "targetLevel");
        InvalidCommandException.required(unitId, "targetUnitId");
        if (level == Level.PERSON && personId == null) {
            throw new InvalidCommandException("targetPersonId", "is required when the target level is PERSON");
        }
        if (level != Level.PERSON && personId != null) {
            throw new InvalidCommandException("targetPersonId", "applies only when the target level is PERSON");
        }
    }
}
