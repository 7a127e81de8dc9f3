package org.campaignledger.kernel.opinion;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** Events of the {@code Opinion} aggregate (DOMAIN §4.6). */
public sealed interface OpinionEvent extends LedgerEvent {
    OpinionId opinionId();

    /**
     * The text and the submitter's identity are held in the vault: the event carries only the tokens and
     * SHA-256 digests (DOMAIN §3.6), so the event stays immutable while personal data can be shredded.
     */
    @Revision("1")
    record OpinionRecorded(OpinionId opinionId, CampaignId campaignId, LocalDate receivedOn, OpinionChannel channel,
                           OpinionMode mode, SubmitterCategory submitterCategory, String submitterPiiRef,
                           String rawTextRef, String rawTextSha256, PersonId collectedByPersonId,
                           UnitId collectedAtUnitId, String solicitationRef, boolean priority)
            implements OpinionEvent {
        @Override
        public String concernsUnitId() {
            return collectedAtUnitId.value();
        }

        @Override
        public String concernsCampaignId() {
            return campaignId.value();
        }
    }

    @Revision("1")
    record OpinionClassified(OpinionId opinionId, CampaignId campaignId, UnitId unitId, ProblemFamily family,
                             FourWind fourWind, VitalInterestTopic topic, String focusProblemCode,
                             PersonId classifiedByPersonId) implements OpinionEvent {
        @Override
        public String concernsUnitId() {
            return unitId.value();
        }

        @Override
        public String concernsCampaignId() {
            return campaignId.value();
        }
    }
}
