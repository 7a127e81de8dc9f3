package org.campaignledger.kernel.opinion;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.kernel.command.CreationCommand;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.person.ShreddingReason;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** Commands of the {@code Opinion} aggregate (DOMAIN §4.6). */
public sealed interface OpinionCommand extends LedgerCommand {

    /** The submitter's identity and contact; it goes to the vault, never into an event (DOMAIN §3.6). */
    record SubmitterIdentity(String name, String contact) {
        public SubmitterIdentity {
            InvalidCommandException.requiredText(name, "submitterPii.name", 200);
            contact = contact == null ? "" : contact;
        }
    }

    record RecordOpinion(@TargetAggregateIdentifier OpinionId opinionId, CampaignId campaignId,
                         LocalDate receivedOn, OpinionChannel channel, OpinionMode mode,
                         SubmitterCategory submitterCategory, SubmitterIdentity submitterPii, String rawText,
                         UnitId collectedAtUnitId, String solicitationRef) implements OpinionCommand, CreationCommand {
        public RecordOpinion {
            InvalidCommandException.required(opinionId, "opinionId");
            InvalidCommandException.required(campaignId, "campaignId");
            InvalidCommandException.required(receivedOn, "receivedOn");
            InvalidCommandException.required(channel, "channel");
            InvalidCommandException.required(mode, "mode");
            submitterCategory = submitterCategory == null ? SubmitterCategory.UNKNOWN : submitterCategory;
            InvalidCommandException.requiredText(rawText, "rawText", 20_000);
            InvalidCommandException.required(collectedAtUnitId, "collectedAtUnitId");
        }
    }

    record ClassifyOpinion(@TargetAggregateIdentifier OpinionId opinionId, ProblemFamily family, FourWind fourWind,
                           VitalInterestTopic topic, String focusProblemCode) implements OpinionCommand {
        public ClassifyOpinion {
            InvalidCommandException.required(opinionId, "opinionId");
        }
    }

    /** A changed classification, approved by someone other than the person who classified it (§3.5, SoD-6). */
    record CorrectOpinionClassification(@TargetAggregateIdentifier OpinionId opinionId, ProblemFamily family,
                                        FourWind fourWind, VitalInterestTopic topic, String focusProblemCode,
                                        String reason) implements OpinionCommand {
        public CorrectOpinionClassification {
            InvalidCommandException.required(opinionId, "opinionId");
            InvalidCommandException.requiredText(reason, "reason", 2000);
        }
    }

    record RouteOpinion(@TargetAggregateIdentifier OpinionId opinionId, OpinionTarget.Level targetLevel,
                        UnitId targetUnitId, PersonId targetPersonId) implements OpinionCommand {
        public RouteOpinion {
            InvalidCommandException.required(opinionId, "opinionId");
            new OpinionTarget(targetLevel, targetUnitId, targetPersonId);
        }

        public OpinionTarget target() {
            return new OpinionTarget(targetLevel, targetUnitId, targetPersonId);
        }
    }

    record CopyOpinionTo(@TargetAggregateIdentifier OpinionId opinionId, UnitId unitId) implements OpinionCommand {
        public CopyOpinionTo {
            InvalidCommandException.required(opinionId, "opinionId");
            InvalidCommandException.required(unitId, "unitId");
        }
    }

    record AcknowledgeOpinion(@TargetAggregateIdentifier OpinionId opinionId) implements OpinionCommand {
        public AcknowledgeOpinion {
            InvalidCommandException.required(opinionId, "opinionId");
        }
    }

    enum ExplanationReason { LONG_TERM, NOT_FEASIBLE, POLICY_CONSTRAINT, MISUNDERSTANDING, OUT_OF_SCOPE }

    record ExplainOpinion(@TargetAggregateIdentifier OpinionId opinionId, ExplanationReason reason,
                          String explanationText) implements OpinionCommand {
        public ExplainOpinion {
            InvalidCommandException.required(opinionId, "opinionId");
            InvalidCommandException.required(reason, "reason");
            InvalidCommandException.requiredText(explanationText, "explanationText", 20_000);
        }
    }

    record EscalateOpinion(@TargetAggregateIdentifier OpinionId opinionId, UnitId toUnitId, String reason)
            implements OpinionCommand {
        public EscalateOpinion {
            InvalidCommandException.required(opinionId, "opinionId");
            InvalidCommandException.required(toUnitId, "toUnitId");
            InvalidCommandException.requiredText(reason, "reason", 2000);
        }
    }

    enum ReferralRecipient { DISCIPLINE_INSPECTION, PETITION_SYSTEM, OTHER_AUTHORITY }

    record ReferOpinion(@TargetAggregateIdentifier OpinionId opinionId, ReferralRecipient to, String referenceNo)
            implements OpinionCommand {
        public ReferOpinion {
            InvalidCommandException.required(opinionId, "opinionId");
            InvalidCommandException.required(to, "to");
            InvalidCommandException.requiredText(referenceNo, "referenceNo", 200);
        }
    }

    record MergeDuplicateOpinion(@TargetAggregateIdentifier OpinionId opinionId, OpinionId intoOpinionId,
                                 double similarity) implements OpinionCommand {
        public MergeDuplicateOpinion {
            InvalidCommandException.required(opinionId, "opinionId");
            InvalidCommandException.required(intoOpinionId, "intoOpinionId");
            if (!(similarity >= 0 && similarity <= 1)) {
                throw new InvalidCommandException("similarity", "must be between 0 and 1");
            }
        }
    }

    /** Sent by the traceability saga, or by the office for an opinion addressed by explanation. */
    record MarkOpinionResolved(@TargetAggregateIdentifier OpinionId opinionId) implements OpinionCommand {
        public MarkOpinionResolved {
            InvalidCommandException.required(opinionId, "opinionId");
        }
    }

    record RecordSubmitterFeedback(@TargetAggregateIdentifier OpinionId opinionId, OpinionChannel channel,
                                   LocalDate date, Boolean submitterSatisfied) implements OpinionCommand {
        public RecordSubmitterFeedback {
            InvalidCommandException.required(opinionId, "opinionId");
            InvalidCommandException.required(channel, "channel");
            InvalidCommandException.required(date, "date");
        }
    }

    /**
     * Destroys the key of the opinion's submitter identity in the vault (DOMAIN §3.6, R-OPN-02): the way to forget
     * a submitter who is no registered person, anonymous ones included. The PII officer's act.
     */
    record ShredSubmitterIdentity(@TargetAggregateIdentifier OpinionId opinionId, ShreddingReason reason)
            implements OpinionCommand {
        public ShredSubmitterIdentity {
            InvalidCommandException.required(opinionId, "opinionId");
            InvalidCommandException.required(reason, "reason");
        }
    }
}
