package org.campaignledger.command.rollout.domain;

import java.util.List;
import org.campaignledger.kernel.id.UnitId;

/** The units directly under a jurisdiction, for R-UNP-24: a city's direct units owe monthly report hearings. */
public interface DirectUnits {
    List<UnitId> directUnitsOf(UnitId jurisdictionUnitId);
}
