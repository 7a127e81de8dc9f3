package org.campaignledger.command.access;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.supervision.domain.SupervisionDirectory;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.supervision.SgKind;

/**
 * The roles a person holds in a set of units on a business date, read from the domain: the roster makes the
 * secretary and the leadership members, an assigned supervision group its members, a campaign office its staff
 * and approvers anywhere below its jurisdiction. Token roles count only where the domain has no say.
 */
final class RoleResolver {
    private final UnitDirectory units;
    private final RosterDirectory rosters;
    private final SupervisionDirectory supervision;
    private final AccessLookups lookups;

    RoleResolver(UnitDirectory units, RosterDirectory rosters, SupervisionDirectory supervision,
                 AccessLookups lookups) {
        this.units = units;
        this.rosters = rosters;
        this.supervision = supervision;
        this.lookups = lookups;
    }

    Set<Role> rolesOf(PersonId person, Collection<Role> tokenRoles, Collection<UnitId> scope, LocalDate on) {
        Set<Role> roles = EnumSet.of(Role.PUBLIC);
        tokenRoles.stream().filter(r -> r.source() == Role.Source.TOKEN).forEach(roles::add);
        for (UnitId unit : scope) {
            if (rosters.mainLeaderAsOf(unit, on).filter(person::equals).isPresent()) {
                roles.add(Role.UNIT_SECRETARY);
            }
            if (rosters.isOnRoster(unit, person, on)) {
                roles.add(Role.LEADERSHIP_MEMBER);
            }
            for (SupervisionDirectory.Assignment group : supervision.groupsAssignedTo(unit, on)) {
                if (supervision.isMember(group.sgId(), person, on)) {
                    roles.add(group.kind() == SgKind.GUIDANCE ? Role.GUIDANCE_GROUP_MEMBER : Role.SG_MEMBER);
                    if (lookups.grantsAt(person, Set.of(group.sgId().value()), on).contains(Role.SG_LEADER)) {
                        roles.add(Role.SG_LEADER);
                    }
                }
            }
            Set<String> path = new LinkedHashSet<>();
            units.find(unit).ifPresentOrElse(facts -> facts.pathIncludingSelf().forEach(u -> path.add(u.value())),
                    () -> path.add(unit.value()));
            for (Role granted : lookups.grantsAt(person, path, on)) {
                boolean inherited = granted.source() == Role.Source.JURISDICTION;
                if (inherited || isOwnUnitGrant(granted) && lookups.grantsAt(person, Set.of(unit.value()), on)
                        .contains(granted)) {
                    roles.add(granted);
                }
            }
        }
        return roles;
    }

    /** Unit-level grants (party branch, leading-group office) hold in that unit only, not below it. */
    private static boolean isOwnUnitGrant(Role role) {
        return role == Role.PARTY_MEMBER || role == Role.UNIT_OFFICE_STAFF;
    }
}
