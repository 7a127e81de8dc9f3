package org.campaignledger.command.supervision.domain;

import java.time.LocalDate;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** Whether a person is on a unit's roster on a business date (R-SG-03 / SoD-8, R-GEN-03 / SoD-5). */
public interface RosterCheck {
    boolean isOnRoster(UnitId unitId, PersonId personId, LocalDate on);
}
