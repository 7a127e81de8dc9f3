package org.campaignledger.query.organisation;

import org.bson.Document;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitRegistered;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.stereotype.Component;

/** {@code rm_org_tree} (DOMAIN §5.1): one document per unit, with its path from the root. */
@Component
class OrgTreeProjection implements Projection {
    static final String COLLECTION = "rm_org_tree";
    private final ReadModels readModels;

    OrgTreeProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void apply(LedgerEvent event) {
        if (event.payload() instanceof UnitRegistered e) {
            readModels.insertOnce(COLLECTION, event, new Document("_id", e.unitId().value())
                    .append("unitId", e.unitId().value())
                    .append("code", e.code())
                    .append("name", e.name())
                    .append("level", e.level().name())
                    .append("unitType", e.unitType().name())
                    .append("partyOrgKind", e.partyOrgKind().name())
                    .append("parentUnitId", e.parentUnitId() == null ? null : e.parentUnitId().value())
                    .append("jurisdictionId", e.jurisdictionUnitId() == null ? null : e.jurisdictionUnitId().value())
                    .append("ancestorIds", e.ancestorIds().stream().map(UnitId::value).toList())
                    .append("depth", e.ancestorIds().size())
                    .append("flags", new Document("weakAndLax", e.flags().weakAndLax())
                            .append("backwardVillage", e.flags().backwardVillage())
                            .append("enforcement", e.flags().enforcement())
                            .append("serviceWindow", e.flags().serviceWindow())
                            .append("firstBatchParticipant", e.flags().firstBatchParticipant()))
                    .append("status", "ACTIVE")
                    .append("registeredAt", event.recordedAt()));
        }
    }
}
