package org.campaignledger.command.access;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.supervision.domain.SupervisionDirectory;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/**
 * The API-side check of DOMAIN §7: may this person send this command, in the units it concerns, on this business
 * date? Answers the roles under which the command goes ahead (they are written into the events' envelope) or
 * throws {@link AccessDenied}.
 */
public class AccessControl {
    private final CommandScope scope;
    private final RoleResolver resolver;

    public AccessControl(UnitDirectory units, RosterDirectory rosters, SupervisionDirectory supervision,
                         AccessLookups lookups) {
        this.scope = new CommandScope(lookups);
        this.resolver = new RoleResolver(units, rosters, supervision, lookups);
    }

    public List<String> authorise(String commandType, LedgerCommand command, Object targetId, PersonId person,
                                  Collection<String> tokenRoles, LocalDate on) {
        return authorise(commandType, command, targetId, person, tokenRoles, on, false);
    }

    /**
     * {@code oneTimeToken}: the command comes with a one-time credential (an evaluation session's form token) that
     * the pipeline spends with it; a command that PUBLIC may send only so is refused to PUBLIC without one.
     */
    public List<String> authorise(String commandType, LedgerCommand command, Object targetId, PersonId person,
                                  Collection<String> tokenRoles, LocalDate on, boolean oneTimeToken) {
        Set<Role> allowed = CommandPermissions.rolesFor(commandType)
                .orElseThrow(() -> new AccessDenied(commandType + " is not open to any role"));
        Set<Role> fromToken = tokenRoles.stream().flatMap(r -> known(r).stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        if (fromToken.contains(Role.AUDITOR)) {
            throw new AccessDenied("an auditor's account is read-only (DOMAIN §7)");
        }
        if (fromToken.contains(Role.DATA_IMPORT) && CommandPermissions.importable(commandType)) {
            return List.of(Role.DATA_IMPORT.name());
        }
        Set<UnitId> units = scope.unitsOf(command, targetId);
        Set<Role> held = resolver.rolesOf(person, fromToken, units, on);
        Set<Role> granting = EnumSet.noneOf(Role.class);
        held.stream().filter(allowed::contains).forEach(granting::add);
        if (granting.isEmpty()) {
            // A review step's reviewer is resolved by the document's own chain (R-REV-02), right after this.
            allowed.stream().filter(r -> r.source() == Role.Source.STEP).forEach(granting::add);
        }
        if (granting.equals(Set.of(Role.PUBLIC)) && CommandPermissions.needsOneTimeToken(commandType)
                && !oneTimeToken) {
            throw new AccessDenied(commandType + " is open to the public only with a one-time session token");
        }
        if (granting.isEmpty()) {
            throw new AccessDenied(commandType + " needs one of "
                    + allowed.stream().map(Role::name).sorted().collect(Collectors.joining(", "))
                    + " in the unit it concerns");
        }
        return granting.stream().map(Role::name).toList();
    }

    private static Set<Role> known(String tokenRole) {
        try {
            return Set.of(Role.valueOf(tokenRole));
        } catch (IllegalArgumentException unknown) {
            return Set.of();
        }
    }
}
