package org.campaignledger.command.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.supervision.domain.InMemoryRosters;
import org.campaignledger.kernel.Catalog;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.supervision.SgKind;
import org.junit.jupiter.api.Test;

/**
 * The generated authorisation matrix of issue 4: every catalogued command × every role of DOMAIN §7 × a unit in
 * the holder's scope and one outside it. Each role is held through its real domain source (roster, supervision
 * group, campaign office, grant, token), so a resolver that reads the wrong source, or a scope that leaks across
 * counties, fails here.
 */
class AuthorisationMatrixTest {
    private static final LocalDate ON = LocalDate.of(2014, 4, 1);
    private static final String IN = "town-in";
    private static final String OUT = "town-out";

    private final InMemoryDirectories units = new InMemoryDirectories()
            .unit("county-in", Level.COUNTY, UnitType.LEADING_BODY)
            .unit(IN, Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "county-in")
            .unit("county-out", Level.COUNTY, UnitType.LEADING_BODY)
            .unit(OUT, Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "county-out");
    private final InMemoryRosters rosters = new InMemoryRosters()
            .mainLeader(IN, "p-UNIT_SECRETARY", LocalDate.of(2013, 1, 1), null)
            .onRoster(IN, "p-UNIT_SECRETARY", LocalDate.of(2013, 1, 1), null)
            .onRoster(IN, "p-LEADERSHIP_MEMBER", LocalDate.of(2013, 1, 1), null)
            // a former member: the roster is read as of the command's business date
            .onRoster(IN, "p-former", LocalDate.of(2013, 1, 1), LocalDate.of(2014, 3, 1));
    private final AccessFakes fakes = new AccessFakes()
            .group("sg-1", SgKind.SUPERVISION, "county-in", IN, "p-SG_MEMBER", "p-SG_LEADER")
            .grant("p-SG_LEADER", Role.SG_LEADER, "sg-1")
            .group("gg-1", SgKind.GUIDANCE, "county-in", IN, "p-GUIDANCE_GROUP_MEMBER")
            .grant("p-CAMPAIGN_OFFICE_STAFF", Role.CAMPAIGN_OFFICE_STAFF, "county-in")
            .grant("p-CAMPAIGN_OFFICE_APPROVER", Role.CAMPAIGN_OFFICE_APPROVER, "county-in")
            .grant("p-UNIT_OFFICE_STAFF", Role.UNIT_OFFICE_STAFF, IN)
            .grant("p-PARTY_MEMBER", Role.PARTY_MEMBER, IN);
    private final AccessControl access = new AccessControl(units, rosters, fakes, fakes);

    @Test
    void everyCommandEveryRoleInAndOutOfScope() {
        int cases = 0;
        List<String> wrong = new ArrayList<>();
        for (String type : Catalog.commands().keySet()) {
            Set<Role> allowed = CommandPermissions.rolesFor(type).orElseThrow();
            for (Role role : Role.values()) {
                if (role == Role.SYSTEM) {
                    continue; // never carried by a token: checked below
                }
                for (String unit : List.of(IN, OUT)) {
                    cases++;
                    boolean expected = expected(type, allowed, role, unit.equals(IN));
                    boolean actual = allows(type, role, unit);
                    if (expected != actual) {
                        wrong.add(type + " by " + role + (unit.equals(IN) ? " in" : " out of") + " scope: expected "
                                + (expected ? "allow" : "deny"));
                    }
                }
            }
        }
        System.out.printf("authorisation matrix: %d commands x %d roles x 2 scopes = %d cases%n",
                Catalog.commands().size(), Role.values().length - 1, cases);
        assertThat(wrong).isEmpty();
        assertThat(cases).isEqualTo(Catalog.commands().size() * (Role.values().length - 1) * 2);
    }

    /** What §7 says, from the table: a scoped role counts only in its scope; secretaries sit on the roster. */
    private static boolean expected(String type, Set<Role> allowed, Role role, boolean inScope) {
        if (role == Role.AUDITOR) {
            return false;
        }
        if (CommandPermissions.needsOneTimeToken(type)) {
            return role == Role.DATA_IMPORT; // a bearer token alone is not enough for these: see below
        }
        if (role == Role.DATA_IMPORT && CommandPermissions.importable(type) || allowed.contains(Role.PUBLIC)
                || allowed.stream().anyMatch(r -> r.source() == Role.Source.STEP)) {
            return true;
        }
        Set<Role> held = EnumSet.of(role);
        if (role == Role.UNIT_SECRETARY) {
            held.add(Role.LEADERSHIP_MEMBER);
        }
        if (role == Role.SG_LEADER) {
            held.add(Role.SG_MEMBER);
        }
        boolean scoped = role.source() != Role.Source.TOKEN && role.source() != Role.Source.EVERYONE;
        return (inScope || !scoped) && held.stream().anyMatch(allowed::contains);
    }

