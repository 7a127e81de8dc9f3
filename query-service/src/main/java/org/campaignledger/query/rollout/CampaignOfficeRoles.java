package org.campaignledger.query.rollout;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.campaignledger.query.access.ReadRole;
import org.campaignledger.query.access.RoleSource;
import org.campaignledger.query.platform.ReadModelIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * From rm_rollouts: the director and staff of an open rollout's campaign office are campaign office staff, its
 * approvers campaign office approvers, in every unit of the jurisdiction (from rm_org_tree), once it is established.
 */
@Component
public class CampaignOfficeRoles implements RoleSource {
    private final MongoTemplate mongo;

    public CampaignOfficeRoles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexes() {
        ReadModelIndexes.ensure(mongo, RolloutProjection.COLLECTION, Indexes.ascending("office.directorPersonId"),
                Indexes.ascending("office.staffIds"), Indexes.ascending("office.approverIds"));
    }

    @Override
    public void grant(String person, LocalDate today, BiConsumer<ReadRole, String> roleInUnit) {
        mongo.getCollection(RolloutProjection.COLLECTION).find(Filters.and(Filters.ne("state", "CLOSED"),
                Filters.or(Filters.eq("office.directorPersonId", person), Filters.eq("office.staffIds", person),
                        Filters.eq("office.approverIds", person)))).forEach(rollout -> {
                    Document office = rollout.get("office", Document.class);
                    if (office.getString("establishedOn").compareTo(today.toString()) > 0) {
                        return;
                    }
                    Set<String> jurisdiction = subtree(rollout.getString("jurisdictionUnitId"));
                    if (person.equals(office.getString("directorPersonId"))
                            || office.getList("staffIds", String.class, List.of()).contains(person)) {
                        jurisdiction.forEach(u -> roleInUnit.accept(ReadRole.CAMPAIGN_OFFICE_STAFF, u));
                    }
                    if (office.getList("approverIds", String.class, List.of()).contains(person)) {
                        jurisdiction.forEach(u -> roleInUnit.accept(ReadRole.CAMPAIGN_OFFICE_APPROVER, u));
                    }
                });
    }

    private Set<String> subtree(String root) {
        Set<String> units = new HashSet<>(Set.of(root));
        mongo.getCollection("rm_org_tree").find(Filters.eq("ancestorIds", root)).projection(new Document("_id", 1))
                .forEach(d -> units.add(d.getString("_id")));
        return units;
    }
}
