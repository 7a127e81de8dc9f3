package org.campaignledger.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the KENLI_DEMO county of DOMAIN §8 (Stage 1) into a running system through its command API only,
 * then reads the totals back from the query service.
 *
 * <pre>
 * java -cp infra/target/infra-0.1.0-SNAPSHOT-exec.jar -Dloader.main=org.campaignledger.infra.demo.DemoCountyGenerator \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --scale 1.0
 * </pre>
 *
 * Options: {@code --command-url} (http://localhost:8081), {@code --query-url} (http://localhost:8082),
 * {@code --auth-url} (http://localhost:9000), {@code --scale} (1.0 = the §8 anchors), {@code --seed} (2014),
 * {@code --threads} (4), {@code --secret-suffix} (demo, the stack's demo secret), {@code --with-members}
 * (also register the 16,200 party members as persons; off by default).
 */
public final class DemoCountyGenerator {
    public static final long DEFAULT_SEED = 2014L;

    /** A phase's asynchronous effect must show within this time, or the run stops. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);

    /**
     * What was planned, what the service answered (accepted, answered from its idempotency store, rejected with
     * the rule an anomaly expects, anything else), and how long it took.
     */
    public record Result(DemoCounty.Totals planned, int accepted, int replayed, int expectedRejections,
                         List<String> unexpected, Duration elapsed) {
    }

    private final String commandUrl;
    private final String queryUrl;
    private final String authUrl;
    private final String secretSuffix;
    private final int threads;

    public DemoCountyGenerator(String commandUrl, String queryUrl, String authUrl, String secretSuffix, int threads) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.authUrl = authUrl;
        this.secretSuffix = secretSuffix;
        this.threads = threads;
    }

    public Result generate(long seed, double scale, boolean withMembers, PrintStream log) {
        long started = System.nanoTime();
        DemoCounty county = new DemoCounty(seed, scale, withMembers);
        try (CommandSender sender = new CommandSender(commandUrl, authUrl, secretSuffix, seed, threads)) {
            BusinessClock clock = new BusinessClock(sender);
            LocalDate lastDay = null;
            for (Phase phase : county.phases()) {
                long phaseStart = System.nanoTime();
                clock.advanceTo(phase.firstBusinessDate());
                lastDay = phase.lastBusinessDate() == null || lastDay != null && lastDay.isAfter(
                        phase.lastBusinessDate()) ? lastDay : phase.lastBusinessDate();
                sender.send(phase);
                log.printf("%-40s %6d commands %7.1f s%n", phase.name(), phase.size(),
                        (System.nanoTime() - phaseStart) / 1e9);
                if (!sender.unexpected().isEmpty()) {
                    break; // later phases build on this one
                }
                if (phase.awaitedGate() != null) {
                    awaitGate(sender, phase.awaitedGate(), county.totals().participations());
                }
            }
            if (sender.unexpected().isEmpty() && lastDay != null) {
                clock.advanceTo(lastDay.plusDays(1));
            }
            return new Result(county.totals(), sender.accepted(), sender.replayed(), sender.expectedRejections(),
                    sender.unexpected(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The command service's simulated clock (docs/adr/0009), moved to the start of each phase's first business day
     * so that deadlines fire in business time, in order, between phases. The county lives in 2014: on the system
     * clock every 2014 deadline would fire the moment it is scheduled, so the generator refuses to run there.
     */
    private final class BusinessClock {
        private final CommandSender sender;
        private Instant now;

        BusinessClock(CommandSender sender) {
            this.sender = sender;
            JsonNode clock = sender.get(commandUrl + "/api/clock");
            if (!"simulated".equals(clock.path("mode").asText())) {
                throw new IllegalStateException("the command service runs on the system clock; the demo county "
                        + "needs the simulated clock (LEDGER_CLOCK_MODE=simulated, the default of ./run.sh)");
            }
            now = Instant.parse(clock.path("now").asText());
        }

        void advanceTo(LocalDate day) {
            Instant target = day == null ? null : day.atStartOfDay(Command.COUNTY_ZONE).toInstant();
            if (target != null && target.isAfter(now)) {
                now = Instant.parse(sender.post(commandUrl + "/api/clock/advance", Map.of("to", target.toString()),
                        Command.CLOCK_KEEPER).path("now").asText());
            }
        }
    }

    /**
     * Waits until every participation of the campaign holds {@code gateFact}, as the query service shows it:
     * the read model follows the command side, so what it shows the next command will find.
     */
    private void awaitGate(CommandSender sender, String gateFact, int participations) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        int satisfied = 0;
        while (System.nanoTime() < deadline) {
            satisfied = 0;
            for (int page = 0; page * 500 < participations; page++) {
                JsonNode items = sender.get(queryUrl + "/api/participations?size=500&page=" + page + "&campaignId="
                        + DemoCounty.CAMPAIGN).get("items");
                for (JsonNode item : items) {
                    satisfied += item.path("gates").path(gateFact).path("satisfied").asBoolean() ? 1 : 0;
                }
            }
            if (satisfied == participations) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(gateFact + " holds for " + satisfied + " of " + participations
                + " participations after " + SETTLE_TIMEOUT);
    }

    /** The totals the read models hold now, for the summary: units, participations in Stage 1, opinions. */
    public static Map<String, Object> readBack(String queryUrl, String authUrl, String secretSuffix) {
        try (CommandSender reader = new CommandSender(queryUrl, authUrl, secretSuffix, 0, 1)) {
            Map<String, Object> totals = new LinkedHashMap<>();
            totals.put("unitsUnderCounty", reader.get(queryUrl + "/api/units?size=1&ancestorId=" + DemoCounty.COUNTY)
                    .get("total").asInt());
            totals.put("participationsInStage1", reader.get(queryUrl + "/api/participations?size=1&campaignId="
                    + DemoCounty.CAMPAIGN + "&state=STAGE_1").get("total").asInt());
            JsonNode opinions = reader.get(queryUrl + "/api/units/" + DemoCounty.COUNTY + "/opinion-stats")
                    .get("totals");
            totals.put("opinionsReceived", opinions.get("received").asInt());
            totals.put("opinionsUnique", opinions.get("unique").asInt());
            totals.put("opinionsClassified", opinions.get("classified").asInt());
            totals.put("opinionsRouted", opinions.get("routed").asInt());
            totals.put("opinionsAddressed", opinions.get("addressed").asInt());
            return totals;
        }
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("command-url", "http://localhost:8081",
                "query-url", "http://localhost:8082", "auth-url", "http://localhost:9000", "scale", "1.0",
                "seed", Long.toString(DEFAULT_SEED), "threads", "4", "secret-suffix", "demo"));
        boolean withMembers = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (name.equals("with-members")) {
                withMembers = true;
            } else if (options.containsKey(name) && i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                System.err.println("unknown or incomplete option " + args[i] + "; options: " + options.keySet()
                        + " and --with-members");
                System.exit(2);
            }
        }
        DemoCountyGenerator generator = new DemoCountyGenerator(options.get("command-url"), options.get("query-url"),
                options.get("auth-url"), options.get("secret-suffix"), Integer.parseInt(options.get("threads")));
        Result result = generator.generate(Long.parseLong(options.get("seed")),
                Double.parseDouble(options.get("scale")), withMembers, System.out);
        DemoCounty.Totals t = result.planned();
        System.out.printf("%nKENLI_DEMO county, scale %s, seed %s, %.1f s%n", options.get("scale"), options.get("seed"),
                result.elapsed().toMillis() / 1000.0);
        System.out.printf("  party organisations %d + %d county bodies (%d units under the county)%n",
                t.partyOrganisations(), t.countyBodies(), t.unitsUnderCounty());
        System.out.printf("  participations %d (%d DLM), roster appointments %d, persons %d, party members %d%s%n",
                t.participations(), t.dlmParticipations(), t.rosterAppointments(), t.persons(), t.partyMembers(),
                withMembers ? " (registered)" : " (a count per unit, not registered)");
        System.out.printf("  supervision groups %d, guidance groups %d (over %d units), implementation plans approved %d%n",
                t.supervisionGroups(), t.guidanceGroups(), t.guidedUnits(), t.plansApproved());
        System.out.printf("  opinions %d (%d pre-campaign, %d in Stage 1; %d merged as duplicates); Stage 1: routed %d, "
                        + "explained %d, escalated %d, referred %d%n", t.opinions(), t.preCampaignOpinions(),
                t.stage1Opinions(), t.duplicates(), t.routed(), t.explained(), t.escalated(), t.referred());
        System.out.printf("  anomalies: %d early Stage-1 starts under a stagger exception, %d weak-and-lax villages%n",
                t.staggerExceptions(), t.weakAndLax());
        System.out.printf("  commands %d: accepted %d, already stored %d, rejected as expected %d (of %d planned), "
                        + "unexpected %d%n", t.commands(), result.accepted(), result.replayed(),
                result.expectedRejections(), t.expectedRejections(), result.unexpected().size());
        result.unexpected().stream().limit(20).forEach(r -> System.out.println("  unexpected: " + r));
        System.out.println("  read models now: " + readBack(options.get("query-url"), options.get("auth-url"),
                options.get("secret-suffix")) + " (they follow through Kafka; repeat the query if behind)");
        System.exit(result.unexpected().isEmpty() ? 0 : 1);
    }
}