    private boolean allows(String type, Role role, String unit) {
        List<String> tokenRoles = role.source() == Role.Source.TOKEN ? List.of(role.name()) : List.of();
        try {
            access.authorise(type, null, UnitId.of(unit), PersonId.of("p-" + role.name()), tokenRoles, ON);
            return true;
        } catch (AccessDenied denied) {
            return false;
        }
    }

    @Test
    void theEvaluationFormIsOpenToThePublicOnlyWithAOneTimeSessionToken() {
        assertThatThrownBy(() -> access.authorise("RecordEvaluationForm", null, UnitId.of(IN),
                PersonId.of("anonymous"), List.of("PUBLIC"), ON))
                .isInstanceOf(AccessDenied.class)
                .hasMessage("RecordEvaluationForm is open to the public only with a one-time session token");
        assertThat(access.authorise("RecordEvaluationForm", null, UnitId.of(IN), PersonId.of("anonymous"),
                List.of("PUBLIC"), ON, true)).containsExactly("PUBLIC");
        assertThat(access.authorise("RecordOpinion", null, UnitId.of(IN), PersonId.of("anonymous"),
                List.of("PUBLIC"), ON)).containsExactly("PUBLIC");
    }

    @Test
    void everyCatalogedCommandHasExactlyOneRowAndEveryRowACommand() {
        assertThat(CommandPermissions.commandTypes()).containsExactlyInAnyOrderElementsOf(Catalog.commands().keySet());
    }

    @Test
    void auditorsSendNothingAndTheSystemRoleCannotBeClaimedByAToken() {
        for (String type : Catalog.commands().keySet()) {
            assertThatThrownBy(() -> access.authorise(type, null, UnitId.of(IN), PersonId.of("p-auditor"),
                    List.of("AUDITOR"), ON)).as(type).isInstanceOf(AccessDenied.class);
        }
        assertThatThrownBy(() -> access.authorise("CreditGateFact", null, UnitId.of(IN), PersonId.of("p-x"),
                List.of("SYSTEM"), ON)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void theImporterCannotShredPersonalData() {
        assertThatThrownBy(() -> access.authorise("ShredPersonalData", null, UnitId.of(IN), PersonId.of("p-import"),
                List.of("DATA_IMPORT"), ON)).isInstanceOf(AccessDenied.class);
        assertThat(access.authorise("ShredPersonalData", null, UnitId.of(IN), PersonId.of("p-pii"),
                List.of("PII_OFFICER"), ON)).containsExactly("PII_OFFICER");
    }

    @Test
    void rolesAreReadAsOfTheBusinessDate() {
        assertThat(access.authorise("AcknowledgeOpinion", null, UnitId.of(IN), PersonId.of("p-former"), List.of(),
                LocalDate.of(2014, 2, 1))).containsExactly("LEADERSHIP_MEMBER");
        assertThatThrownBy(() -> access.authorise("AcknowledgeOpinion", null, UnitId.of(IN),
                PersonId.of("p-former"), List.of(), ON)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void theRefusalNamesTheRolesButNoUnitOrPerson() {
        assertThatThrownBy(() -> access.authorise("ClassifyOpinion", null, UnitId.of(OUT),
                PersonId.of("p-CAMPAIGN_OFFICE_STAFF"), List.of(), ON))
                .isInstanceOf(AccessDenied.class)
                .hasMessage("ClassifyOpinion needs one of CAMPAIGN_OFFICE_STAFF in the unit it concerns")
                .hasMessageNotContaining(OUT).hasMessageNotContaining("county");
    }

    @Test
    void theGrantingRolesAreWhatTheEnvelopeRecords() {
        assertThat(access.authorise("ClassifyOpinion", null, UnitId.of(IN), PersonId.of("p-CAMPAIGN_OFFICE_STAFF"),
                List.of(), ON)).containsExactly("CAMPAIGN_OFFICE_STAFF");
        assertThat(access.authorise("RegisterUnit", null, UnitId.of(IN), PersonId.of("p-admin"),
                List.of("SYSTEM_ADMIN", "NOT_A_ROLE"), ON)).containsExactly("SYSTEM_ADMIN");
        assertThat(access.authorise("StartStage", null, UnitId.of(IN), PersonId.of("p-import"),
                List.of("DATA_IMPORT"), ON)).containsExactly("DATA_IMPORT");
    }
}
