package org.campaignledger.command.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campaignledger.command.supervision.domain.SupervisionDirectory;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.supervision.SgKind;

/** In-memory supervision groups and access lookups for the authorisation tests. */
final class AccessFakes implements SupervisionDirectory, AccessLookups {
    private final List<Assignment> assignments = new ArrayList<>();
    private final Map<SgId, Set<PersonId>> members = new HashMap<>();
    private final Map<String, Map<PersonId, Set<Role>>> grants = new HashMap<>();
    private final Map<String, Set<UnitId>> subjects = new HashMap<>();

    AccessFakes group(String sgId, SgKind kind, String dispatchingUnitId, String assignedUnitId, String... people) {
        assignments.add(new Assignment(SgId.of(sgId), kind, UnitId.of(dispatchingUnitId), Level.COUNTY,
                UnitId.of(assignedUnitId), LocalDate.of(2014, 1, 1)));
        for (String person : people) {
            members.computeIfAbsent(SgId.of(sgId), s -> new HashSet<>()).add(PersonId.of(person));
        }
        return this;
    }

    AccessFakes grant(String personId, Role role, String scopeId) {
        grants.computeIfAbsent(scopeId, s -> new HashMap<>())
                .computeIfAbsent(PersonId.of(personId), p -> EnumSet.noneOf(Role.class)).add(role);
        return this;
    }

    AccessFakes subject(String aggregateId, String... unitIds) {
        for (String unit : unitIds) {
            subjects.computeIfAbsent(aggregateId, a -> new HashSet<>()).add(UnitId.of(unit));
        }
        return this;
    }

    @Override
    public List<Assignment> groupsAssignedTo(UnitId unitId, LocalDate on) {
        return assignments.stream().filter(a -> a.unitId().equals(unitId) && !on.isBefore(a.from())).toList();
    }

    @Override
    public List<Assignment> groupsAssignedOnOrAfter(UnitId unitId, LocalDate from) {
        return groupsAssignedTo(unitId, from);
    }

    @Override
    public boolean isMember(SgId sgId, PersonId personId, LocalDate on) {
        return members.getOrDefault(sgId, Set.of()).contains(personId);
    }

    @Override
    public List<PersonId> membersOf(SgId sgId, LocalDate on) {
        return List.copyOf(members.getOrDefault(sgId, Set.of()));
    }

    @Override
    public Set<Role> grantsAt(PersonId personId, Collection<String> scopeIds, LocalDate on) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        scopeIds.forEach(s -> roles.addAll(grants.getOrDefault(s, Map.of()).getOrDefault(personId, Set.of())));
        return roles;
    }

    @Override
    public Set<UnitId> unitsOf(String aggregateId) {
        return subjects.getOrDefault(aggregateId, Set.of());
    }
}
