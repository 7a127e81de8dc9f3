package org.campaignledger.query.access;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupDisbanded;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupFormed;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupMemberAdded;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupMemberRemoved;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.UnitAssignedToSupervisionGroup;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.UnitUnassignedFromSupervisionGroup;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.platform.ReadModelIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code rm_supervision_groups}: per supervision or guidance group its kind, leader, and the dated memberships and
 * unit assignments, so that read access can tell who supervises which unit today (no other read model holds SG
 * members). Dates are inclusive; an open membership or assignment has no {@code to}.
 */
@Component
class SupervisionGroupProjection implements Projection {
    static final String COLLECTION = "rm_supervision_groups";
    private static final String MEMBERS = "members";
    private static final String UNITS = "units";

    private final ReadModels readModels;
    private final MongoTemplate mongo;

    SupervisionGroupProjection(ReadModels readModels, MongoTemplate mongo) {
        this.readModels = readModels;
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexes() {
        ReadModelIndexes.ensure(mongo, COLLECTION, Indexes.ascending("members.personId"),
                Indexes.ascending("leaderPersonId"));
    }

    @Override
    public void apply(LedgerEvent event) {
        if (!(event.payload() instanceof SupervisionGroupEvent e)) {
            return;
        }
        String id = e.sgId().value();
        if (e instanceof SupervisionGroupFormed f) {
            String from = f.date().toString();
            readModels.insertOnce(COLLECTION, event, new Document("_id", id).append("sgId", id)
                    .append("kind", f.kind().name()).append("dispatchingUnitId", f.dispatchingUnitId().value())
                    .append("leaderPersonId", f.leaderPersonId() == null ? null : f.leaderPersonId().value())
                    .append("formedOn", from).append("disbandedOn", null)
                    .append(MEMBERS, f.members().stream().map(m -> dated("personId", m.personId().value(), from))
                            .toList())
                    .append(UNITS, List.of()));
        } else if (e instanceof SupervisionGroupMemberAdded a) {
            readModels.updateInOrder(COLLECTION, id, event,
                    Updates.push(MEMBERS, dated("personId", a.personId().value(), a.date().toString())));
        } else if (e instanceof SupervisionGroupMemberRemoved r) {
            end(event, id, MEMBERS, "personId", r.personId().value(), r.date().toString());
        } else if (e instanceof UnitAssignedToSupervisionGroup a) {
            readModels.updateInOrder(COLLECTION, id, event,
                    Updates.push(UNITS, dated("unitId", a.unitId().value(), a.from().toString())));
        } else if (e instanceof UnitUnassignedFromSupervisionGroup u) {
            end(event, id, UNITS, "unitId", u.unitId().value(), u.to().toString());
        } else if (e instanceof SupervisionGroupDisbanded d) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.set("disbandedOn", d.date().toString()));
        }
    }

    private static Document dated(String key, String value, String from) {
        return new Document(key, value).append("from", from).append("to", null);
    }

    /** Events of one group arrive in order, so reading the document first is safe (as in rm_roster). */
    private void end(LedgerEvent event, String id, String list, String key, String value, String to) {
        Document group = readModels.find(COLLECTION, id);
        if (group == null) {
            throw new IllegalStateException("supervision group " + id + " changed before it was formed");
        }
        List<Document> entries = new ArrayList<>();
        for (Document entry : group.getList(list, Document.class, List.of())) {
            boolean open = entry.getString("to") == null && value.equals(entry.getString(key));
            entries.add(open ? new Document(entry).append("to", to) : entry);
        }
        readModels.updateInOrder(COLLECTION, id, event, Updates.set(list, entries));
    }
}
