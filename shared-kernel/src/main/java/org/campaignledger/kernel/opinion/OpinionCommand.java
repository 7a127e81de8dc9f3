package org.campaignledger.kernel.opinion;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.kernel.command.CreationCommand;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.OpinionId;
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
}
