package org.campaignledger.query.campaign;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import org.bson.Document;
import org.campaignledger.kernel.campaign.CampaignEvent;
import org.campaignledger.kernel.campaign.CampaignEvent.BatchDefined;
import org.campaignledger.kernel.campaign.CampaignEvent.CampaignDefined;
import org.campaignledger.kernel.campaign.CampaignEvent.CampaignStarted;
import org.campaignledger.kernel.campaign.CampaignEvent.PolicyProfileAdopted;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.stereotype.Component;

/** {@code rm_campaigns}: one document per campaign with its batches and the policy in force. */
@Component
public class CampaignProjection implements Projection {
    public static final String COLLECTION = "rm_campaigns";
    private final ReadModels readModels;

    CampaignProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void apply(LedgerEvent event) {
        if (!(event.payload() instanceof CampaignEvent campaignEvent)) {
            return;
        }
        String id = campaignEvent.campaignId().value();
        if (campaignEvent instanceof CampaignDefined e) {
            readModels.insertOnce(COLLECTION, event, new Document("_id", id)
                    .append("campaignId", id).append("name", e.name()).append("theme", e.theme())
                    .append("generalRequirement", e.generalRequirement()).append("state", "DEFINED")
                    .append("batches", new ArrayList<>()));
        } else if (campaignEvent instanceof BatchDefined e) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.push("batches",
                    new Document("batchNo", e.batchNo()).append("scope", e.scope())
                            .append("plannedStart", e.plannedStart().toString())
                            .append("plannedBasicCompletion", e.plannedBasicCompletion().toString())
                            .append("participatingCategories",
                                    e.participatingCategories().stream().map(Enum::name).sorted().toList())));
        } else if (campaignEvent instanceof PolicyProfileAdopted e) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.set("policy",
                    new Document("profileId", e.profileId()).append("version", e.version())
                            .append("policyVersion", e.policyVersion())
                            .append("effectiveFrom", e.effectiveFrom().toString())
                            .append("parameters", new Document(new java.util.TreeMap<String, Object>(e.parameters())))));
        } else if (campaignEvent instanceof CampaignStarted e) {
            readModels.updateInOrder(COLLECTION, id, event,
                    Updates.set("state", "RUNNING"), Updates.set("startedOn", e.date().toString()));
        }
    }
}
