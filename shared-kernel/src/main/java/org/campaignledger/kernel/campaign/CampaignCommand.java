package org.campaignledger.kernel.campaign;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.kernel.command.CreationCommand;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.organisation.UnitType;

/** Commands of the {@code Campaign} aggregate (DOMAIN §4.2). */
public sealed interface CampaignCommand extends LedgerCommand {

    record DefineCampaign(@TargetAggregateIdentifier CampaignId campaignId, String name, String theme,
                          String generalRequirement) implements CampaignCommand, CreationCommand {
        public DefineCampaign {
            InvalidCommandException.required(campaignId, "campaignId");
            InvalidCommandException.requiredText(name, "name", 200);
            InvalidCommandException.requiredText(theme, "theme", 500);
            generalRequirement = generalRequirement == null ? "" : generalRequirement;
        }
    }

    record DefineBatch(@TargetAggregateIdentifier CampaignId campaignId, int batchNo, String scope,
                       YearMonth plannedStart, YearMonth plannedBasicCompletion,
                       Set<UnitType> participatingCategories) implements CampaignCommand {
        public DefineBatch {
            InvalidCommandException.required(campaignId, "campaignId");
            if (batchNo < 1) {
                throw new InvalidCommandException("batchNo", "must be 1 or more");
            }
            InvalidCommandException.requiredText(scope, "scope", 500);
            InvalidCommandException.required(plannedStart, "plannedStart");
            InvalidCommandException.required(plannedBasicCompletion, "plannedBasicCompletion");
            if (plannedBasicCompletion.isBefore(plannedStart)) {
                throw new InvalidCommandException("plannedBasicCompletion", "must not be before plannedStart");
            }
            if (participatingCategories == null || participatingCategories.isEmpty()) {
                throw new InvalidCommandException("participatingCategories", "must name at least one unit type");
            }
            participatingCategories = Set.copyOf(participatingCategories);
        }
    }

    record AdoptPolicyProfile(@TargetAggregateIdentifier CampaignId campaignId, String profileId,
                              Map<String, String> parameters, LocalDate effectiveFrom) implements CampaignCommand {
        public AdoptPolicyProfile {
            InvalidCommandException.required(campaignId, "campaignId");
            InvalidCommandException.requiredText(profileId, "profileId", 64);
            InvalidCommandException.required(effectiveFrom, "effectiveFrom");
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }
    }

    record StartCampaign(@TargetAggregateIdentifier CampaignId campaignId, LocalDate date)
            implements CampaignCommand {
        public StartCampaign {
            InvalidCommandException.required(campaignId, "campaignId");
            InvalidCommandException.required(date, "date");
        }
    }
}
