package org.campaignledger.query.participation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.LocalDate;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.campaignledger.query.access.ReadRole;
import org.campaignledger.query.access.RoleSource;
import org.campaignledger.query.platform.ReadModelIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** From rm_unit_progress: the office head of a unit's leading group is its office staff once the group is formed. */
@Component
public class UnitOfficeRoles implements RoleSource {
    private final MongoTemplate mongo;

    public UnitOfficeRoles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexes() {
        ReadModelIndexes.ensure(mongo, UnitProgressProjection.COLLECTION,
                Indexes.ascending("leadingGroup.officeHeadPersonId"));
    }

    @Override
    public void grant(String person, LocalDate today, BiConsumer<ReadRole, String> roleInUnit) {
        mongo.getCollection(UnitProgressProjection.COLLECTION).find(Filters.and(
                        Filters.eq("leadingGroup.officeHeadPersonId", person),
                        Filters.lte("leadingGroup.formedOn", today.toString())))
                .projection(new Document("unitId", 1))
                .forEach(doc -> roleInUnit.accept(ReadRole.UNIT_OFFICE_STAFF, doc.getString("unitId")));
    }
}
