package org.campaignledger.kernel.opinion;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.person.ShreddingReason;
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

    @Revision("1")
    record OpinionClassificationCorrected(OpinionId opinionId, CampaignId campaignId, UnitId unitId,
                                          OpinionClassification oldClassification,
                                          OpinionClassification newClassification, String reason,
                                          PersonId approvedByPersonId) implements OpinionEvent {
        @Override
        public String concernsUnitId() {
            return unitId.value();
        }
    }

    @Revision("1")
    record OpinionRouted(OpinionId opinionId, OpinionTarget target, PersonId routedByPersonId)
            implements OpinionEvent {
        @Override
        public String concernsUnitId() {
            return target.unitId().value();
        }
    }

    @Revision("1")
    record OpinionCopied(OpinionId opinionId, UnitId unitId) implements OpinionEvent {
        @Override
        public String concernsUnitId() {
            return unitId.value();
        }
    }

    @Revision("1")
    record OpinionAcknowledged(OpinionId opinionId, PersonId byPersonId) implements OpinionEvent {
    }

    /** The explanation text is INTERNAL content kept in the vault; the event carries its token and digest. */
    @Revision("1")
    record OpinionExplained(OpinionId opinionId, OpinionCommand.ExplanationReason reason, String explanationRef,
                            String explanationSha256) implements OpinionEvent {
    }

    @Revision("1")
    record OpinionAddressed(OpinionId opinionId, AddressedBy by) implements OpinionEvent {
        public enum AddressedBy { PROBLEM, ITEM, EXPLANATION }
    }

    @Revision("1")
    record OpinionEscalated(OpinionId opinionId, UnitId fromUnitId, UnitId toUnitId, String reason)
            implements OpinionEvent {
        @Override
        public String concernsUnitId() {
            return toUnitId.value();
        }
    }

    /** CONFIDENTIAL (R-OPN-07): the reference number is kept in the vault; only its token travels. */
    @Revision("1")
    record OpinionReferred(OpinionId opinionId, OpinionCommand.ReferralRecipient to, String referenceRef,
                           PersonId referredByPersonId) implements OpinionEvent {
    }

    @Revision("1")
    record OpinionMergedAsDuplicate(OpinionId opinionId, OpinionId intoOpinionId, double similarity)
            implements OpinionEvent {
    }

    @Revision("1")
    record OpinionResolved(OpinionId opinionId, List<String> itemIds) implements OpinionEvent {
    }

    @Revision("1")
    record SubmitterFeedbackRecorded(OpinionId opinionId, OpinionChannel channel, LocalDate date,
                                     Boolean submitterSatisfied) implements OpinionEvent {
    }

    /** The submitter's identity is unreadable from now on; the opinion and every hash chain stay as they were. */
    @Revision("1")
    record SubmitterIdentityShredded(OpinionId opinionId, ShreddingReason reason) implements OpinionEvent {
    }

    /** Anonymous opinions close on resolution; named ones when the submitter's feedback is recorded. */
    @Revision("1")
    record OpinionClosed(OpinionId opinionId) implements OpinionEvent {
    }

    /** ADVISORY (R-OPN-10): routed but not addressed within the follow-up period. */
    @Revision("1")
    record OpinionFollowUpOverdue(OpinionId opinionId, LocalDate routedOn, LocalDate dueOn,
                                  java.time.Instant triggeredAt)
            implements OpinionEvent, org.campaignledger.kernel.command.SystemTriggered {
    }
}
