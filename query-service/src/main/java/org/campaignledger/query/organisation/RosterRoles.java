package org.campaignledger.query.organisation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.campaignledger.query.access.ReadRole;
import org.campaignledger.query.access.RoleSource;
import org.campaignledger.query.platform.ReadModelIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** From rm_roster: the main leader is the unit's secretary, everyone on the roster a leadership member. */
@Component
public class RosterRoles implements RoleSource {
    private final MongoTemplate mongo;

    public RosterRoles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexes() {
        ReadModelIndexes.ensure(mongo, RosterProjection.COLLECTION, Indexes.ascending("entries.personId"));
    }

    @Override
    public void grant(String person, LocalDate today, BiConsumer<ReadRole, String> roleInUnit) {
        mongo.getCollection(RosterProjection.COLLECTION).find(Filters.eq("entries.personId", person)).forEach(doc -> {
            List<Document> own = RosterProjection.activeOn(doc.getList(RosterProjection.ENTRIES, Document.class,
                    List.of()), today).stream().filter(e -> person.equals(e.getString("personId"))).toList();
            String unit = doc.getString("unitId");
            if (!own.isEmpty()) {
                roleInUnit.accept(ReadRole.LEADERSHIP_MEMBER, unit);
            }
            if (own.stream().anyMatch(e -> Boolean.TRUE.equals(e.getBoolean("mainLeader")))) {
                roleInUnit.accept(ReadRole.UNIT_SECRETARY, unit);
            }
        });
    }
}
