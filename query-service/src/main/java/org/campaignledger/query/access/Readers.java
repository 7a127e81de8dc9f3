package org.campaignledger.query.access;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.campaignledger.query.organisation.RosterProjection;
import org.campaignledger.query.platform.ReadModelIndexes;
import org.campaignledger.query.rollout.RolloutProjection;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Resolves a reader's domain roles from the read models, as of today's business date: rm_roster (main leader:
 * secretary; on the roster: leadership member), rm_unit_progress (the leading group's office head: unit office
 * staff), rm_supervision_groups (members and leader of a group: its units assigned today), rm_rollouts (campaign
 * office staff and approvers: every unit of the jurisdiction, from rm_org_tree). Platform roles and clearances
 * come from the token. docs/adr/0012-read-access.md says why the read models and not the command side's tables.
 */
public class Readers {
    private static final String CACHE = Readers.class.getName();
    private final MongoTemplate mongo;
    private final Clock businessClock;

    public Readers(MongoTemplate mongo, Clock businessClock) {
        this.mongo = mongo;
        this.businessClock = businessClock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexes() {
        ReadModelIndexes.ensure(mongo, RosterProjection.COLLECTION, Indexes.ascending("entries.personId"));
        ReadModelIndexes.ensure(mongo, "rm_unit_progress", Indexes.ascending("leadingGroup.officeHeadPersonId"));
        ReadModelIndexes.ensure(mongo, RolloutProjection.COLLECTION, Indexes.ascending("office.directorPersonId"),
                Indexes.ascending("office.staffIds"), Indexes.ascending("office.approverIds"));
    }

    /** The reader of the current request, resolved once per request. */
    public Reader current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object cached = request == null ? null : request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (cached instanceof Reader reader) {
            return reader;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        List<String> tokenRoles = auth == null ? List.of() : auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).toList();
        Reader reader = resolve(auth == null ? null : auth.getName(), tokenRoles, LocalDate.now(businessClock));
        if (request != null) {
            request.setAttribute(CACHE, reader, RequestAttributes.SCOPE_REQUEST);
        }
        return reader;
    }

    public Reader resolve(String personId, Collection<String> tokenRoles, LocalDate today) {
        Set<ReadRole> platform = EnumSet.noneOf(ReadRole.class);
        for (ReadRole role : ReadRole.values()) {
            if (role.platform() && tokenRoles.contains(role.name())) {
                platform.add(role);
            }
        }
        Set<String> clearances = new HashSet<>(tokenRoles);
        clearances.retainAll(Set.of(ReadRole.AUDITOR_CONFIDENTIAL, ReadRole.PII_ACCESS));
        Map<ReadRole, Set<String>> units = new EnumMap<>(ReadRole.class);
        if (personId != null) {
            roster(personId, today, units);
            unitOffices(personId, today, units);
            supervision(personId, today, units);
            campaignOffices(personId, today, units);
        }
        return new Reader(personId, platform, clearances, units);
    }

    private void roster(String person, LocalDate today, Map<ReadRole, Set<String>> units) {
        mongo.getCollection(RosterProjection.COLLECTION).find(Filters.eq("entries.personId", person)).forEach(doc -> {
            List<Document> own = RosterProjection.activeOn(doc.getList(RosterProjection.ENTRIES, Document.class,
                    List.of()), today).stream().filter(e -> person.equals(e.getString("personId"))).toList();
            String unit = doc.getString("unitId");
            if (!own.isEmpty()) {
                add(units, ReadRole.LEADERSHIP_MEMBER, unit);
            }
            if (own.stream().anyMatch(e -> Boolean.TRUE.equals(e.getBoolean("mainLeader")))) {
                add(units, ReadRole.UNIT_SECRETARY, unit);
            }
        });
    }

    private void unitOffices(String person, LocalDate today, Map<ReadRole, Set<String>> units) {
        mongo.getCollection("rm_unit_progress").find(Filters.and(
                        Filters.eq("leadingGroup.officeHeadPersonId", person),
                        Filters.lte("leadingGroup.formedOn", today.toString())))
                .projection(new Document("unitId", 1))
                .forEach(doc -> add(units, ReadRole.UNIT_OFFICE_STAFF, doc.getString("unitId")));
    }

    private void supervision(String person, LocalDate today, Map<ReadRole, Set<String>> units) {
        String day = today.toString();
        mongo.getCollection(SupervisionGroupProjection.COLLECTION).find(Filters.or(
                Filters.eq("members.personId", person), Filters.eq("leaderPersonId", person))).forEach(group -> {
                    if (!within(group.getString("formedOn"), group.getString("disbandedOn"), day)) {
                        return;
                    }
                    boolean leader = person.equals(group.getString("leaderPersonId"));
                    boolean member = leader || group.getList("members", Document.class, List.of()).stream()
                            .anyMatch(m -> person.equals(m.getString("personId"))
                                    && within(m.getString("from"), m.getString("to"), day));
                    if (!member) {
                        return;
                    }
                    ReadRole role = "GUIDANCE".equals(group.getString("kind"))
                            ? ReadRole.GUIDANCE_GROUP_MEMBER : ReadRole.SG_MEMBER;
                    for (Document assigned : group.getList("units", Document.class, List.of())) {
                        if (within(assigned.getString("from"), assigned.getString("to"), day)) {
                            add(units, role, assigned.getString("unitId"));
                            if (leader) {
                                add(units, ReadRole.SG_LEADER, assigned.getString("unitId"));
                            }
                        }
                    }
                });
    }

    private void campaignOffices(String person, LocalDate today, Map<ReadRole, Set<String>> units) {
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
                        jurisdiction.forEach(u -> add(units, ReadRole.CAMPAIGN_OFFICE_STAFF, u));
                    }
                    if (office.getList("approverIds", String.class, List.of()).contains(person)) {
                        jurisdiction.forEach(u -> add(units, ReadRole.CAMPAIGN_OFFICE_APPROVER, u));
                    }
                });
    }

    private Set<String> subtree(String root) {
        Set<String> units = new HashSet<>(Set.of(root));
        mongo.getCollection("rm_org_tree").find(Filters.eq("ancestorIds", root)).projection(new Document("_id", 1))
                .forEach(d -> units.add(d.getString("_id")));
        return units;
    }

    private static boolean within(String from, String to, String day) {
        return from != null && from.compareTo(day) <= 0 && (to == null || to.compareTo(day) >= 0);
    }

    private static void add(Map<ReadRole, Set<String>> units, ReadRole role, String unit) {
        units.computeIfAbsent(role, r -> new HashSet<>()).add(unit);
    }
}
