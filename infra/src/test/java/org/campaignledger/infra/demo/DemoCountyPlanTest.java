package org.campaignledger.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The full-scale plan sums to the anchors of DOMAIN §8.1/§8.2, and one seed always gives the same commands. */
class DemoCountyPlanTest {
    private static final DemoCounty FULL = new DemoCounty(DemoCountyGenerator.DEFAULT_SEED, 1.0, false);

    @Test
    void the_full_scale_county_sums_to_the_anchors() {
        DemoCounty.Totals totals = FULL.totals();

        assertThat(totals.partyOrganisations()).isEqualTo(920);
        assertThat(totals.countyBodies()).isEqualTo(4);
        assertThat(totals.participations()).isEqualTo(729);
        assertThat(totals.dlmParticipations()).isEqualTo(98);
        assertThat(totals.dlmLeaders()).isEqualTo(558);
        assertThat(totals.partyMembers()).isEqualTo(16_200);
        assertThat(totals.preCampaignOpinions()).isEqualTo(18_969);
        assertThat(totals.stage1Opinions()).isEqualTo(6_000);
        assertThat(totals.opinions()).isEqualTo(24_969);
        assertThat(totals.supervisionGroups()).isEqualTo(14);
        assertThat(totals.guidanceGroups()).isEqualTo(23);
        assertThat(totals.guidedUnits()).isEqualTo(330 + 30 + 175);
    }

    @Test
    void stage_1_opinions_follow_the_other_rates_of_section_8_4() {
        DemoCounty.Totals totals = FULL.totals();
        int unique = totals.stage1Opinions() - (int) stage1Duplicates();

        assertThat(totals.routed()).isEqualTo(unique);
        assertThat(totals.explained()).isBetween(unique * 8 / 100, unique * 12 / 100);
        assertThat(totals.escalated()).isBetween(unique * 4 / 100, unique * 6 / 100);
        assertThat(totals.referred()).isBetween(5, 35);
        assertThat(totals.duplicates()).isBetween(totals.opinions() * 7 / 100, totals.opinions() * 9 / 100);
    }

    @Test
    void every_plan_is_reviewed_by_the_units_group_and_no_gate_fact_is_credited_directly() {
        DemoCounty.Totals totals = FULL.totals();

        assertThat(totals.plansApproved()).isEqualTo(729);
        assertThat(count("ApproveDocumentStep")).isEqualTo(729);
        assertThat(count("AssignUnit")).isEqualTo(729);
        assertThat(count("CreditGateFact")).isZero();
        assertThat(FULL.phases().stream().flatMap(p -> p.lanes().values().stream()).flatMap(List::stream)
                .filter(c -> c.type().equals("ApproveDocumentStep")).map(Command::account).distinct())
                .containsExactly("sg-member");
    }

    @Test
    void the_demo_accounts_hold_their_roles_in_the_county() {
        List<Command> commands = FULL.phases().stream().flatMap(p -> p.lanes().values().stream())
                .flatMap(List::stream).toList();
        Command secretary = commands.stream().filter(c -> c.type().equals("AppointRosterMember")
                && "demo-unit-secretary".equals(c.fields().get("personId"))).findFirst().orElseThrow();
        assertThat(secretary.fields()).containsEntry("mainLeader", true);
        String town = (String) secretary.fields().get("unitId");
        assertThat(commands).anySatisfy(c -> {
            assertThat(c.type()).isEqualTo("FormUnitLeadingGroup");
            assertThat(c.fields()).containsEntry("participationId", DemoCounty.CAMPAIGN + ":2:" + town)
                    .containsEntry("officeHeadPersonId", "demo-unit-office-staff");
        });
        assertThat(commands).anySatisfy(c -> assertThat(c.fields()).containsEntry("unitId", town)
                .containsEntry("personId", "demo-leadership-member"));
        assertThat(commands).anySatisfy(c -> assertThat(c.fields()).containsEntry("personId", "demo-party-member"));
        String led = commands.stream().filter(c -> c.type().equals("FormSupervisionGroup")
                && "demo-sg-leader".equals(c.fields().get("leaderPersonId"))).map(c -> (String) c.fields().get("sgId"))
                .findFirst().orElseThrow();
        assertThat(commands).anySatisfy(c -> {
            assertThat(c.type()).isEqualTo("AssignUnit");
            assertThat(c.fields()).containsEntry("sgId", led).containsEntry("unitId", town);
        });
        assertThat(commands).anySatisfy(c -> {
            assertThat(c.type()).isEqualTo("EstablishCampaignOffice");
            assertThat(String.valueOf(c.fields().get("staffIds"))).contains("demo-office-staff");
        });
    }

    @Test
    void stage_1_anomalies_are_injected_at_the_section_8_4_rates_and_expect_their_rule() {
        DemoCounty.Totals totals = FULL.totals();

        assertThat(totals.staggerExceptions()).isEqualTo(22);
        assertThat(totals.weakAndLax()).isEqualTo(7);
        assertThat(count("GrantPolicyException")).isEqualTo(22);
        assertThat(totals.expectedRejections()).isEqualTo(22 + 7);
        assertThat(FULL.phases().stream().flatMap(p -> p.lanes().values().stream()).flatMap(List::stream)
                .filter(Command::expectsRejection).map(Command::expectedRuleId).distinct())
                .containsExactlyInAnyOrder("R-UNP-05", "R-UNP-08");
    }

    @Test
    void members_become_persons_only_when_asked() {
        int with = new DemoCounty(DemoCountyGenerator.DEFAULT_SEED, 1.0, true).totals().persons();

        assertThat(with - FULL.totals().persons()).isEqualTo(16_200);
    }

    @Test
    void the_same_seed_sends_the_same_command_ids_and_another_seed_does_not() {
        assertThat(commandIds(7L)).isEqualTo(commandIds(7L)).isNotEqualTo(commandIds(8L));
    }

    private static long count(String type) {
        return FULL.phases().stream().flatMap(p -> p.lanes().values().stream()).flatMap(List::stream)
                .filter(c -> c.type().equals(type)).count();
    }

    private static long stage1Duplicates() {
        return FULL.phases().stream().filter(p -> p.name().equals("duplicate Stage-1 opinions"))
                .mapToInt(Phase::size).sum();
    }

    private static List<String> commandIds(long seed) {
        return new DemoCounty(seed, 0.05, false).phases().stream()
                .flatMap(phase -> phase.lanes().values().stream())
                .flatMap(List::stream)
                .map(command -> CommandSender.commandId(seed, command.type(), command.body()).toString())
                .toList();
    }
}
