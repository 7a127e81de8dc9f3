package org.campaignledger.command.participation.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationId;

/** Other units' participations, for the one-per-campaign rule and the cascade of stages (R-UNP-01, 07, 08). */
public interface ParticipationDirectory {

    Optional<ParticipationFacts> find(CampaignId campaignId, UnitId unitId);

    record ParticipationFacts(ParticipationId participationId, int tierNo, Map<Integer, LocalDate> stageStarts) {
    }
}
