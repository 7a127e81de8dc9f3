package org.campaignledger.query.organisation;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.OrgUnitEvent.ContactPointDesignated;
import org.campaignledger.kernel.organisation.OrgUnitEvent.DepartmentHeadAppointed;
import org.campaignledger.kernel.organisation.OrgUnitEvent.PortfolioAssigned;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMemberAppointed;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMembershipEnded;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitDissolved;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReclassified;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitFlagged;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitMerged;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitRegistered;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReparented;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.stereotype.Component;

/**
 * {@code rm_org_tree} (DOMAIN §5.1): one document per unit, with its path from the root and its current
 * roster, portfolios, department heads and contact-point leaders, by person id only (no names). A move re-stamps
 * the units below the moved one too. A merge changes no path: the merged unit's children keep theirs until
 * each is moved by its own {@code UnitReparented}, which re-stamps it and what lies below it.
 */
@Component
class OrgTreeProjection implements Projection {
    static final String COLLECTION = "rm_org_tree";
    private final ReadModels readModels;
    private final AncestorPaths paths;

    OrgTreeProjection(ReadModels readModels, AncestorPaths paths) {
        this.readModels = readModels;
        this.paths = paths;
    }

    @Override
    public void apply(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof UnitRegistered e) {
            registered(event, e);
        } else if (payload instanceof UnitReparented e) {
            update(event, e.unitId(), Updates.set("parentUnitId", e.newParentUnitId().value()),
                    Updates.set("jurisdictionId", e.jurisdictionUnitId() == null ? null : e.jurisdictionUnitId().value()),
                    Updates.set("ancestorIds", e.ancestorIds().stream().map(UnitId::value).toList()),
                    Updates.set("depth", e.ancestorIds().size()));
            paths.restamp(COLLECTION, event, e, true);
        } else if (payload instanceof UnitMerged e) {
            ended(event, e.unitId(), "MERGED", e.effectiveDate().toString(),
                    Updates.set("mergedIntoUnitId", e.intoUnitId().value()));
        } else if (payload instanceof UnitReclassified e) {
            readModels.updateInOrder(COLLECTION, e.unitId().value(), event,
                    com.mongodb.client.model.Updates.set("unitType", e.newType().name()));
        } else if (payload instanceof UnitDissolved e) {
            ended(event, e.unitId(), "DISSOLVED", e.effectiveDate().toString(),
                    Updates.set("dissolutionReason", e.reason()));
        } else if (payload instanceof UnitFlagged e) {
            update(event, e.unitId(), Updates.set("flags." + e.flag().fieldName(), e.value()));
        } else if (payload instanceof RosterMemberAppointed e) {
            update(event, e.unitId(), Updates.push("roster", new Document("personId", e.personId().value())
                    .append("position", e.position().name())
                    .append("mainLeader", e.mainLeader())
                    .append("effectiveFrom", e.effectiveFrom().toString())));
        } else if (payload instanceof RosterMembershipEnded e) {
            // A member's portfolios are held while on the roster, so they leave with the member.
            update(event, e.unitId(), Updates.pull("roster", new Document("personId", e.personId().value())),
                    Updates.pull("portfolios", new Document("memberPersonId", e.personId().value())));
        } else if (payload instanceof PortfolioAssigned e) {
            replaceEntry(event, e.unitId(), "portfolios", "memberPersonId",
                    new Document("memberPersonId", e.memberPersonId().value())
                            .append("departmentUnitIds", e.departmentUnitIds().stream().map(UnitId::value).toList())
                            .append("effectiveFrom", e.effectiveFrom().toString()));
        } else if (payload instanceof DepartmentHeadAppointed e) {
            replaceEntry(event, e.unitId(), "departmentHeads", "departmentUnitId",
                    new Document("departmentUnitId", e.departmentUnitId().value())
                            .append("personId", e.personId().value())
                            .append("effectiveFrom", e.effectiveFrom().toString()));
        } else if (payload instanceof ContactPointDesignated e) {
            update(event, e.unitId(), Updates.push("contactPoints",
                    new Document("leaderPersonId", e.leaderPersonId().value())
                            .append("leaderLevel", e.leaderLevel().name())
                            .append("effectiveFrom", e.effectiveFrom().toString())));
        }
    }

    private void registered(LedgerEvent event, UnitRegistered e) {
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
                .append("roster", List.of())
                .append("portfolios", List.of())
                .append("departmentHeads", List.of())
                .append("contactPoints", List.of())
                .append("status", "ACTIVE")
                .append("registeredAt", event.recordedAt()));
    }

    /** A merged or dissolved unit has no current roster: the command side ends its memberships that day. */
    private void ended(LedgerEvent event, UnitId unitId, String status, String effectiveDate,
                       Bson detail) {
        update(event, unitId, Updates.set("status", status), Updates.set("endedOn", effectiveDate),
                Updates.set("roster", List.of()), Updates.set("portfolios", List.of()), detail);
    }

    /**
     * Replaces the entry with the same key, or adds one. Events of one unit arrive in order, one at a time, so
     * reading the document first is safe; a re-delivered event changes nothing through updateInOrder.
     */
    private void replaceEntry(LedgerEvent event, UnitId unitId, String field, String key, Document entry) {
        Document unit = readModels.find(COLLECTION, unitId.value());
        if (unit == null) {
            throw new IllegalStateException("unit " + unitId + " changed before it was registered");
        }
        List<Document> entries = new ArrayList<>(unit.getList(field, Document.class, List.of()));
        entries.removeIf(existing -> entry.get(key).equals(existing.get(key)));
        entries.add(entry);
        update(event, unitId, Updates.set(field, entries));
    }

    private void update(LedgerEvent event, UnitId unitId, Bson... updates) {
        readModels.updateInOrder(COLLECTION, unitId.value(), event, updates);
    }
}
