package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import org.campaignledger.infra.demo.DemoCounty;
import org.campaignledger.infra.demo.DemoCountyGenerator;
import org.junit.jupiter.api.Test;

/**
 * The demo county generator (DOMAIN §8, Stage 1) at 5% scale against the embedded stack: every command is
 * accepted, the read models hold the planned totals, and a second run stores nothing new.
 */
class DemoCountyTest {
    private static final double SCALE = 0.05;
    private final LedgerEnvironment env = EmbeddedEnvironment.shared();
    private final LedgerClient client = new LedgerClient(env);

    @Test
    void the_demo_county_reaches_the_read_models_and_a_rerun_changes_nothing() {
        DemoCountyGenerator generator = new DemoCountyGenerator(env.commandUrl(), env.authUrl(), "demo", 4);
        PrintStream log = System.out;

        DemoCountyGenerator.Result first = generator.generate(DemoCountyGenerator.DEFAULT_SEED, SCALE, false, log);

        assertThat(first.rejections()).isEmpty();
        DemoCounty.Totals planned = first.planned();
        assertThat(first.accepted()).isEqualTo(planned.commands());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(total("/api/units?size=1&ancestorId=" + DemoCounty.COUNTY))
                    .isEqualTo(planned.unitsUnderCounty());
            assertThat(total("/api/participations?size=1&campaignId=" + DemoCounty.CAMPAIGN + "&state=STAGE_1"))
                    .isEqualTo(planned.participations());
            JsonNode opinions = client.query("/api/units/" + DemoCounty.COUNTY + "/opinion-stats").body().get("totals");
            assertThat(opinions.get("received").asInt()).isEqualTo(planned.opinions());
            assertThat(opinions.get("classified").asInt()).isEqualTo(planned.opinions());
            assertThat(opinions.get("unique").asInt()).isEqualTo(planned.opinions() - planned.duplicates());
        });
        JsonNode weak = client.query("/api/participations/" + DemoCounty.CAMPAIGN + ":2:kd-e-001").body();
        assertThat(weak.get("state").asText()).isEqualTo("STAGE_1");
        assertThat(weak.at("/gates/ORG_RECTIFICATION_DONE/satisfied").asBoolean()).isTrue();

        DemoCountyGenerator.Result again = generator.generate(DemoCountyGenerator.DEFAULT_SEED, SCALE, false, log);

        assertThat(again.rejections()).isEmpty();
        assertThat(again.accepted()).isZero();
        assertThat(again.replayed()).isEqualTo(planned.commands());
    }

    private int total(String path) {
        return client.query(path).body().get("total").asInt();
    }
}
