package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Predicate;
import org.campaignledger.infra.demo.DemoCounty;
import org.campaignledger.infra.demo.DemoCountyGenerator;
import org.junit.jupiter.api.Test;

/**
 * The demo county generator (DOMAIN §8, Stage 1) at 5% scale against the embedded stack: every command is
 * accepted except the injected anomalies, which are rejected with their rule; the read models hold the planned
 * totals (opinions of both batches and their follow-up, plans approved through their review, guidance groups,
 * stagger exceptions, refused starts); and a second run stores nothing new.
 */
class DemoCountyTest {
    private static final double SCALE = 0.05;
    private static final String OUR_PARTICIPATIONS = DemoCounty.CAMPAIGN + ":2:";
    private final LedgerEnvironment env = EmbeddedEnvironment.shared();
    private final LedgerClient client = new LedgerClient(env);

    @Test
    void the_demo_county_reaches_the_read_models_and_a_rerun_changes_nothing() {
        DemoCountyGenerator generator = new DemoCountyGenerator(env.commandUrl(), env.queryUrl(), env.authUrl(),
                "demo", 4);
        PrintStream log = System.out;

        DemoCountyGenerator.Result first = generator.generate(DemoCountyGenerator.DEFAULT_SEED, SCALE, false, log);

        assertThat(first.unexpected()).isEmpty();
        DemoCounty.Totals planned = first.planned();
        assertThat(planned.expectedRejections()).isEqualTo(planned.staggerExceptions() + planned.weakAndLax());
        assertThat(first.expectedRejections()).isEqualTo(planned.expectedRejections());
        // other scenarios on this stack may have registered a demo account's person: that answer counts as stored
        assertThat(first.accepted() + first.replayed()).isEqualTo(planned.commands() - planned.expectedRejections());
        assertThat(first.replayed()).isLessThanOrEqualTo(4);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(total("/api/units?size=1&ancestorId=" + DemoCounty.COUNTY))
                    .isEqualTo(planned.unitsUnderCounty());
            assertThat(total("/api/participations?size=1&campaignId=" + DemoCounty.CAMPAIGN + "&state=STAGE_1"))
                    .isEqualTo(planned.participations());
            JsonNode opinions = client.query("/api/units/" + DemoCounty.COUNTY + "/opinion-stats").body().get("totals");
            assertThat(opinions.get("received").asInt()).isEqualTo(planned.opinions());
            assertThat(opinions.get("classified").asInt()).isEqualTo(planned.opinions());
            assertThat(opinions.get("unique").asInt()).isEqualTo(planned.opinions() - planned.duplicates());
            assertThat(opinions.get("routed").asInt()).isEqualTo(planned.routed());
            assertThat(opinions.get("addressed").asInt()).isEqualTo(planned.explained());
            assertThat(opinions.get("escalated").asInt()).isEqualTo(planned.escalated());
            assertThat(opinions.get("referred").asInt()).isEqualTo(planned.referred());
            assertThat(count("/api/documents?docType=IMPLEMENTATION_PLAN&state=APPROVED",
                    doc -> doc.get("_id").asText().startsWith("kd-plan-"))).isEqualTo(planned.plansApproved());
            assertThat(count("/api/participations?campaignId=" + DemoCounty.CAMPAIGN, p -> p
                    .at("/gates/IMPLEMENTATION_PLAN_APPROVED/sourceAggregateId").asText().startsWith("kd-plan-")))
                    .isEqualTo(planned.participations());
            assertThat(client.query("/api/rollouts/rollout:" + OUR_PARTICIPATIONS + DemoCounty.COUNTY).body()
                    .get("exceptions").size()).isEqualTo(planned.staggerExceptions());
            assertThat(refused("R-UNP-08")).isEqualTo(planned.staggerExceptions());
            assertThat(refused("R-UNP-05")).isEqualTo(planned.weakAndLax());
        });
        assertGuidanceGroups(planned);
        JsonNode weak = client.query("/api/participations/" + OUR_PARTICIPATIONS + "kd-e-001").body();
        assertThat(weak.get("state").asText()).isEqualTo("STAGE_1");
        assertThat(weak.at("/gates/ORG_RECTIFICATION_DONE/satisfied").asBoolean()).isTrue();

        DemoCountyGenerator.Result again = generator.generate(DemoCountyGenerator.DEFAULT_SEED, SCALE, false, log);

        assertThat(again.unexpected()).isEmpty();
        assertThat(again.accepted()).isZero();
        assertThat(again.replayed()).isEqualTo(planned.commands() - planned.expectedRejections());
        assertThat(again.expectedRejections()).isEqualTo(planned.expectedRejections());
    }

    /** No read model lists groups yet, so each group's own stream says what it is and whom it guides. */
    private void assertGuidanceGroups(DemoCounty.Totals planned) {
        int assigned = 0;
        for (int g = 1; g <= planned.guidanceGroups(); g++) {
            JsonNode stream = client.query("/api/audit/streams/kd-gg-" + String.format("%02d", g)).body();
            assertThat(stream.at("/events/0/eventType").asText()).isEqualTo("SupervisionGroupFormed");
            assertThat(stream.at("/events/0/payload/kind").asText()).isEqualTo("GUIDANCE");
            for (JsonNode event : stream.get("events")) {
                assigned += event.get("eventType").asText().equals("UnitAssignedToSupervisionGroup") ? 1 : 0;
            }
        }
        assertThat(assigned).isEqualTo(planned.guidedUnits());
    }

    /** Our commands refused with the rule (the stack is shared, so other tests' refusals are left out). */
    private int refused(String ruleId) {
        return count("/api/audit/commands?outcome=REJECTED&ruleId=" + ruleId,
                outcome -> outcome.path("targetAggregateId").asText().startsWith(OUR_PARTICIPATIONS));
    }

    private int count(String path, Predicate<JsonNode> matching) {
        int matched = 0;
        for (int page = 0; ; page++) {
            JsonNode body = client.query(path + "&size=500&page=" + page).body();
            for (JsonNode item : body.get("items")) {
                matched += matching.test(item) ? 1 : 0;
            }
            if ((page + 1) * 500 >= body.get("total").asInt()) {
                return matched;
            }
        }
    }

    private int total(String path) {
        return client.query(path).body().get("total").asInt();
    }
}
