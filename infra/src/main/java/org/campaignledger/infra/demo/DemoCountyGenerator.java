package org.campaignledger.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
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

    /** What was planned, what the service answered, and how long it took. */
    public record Result(DemoCounty.Totals planned, int accepted, int replayed, List<String> rejections,
                         Duration elapsed) {
    }

    private final String commandUrl;
    private final String authUrl;
    private final String secretSuffix;
    private final int threads;

    public DemoCountyGenerator(String commandUrl, String authUrl, String secretSuffix, int threads) {
        this.commandUrl = commandUrl;
        this.authUrl = authUrl;
        this.secretSuffix = secretSuffix;
        this.threads = threads;
    }

    public Result generate(long seed, double scale, boolean withMembers, PrintStream log) {
        long started = System.nanoTime();
        DemoCounty county = new DemoCounty(seed, scale, withMembers);
        try (CommandSender sender = new CommandSender(commandUrl, authUrl, "importer",
                "importer-" + secretSuffix, seed, threads)) {
            for (Phase phase : county.phases()) {
                long phaseStart = System.nanoTime();
                sender.send(phase);
                log.printf("%-40s %6d commands %7.1f s%n", phase.name(), phase.size(),
                        (System.nanoTime() - phaseStart) / 1e9);
            }
            return new Result(county.totals(), sender.accepted(), sender.replayed(), sender.rejections(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The totals the read models hold now, for the summary: units, participations in Stage 1, opinions. */
    public static Map<String, Object> readBack(String queryUrl, String authUrl, String secretSuffix) {
        try (CommandSender reader = new CommandSender(queryUrl, authUrl, "auditor", "auditor-" + secretSuffix, 0, 1)) {
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
        DemoCountyGenerator generator = new DemoCountyGenerator(options.get("command-url"), options.get("auth-url"),
                options.get("secret-suffix"), Integer.parseInt(options.get("threads")));
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
        System.out.printf("  supervision groups %d, opinions %d (%d merged as duplicates)%n", t.supervisionGroups(),
                t.opinions(), t.duplicates());
        System.out.printf("  commands %d: accepted %d, already stored %d, rejected %d%n", t.commands(),
                result.accepted(), result.replayed(), result.rejections().size());
        result.rejections().stream().limit(20).forEach(r -> System.out.println("  rejected: " + r));
        System.out.println("  read models now: " + readBack(options.get("query-url"), options.get("auth-url"),
                options.get("secret-suffix")) + " (they follow through Kafka; repeat the query if behind)");
        System.exit(result.rejections().isEmpty() ? 0 : 1);
    }
}
