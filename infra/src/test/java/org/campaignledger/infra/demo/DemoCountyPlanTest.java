package org.campaignledger.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The full-scale plan sums to the anchors of DOMAIN §8.1/§8.2, and one seed always gives the same commands. */
class DemoCountyPlanTest {

    @Test
    void the_full_scale_county_sums_to_the_anchors() {
        DemoCounty.Totals totals = new DemoCounty(DemoCountyGenerator.DEFAULT_SEED, 1.0, false).totals();

        assertThat(totals.partyOrganisations()).isEqualTo(920);
        assertThat(totals.countyBodies()).isEqualTo(4);
        assertThat(totals.participations()).isEqualTo(729);
        assertThat(totals.dlmParticipations()).isEqualTo(98);
        assertThat(totals.dlmLeaders()).isEqualTo(558);
        assertThat(totals.partyMembers()).isEqualTo(16_200);
        assertThat(totals.opinions()).isEqualTo(18_969);
        assertThat(totals.supervisionGroups()).isEqualTo(14);
    }

    @Test
    void members_become_persons_only_when_asked() {
        int without = new DemoCounty(DemoCountyGenerator.DEFAULT_SEED, 1.0, false).totals().persons();
        int with = new DemoCounty(DemoCountyGenerator.DEFAULT_SEED, 1.0, true).totals().persons();

        assertThat(with - without).isEqualTo(16_200);
    }

    @Test
    void the_same_seed_sends_the_same_command_ids_and_another_seed_does_not() {
        assertThat(commandIds(7L)).isEqualTo(commandIds(7L)).isNotEqualTo(commandIds(8L));
    }

    private static List<String> commandIds(long seed) {
        return new DemoCounty(seed, 0.05, false).phases().stream()
                .flatMap(phase -> phase.lanes().values().stream())
                .flatMap(List::stream)
                .map(command -> CommandSender.commandId(seed, command.type(), command.body()).toString())
                .toList();
    }
}
