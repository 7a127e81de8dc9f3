package org.campaignledger.query.organisation;

import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMemberAppointed;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMembershipEnded;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitDissolved;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitMerged;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitRegistered;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.stereotype.Component;

/**
 * {@code rm_roster}: one document per unit with every roster membership it ever had, so the roster can be
 * read as of any date (R-ORG-04). Both ends are inclusive ISO dates; an open membership has no
 * {@code effectiveTo}, as on the command side.
 */
@Component
public class RosterProjection implements Projection {
    public static final String COLLECTION = "rm_roster";
    public static final String ENTRIES = "entries";
    private static final String TO = "effectiveTo";
    private static final String FROM = "effectiveFrom";

    private final ReadModels readModels;

    RosterProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void apply(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof UnitRegistered e) {
            readModels.insertOnce(COLLECTION, event, new Document("_id", e.unitId().value())
                    .append("unitId", e.unitId().value())
                    .append(ENTRIES, List.of()));
        } else if (payload instanceof RosterMemberAppointed e) {
            readModels.updateInOrder(COLLECTION, e.unitId().value(), event, Updates.push(ENTRIES,
                    new Document("personId", e.personId().value())
                            .append("position", e.position().name())
                            .append("mainLeader", e.mainLeader())
                            .append(FROM, e.effectiveFrom().toString())
                            .append(TO, null)));
        } else if (payload instanceof RosterMembershipEnded e) {
            String to = e.effectiveTo().toString();
            String person = e.personId().value();
            endOpen(event, e.unitId(), entry -> person.equals(entry.getString("personId")) ? closed(entry, to) : entry);
        } else if (payload instanceof UnitMerged e) {
            endOpen(event, e.unitId(), entry -> closed(entry, e.effectiveDate().toString()));
        } else if (payload instanceof UnitDissolved e) {
            endOpen(event, e.unitId(), entry -> closed(entry, e.effectiveDate().toString()));
        }
    }

    /** The memberships active on {@code date}: started on or before it and not ended before it. */
    public static List<Document> activeOn(List<Document> entries, LocalDate date) {
        String day = date.toString();
        return entries.stream()
                .filter(e -> e.getString(FROM).compareTo(day) <= 0)
                .filter(e -> e.getString(TO) == null || e.getString(TO).compareTo(day) >= 0)
                .toList();
    }

    /**
     * Events of one unit arrive in order, one at a time, so reading the document first is safe; a re-delivered
     * event changes nothing through updateInOrder.
     */
    private void endOpen(LedgerEvent event, UnitId unitId, UnaryOperator<Document> change) {
        Document roster = readModels.find(COLLECTION, unitId.value());
        if (roster == null) {
            throw new IllegalStateException("roster of unit " + unitId + " changed before the unit was registered");
        }
        List<Document> entries = new ArrayList<>();
        for (Document entry : roster.getList(ENTRIES, Document.class, List.of())) {
            entries.add(entry.getString(TO) == null ? change.apply(entry) : entry);
        }
        readModels.updateInOrder(COLLECTION, unitId.value(), event, Updates.set(ENTRIES, entries));
    }

    /** Mirrors the command side: a membership that had not begun yet ends on its first day. */
    private static Document closed(Document entry, String to) {
        String from = entry.getString(FROM);
        return new Document(entry).append(TO, from.compareTo(to) > 0 ? from : to);
    }
}
