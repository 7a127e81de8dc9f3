package org.campaignledger.query.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who reads: the person, their platform roles and clearances from the token, and for each domain role the units
 * in which they hold it today (a campaign office's jurisdiction already expanded to every unit below it).
 */
public record Reader(String personId, Set<ReadRole> platformRoles, Set<String> clearances,
                     Map<ReadRole, Set<String>> unitsByRole) {

    public Reader {
        platformRoles = platformRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(platformRoles));
        clearances = Set.copyOf(clearances);
        unitsByRole = Map.copyOf(unitsByRole);
    }

    /** The domain roles held in any of these units. */
    public Set<ReadRole> rolesIn(Collection<String> units) {
        Set<ReadRole> roles = EnumSet.noneOf(ReadRole.class);
        unitsByRole.forEach((role, held) -> {
            if (units.stream().anyMatch(held::contains)) {
                roles.add(role);
            }
        });
        return roles;
    }

    /** The domain roles held anywhere. */
    public Set<ReadRole> domainRoles() {
        Set<ReadRole> roles = EnumSet.noneOf(ReadRole.class);
        unitsByRole.forEach((role, held) -> {
            if (!held.isEmpty()) {
                roles.add(role);
            }
        });
        return roles;
    }

    /** Every unit in which the reader holds one of these roles. */
    public Set<String> unitsHolding(Set<ReadRole> roles) {
        Set<String> units = new HashSet<>();
        unitsByRole.forEach((role, held) -> {
            if (roles.contains(role)) {
                units.addAll(held);
            }
        });
        return units;
    }

    public Set<DataClass> audienceOf(Set<ReadRole> roles) {
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        roles.forEach(role -> classes.addAll(role.audience(clearances)));
        return classes;
    }
}
