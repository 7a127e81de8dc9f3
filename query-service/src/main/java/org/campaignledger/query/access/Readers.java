package org.campaignledger.query.access;

import com.mongodb.client.model.Filters;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Resolves a reader's domain roles from the read models, as of today's business date: rm_supervision_groups
 * (members and leader of a group: its units assigned today) here, the roster, unit offices and campaign offices
 * from their features' {@link RoleSource}s. Platform roles and clearances come from the token.
 * docs/adr/0012-read-access.md says why the read models and not the command side's tables.
 */
public class Readers {
    private static final String CACHE = Readers.class.getName();
    private final MongoTemplate mongo;
    private final Clock businessClock;
    private final List<RoleSource> sources;

    public Readers(MongoTemplate mongo, Clock businessClock, List<RoleSource> sources) {
        this.mongo = mongo;
        this.businessClock = businessClock;
        this.sources = List.copyOf(sources);
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
            sources.forEach(source -> source.grant(personId, today, (role, unit) -> add(units, role, unit)));
            supervision(personId, today, units);
        }
        return new Reader(personId, platform, clearances, units);
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

    private static boolean within(String from, String to, String day) {
        return from != null && from.compareTo(day) <= 0 && (to == null || to.compareTo(day) >= 0);
    }

    private static void add(Map<ReadRole, Set<String>> units, ReadRole role, String unit) {
        units.computeIfAbsent(role, r -> new HashSet<>()).add(unit);
    }
}
