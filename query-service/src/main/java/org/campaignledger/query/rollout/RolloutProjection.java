package org.campaignledger.query.rollout;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.rollout.DateWindow;
import org.campaignledger.kernel.rollout.RolloutEvent.CampaignOfficeEstablished;
import org.campaignledger.kernel.rollout.RolloutEvent.LeadingGroupEstablished;
import org.campaignledger.kernel.rollout.RolloutEvent.LowerLevelReportHeard;
import org.campaignledger.kernel.rollout.RolloutEvent.MobilisationConferenceHeld;
import org.campaignledger.kernel.rollout.RolloutEvent.PolicyExceptionGranted;
import org.campaignledger.kernel.rollout.RolloutEvent.PolicyOverridden;
import org.campaignledger.kernel.rollout.RolloutEvent.RolloutClosed;
import org.campaignledger.kernel.rollout.RolloutEvent.RolloutOpened;
import org.campaignledger.kernel.rollout.RolloutEvent.TierDefined;
import org.campaignledger.kernel.rollout.RolloutEvent.TypeGuidanceIssued;
import org.campaignledger.kernel.rollout.RolloutEvent;
import org.campaignledger.kernel.rollout.Stage;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.stereotype.Component;

/**
 * {@code rm_rollouts}: one document per jurisdiction rollout, with its tiers' planned windows per stage (the
 * Gantt view of DOMAIN §4.3), its office, guidance, overrides, report hearings and granted exceptions. A tier
 * defined again replaces the earlier definition (R-RLO-04).
 */
@Component
public class RolloutProjection implements Projection {
    public static final String COLLECTION = "rm_rollouts";
    private final ReadModels readModels;

    RolloutProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void apply(LedgerEvent event) {
        if (!(event.payload() instanceof RolloutEvent rolloutEvent)) {
            return;
        }
        String id = rolloutEvent.rolloutId().value();
        if (rolloutEvent instanceof RolloutOpened e) {
            readModels.insertOnce(COLLECTION, event, new Document("_id", id)
                    .append("rolloutId", id).append("campaignId", e.campaignId().value())
                    .append("batchNo", e.batchNo()).append("jurisdictionUnitId", e.jurisdictionUnitId().value())
                    .append("jurisdictionLevel", e.jurisdictionLevel().name()).append("state", "PLANNING")
                    .append("tiers", new Document()).append("typeGuidance", new Document())
                    .append("policyOverrides", new Document()).append("exceptions", new ArrayList<>())
                    .append("reportHearings", new ArrayList<>()));
            return;
        }
        Bson[] updates = updatesFor(rolloutEvent);
        if (updates.length > 0) {
            readModels.updateInOrder(COLLECTION, id, event, updates);
        }
    }

    private static Bson[] updatesFor(RolloutEvent rolloutEvent) {
        if (rolloutEvent instanceof LeadingGroupEstablished e) {
            return new Bson[] {Updates.set("leadingGroup", new Document("headPersonId", e.headPersonId().value())
                    .append("memberCount", e.memberIds().size()).append("establishedOn", e.date().toString()))};
        }
        if (rolloutEvent instanceof CampaignOfficeEstablished e) {
            return new Bson[] {Updates.set("office", new Document("directorPersonId", e.directorPersonId().value())
                    .append("staffCount", e.staffIds().size())
                    .append("staffIds", e.staffIds().stream().map(PersonId::value).sorted().toList())
                    .append("approverIds", e.approverIds().stream().map(PersonId::value).sorted().toList())
                    .append("establishedOn", e.date().toString()))};
        }
        if (rolloutEvent instanceof TierDefined e) {
            return new Bson[] {Updates.set("tiers." + e.tierNo(), tier(e))};
        }
        if (rolloutEvent instanceof TypeGuidanceIssued e) {
            return new Bson[] {Updates.set("typeGuidance." + e.unitType().name(), e.documentRef())};
        }
        if (rolloutEvent instanceof PolicyOverridden e) {
            return new Bson[] {Updates.set("policyOverrides." + e.parameter(),
                    new Document("value", e.value()).append("reason", e.reason()))};
        }
        if (rolloutEvent instanceof MobilisationConferenceHeld e) {
            return new Bson[] {Updates.set("state", "ACTIVE"), Updates.set("mobilisationDate", e.date().toString())};
        }
        if (rolloutEvent instanceof PolicyExceptionGranted e) {
            return new Bson[] {Updates.push("exceptions", new Document("exceptionId", e.exceptionId().value())
                    .append("unitId", e.unitId().value()).append("ruleId", e.ruleId())
                    .append("approvedByPersonId", e.approvedByPersonId().value())
                    .append("grantedOn", e.date().toString())
                    .append("validUntil", e.validUntil() == null ? null : e.validUntil().toString())
                    .append("reusable", e.reusable()))};
        }
        if (rolloutEvent instanceof LowerLevelReportHeard e) {
            return new Bson[] {Updates.push("reportHearings", new Document("secretaryPersonId",
                    e.secretaryPersonId().value()).append("month", e.month().toString())
                    .append("date", e.date().toString()))};
        }
        if (rolloutEvent instanceof RolloutClosed e) {
            return new Bson[] {Updates.set("state", "CLOSED"), Updates.set("closedOn", e.date().toString())};
        }
        return new Bson[0];
    }

    private static Document tier(TierDefined e) {
        Document windows = new Document();
        for (Map.Entry<Stage, DateWindow> w : new TreeMap<>(e.plannedWindows()).entrySet()) {
            windows.append(w.getKey().name(), new Document("from", w.getValue().from().toString())
                    .append("to", w.getValue().to().toString()));
        }
        return new Document("tierNo", e.tierNo())
                .append("levels", e.selector().levels().stream().map(Enum::name).sorted().toList())
                .append("unitTypes", e.selector().unitTypes().stream().map(Enum::name).sorted().toList())
                .append("plannedWindows", windows)
                .append("exceptionId", e.exceptionId() == null ? null : e.exceptionId().value());
    }
}
