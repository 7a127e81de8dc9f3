package org.campaignledger.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.campaignledger.infra.EmbeddedInfrastructure;
import org.campaignledger.infra.LedgerServices;
import org.campaignledger.infra.Ports;
import org.campaignledger.infra.ServiceProcess;
import org.campaignledger.infra.StackSettings;

/**
 * Speed figures of the whole pipeline on the embedded stack (free ports, a temporary data directory, the
 * simulated clock), through HTTP only: command throughput and latency, command-to-read-model lag, projection
 * throughput while a backlog drains (one statistics bucket against many, small against large, for the
 * {@code countedEventIds} guard of docs/adr/0005), and AQ-1 verification of a long stream. Not a test: the
 * figures depend on the machine and on whatever else runs on it, so each is printed with the load average and
 * appended to {@code docs/benchmarks.md}.
 *
 * <p>Options (defaults in brackets): {@code --clients} [4], {@code --warmup} [100], {@code --commands} [500],
 * {@code --lag-probes} [30], {@code --backlog-small} [500], {@code --backlog-large} [2000],
 * {@code --aq1-events} [200], {@code --aq1-reads} [20], {@code --record} [docs/benchmarks.md], {@code --no-record}.
 */
public final class PipelineBenchmark {
    private static final LocalDate FIRST_DAY = LocalDate.of(2013, 12, 1);
    private static final int DAYS = 89;
    private static final List<String> CHANNELS = List.of("SOLICITATION_LETTER", "QUESTIONNAIRE", "HOME_VISIT", "TALK",
            "RESEARCH_VISIT", "SYMPOSIUM", "SPECIAL_SURVEY", "ONLINE_PLATFORM", "HOTLINE", "SUGGESTION_BOX",
            "LETTERS_AND_VISITS", "FACE_TO_FACE_CONSULTATION", "DEMOCRATIC_APPRAISAL", "OPEN_DAY",
            "ENTERPRISE_LIAISON", "CADRE_VILLAGE_VISIT", "SG_FEEDBACK", "INSTITUTIONAL", "GRASSROOTS_ORG_REPORT");
    private static final String CAMPAIGN = "bench-mlc";
    private static final String COUNTY = "bench-county";
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    record Options(int clients, int warmup, int commands, int lagProbes, int backlogSmall, int backlogLarge,
                   int aq1Events, int aq1Reads, Path record) {
        static Options parse(String... args) {
            Map<String, String> values = new LinkedHashMap<>(Map.of("clients", "4", "warmup", "100",
                    "commands", "500", "lag-probes", "30", "backlog-small", "500", "backlog-large", "2000",
                    "aq1-events", "200", "aq1-reads", "20", "record", "docs/benchmarks.md"));
            for (int i = 0; i < args.length; i++) {
                String name = args[i].startsWith("--") ? args[i].substring(2) : null;
                if ("no-record".equals(name)) {
                    values.put("record", "");
                } else if (name != null && values.containsKey(name) && i + 1 < args.length) {
                    values.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown option " + args[i] + "; options: --"
                            + String.join(" N, --", values.keySet()) + ", --no-record");
                }
            }
            String record = values.get("record");
            return new Options(positive(values, "clients"), positive(values, "warmup"), positive(values, "commands"),
                    positive(values, "lag-probes"), positive(values, "backlog-small"),
                    positive(values, "backlog-large"), Math.max(2, positive(values, "aq1-events")),
                    positive(values, "aq1-reads"), record.isEmpty() ? null : Path.of(record));
        }

        private static int positive(Map<String, String> values, String name) {
            int value = Integer.parseInt(values.get(name));
            if (value < 1) {
                throw new IllegalArgumentException("--" + name + " must be at least 1");
            }
            return value;
        }

        String summary() {
            return "clients " + clients + ", warm-up " + warmup + ", commands " + commands + ", lag probes " + lagProbes
                    + ", backlogs " + backlogSmall + " / " + backlogLarge + ", AQ-1 stream " + aq1Events + " events, "
                    + aq1Reads + " reads";
        }
    }

    /** One figure with the conditions it was taken under; {@code load} is the 1-minute load average after it. */
    record Row(String measure, String figure, String conditions, double load) {
    }

    private final Options options;
    private final ServiceProcess query;
    private final BenchClient client;
    private final ConsumerProgress progress;
    private final List<Row> rows = new ArrayList<>();

    private PipelineBenchmark(Options options, ServiceProcess query, BenchClient client, ConsumerProgress progress) {
        this.options = options;
        this.query = query;
        this.client = client;
        this.progress = progress;
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        Instant started = Instant.now();
        double loadBefore = load();
        StackSettings defaults = StackSettings.fromEnvironment();
        Path data = Files.createTempDirectory("ledger-bench-");
        StackSettings settings = new StackSettings(data, true, Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), defaults.demoSecret(), defaults.commandServiceJar(),
                defaults.queryServiceJar(), "simulated");
        EmbeddedInfrastructure infra = new EmbeddedInfrastructure(settings);
        ServiceProcess command = LedgerServices.commandService(infra.endpoints(), settings.commandServiceJar(),
                settings.commandPort(), data.resolve("logs/command-service.log"), Map.of("LEDGER_CLOCK_MODE", "simulated"));
        ServiceProcess query = LedgerServices.queryService(infra.endpoints(), settings.queryServiceJar(),
                settings.queryPort(), data.resolve("logs/query-service.log"));
        AtomicBoolean ok = new AtomicBoolean();
        // A hook, not a finally block: Ctrl-C must stop the services and the stack too, which are other processes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            query.stop();
            command.stop();
            infra.close();
            if (ok.get()) {
                delete(data);
            } else {
                System.err.println("bench: did not finish; data and service logs kept in " + data);
            }
        }, "bench-shutdown"));
        try {
            System.out.println("bench: starting the embedded stack in " + data + " (" + options.summary() + ")");
            infra.start();
            command.start();
            query.start();
            command.awaitHealthy(Duration.ofMinutes(3));
            query.awaitHealthy(Duration.ofMinutes(3));
            BenchClient client = new BenchClient(command.baseUrl(), query.baseUrl(), settings.authIssuer(),
                    settings.demoSecret());
            String report;
            try (ConsumerProgress progress = new ConsumerProgress(infra.endpoints().kafkaBootstrapServers())) {
                PipelineBenchmark bench = new PipelineBenchmark(options, query, client, progress);
                bench.run();
                report = bench.report(started, loadBefore);
            }
            System.out.println(report);
            if (options.record() != null) {
                Files.writeString(options.record(), report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                System.out.println("bench: appended to " + options.record());
            }
            ok.set(true);
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
        System.exit(ok.get() ? 0 : 1);
    }

    private void run() {
        setUp();
        commandThroughput();
        endToEndLag();
        for (int size : List.of(options.backlogSmall(), options.backlogLarge())) {
            backlogDrain(size, true);
            backlogDrain(size, false);
        }
        auditVerification();
    }

    private void setUp() {
        client.command("DefineCampaign", Map.of("campaignId", CAMPAIGN, "name", "Benchmark campaign",
                "theme", "Serve the people"));
        client.command("RegisterUnit", Map.of("unitId", COUNTY, "code", "BC", "name", "Benchmark County",
                "level", "COUNTY", "unitType", "LEADING_BODY", "partyOrgKind", "COMMITTEE"));
    }

    /** (a) RecordOpinion with N clients in parallel, spread over days and channels of one town. */
    private void commandThroughput() {
        String town = town("tp");
        IntFunction<Map<String, Object>> opinion = i -> opinion("tp-" + i, town, FIRST_DAY.plusDays(i % DAYS),
                CHANNELS.get(i / DAYS % CHANNELS.size()));
        send(options.warmup(), opinion);
        int clients = options.clients();
        long[] latencies = new long[options.commands()];
        long start = System.nanoTime();
        send(options.commands(), i -> opinion.apply(options.warmup() + i), latencies);
        long wall = System.nanoTime() - start;
        double perSecond = options.commands() / seconds(wall);
        rows.add(new Row("a. RecordOpinion throughput", String.format(Locale.ROOT, "%.0f commands/s", perSecond),
                options.commands() + " commands, " + clients + " clients, after " + options.warmup() + " warm-up",
                load()));
        Arrays.sort(latencies);
        rows.add(new Row("a. RecordOpinion latency p50 / p95 / p99", millis(percentile(latencies, 0.50)) + " / "
                + millis(percentile(latencies, 0.95)) + " / " + millis(percentile(latencies, 0.99)) + " ms",
                "HTTP round trip until 201, " + clients + " clients", load()));
        long sent = System.nanoTime();
        awaitReceived(town, options.warmup() + options.commands());
        rows.add(new Row("a. read model caught up after the last command",
                String.format(Locale.ROOT, "%.1f s", seconds(System.nanoTime() - sent)),
                "rm_opinion_stats of the town shows all " + (options.warmup() + options.commands()), load()));
    }

    /** (b) One command at a time: accepted (201) until {@code GET /api/opinions/{id}} answers 200. */
    private void endToEndLag() {
        String town = town("lag");
        int warmup = Math.max(5, options.lagProbes() / 10);
        long[] lags = new long[options.lagProbes()];
        for (int i = -warmup; i < options.lagProbes(); i++) {
            String id = "lag-" + (i + warmup);
            client.command("RecordOpinion", opinion(id, town, FIRST_DAY, "HOTLINE"));
            long accepted = System.nanoTime();
            long deadline = accepted + PATIENCE.toNanos();
            while (client.query("/api/opinions/" + id).status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("opinion " + id + " not in the read model after " + PATIENCE);
                }
                pause(10);
            }
            if (i >= 0) {
                lags[i] = System.nanoTime() - accepted;
            }
        }
        Arrays.sort(lags);
        long overHalfSecond = Arrays.stream(lags).filter(lag -> lag > 500_000_000L).count();
        rows.add(new Row("b. end-to-end lag p50 / p95 / max", millis(percentile(lags, 0.50)) + " / "
                + millis(percentile(lags, 0.95)) + " / " + millis(lags[lags.length - 1]) + " ms",
                options.lagProbes() + " probes one at a time on an idle pipeline, polled every 10 ms; "
                        + overHalfSecond + " over 500 ms", load()));
    }

    /**
     * (c) Stops query-service, records {@code size} opinions, starts it and watches its consumer group's committed
     * offsets catch up with the topic. One bucket: every opinion on the same day, channel and category, so one
     * {@code rm_opinion_stats} document collects all {@code size} event ids in {@code countedEventIds}; spread:
     * days × channels, at most {@code size / 1691} per document.
     */
    private void backlogDrain(int size, boolean oneBucket) {
        String layout = oneBucket ? "one bucket" : "spread";
        String town = town("bl-" + size + (oneBucket ? "-one" : "-spread"));
        int buckets = oneBucket ? 1 : Math.min(size, DAYS * CHANNELS.size());
        awaitQuiet(town);
        query.stop();
        long base = progress.committed();
        send(size, i -> opinion(town + "-" + i, town, oneBucket ? FIRST_DAY : FIRST_DAY.plusDays(i % DAYS),
                oneBucket ? "HOTLINE" : CHANNELS.get(i / DAYS % CHANNELS.size())));
        long backlog = size;
        long restarted = System.nanoTime();
        query.start();
        long firstAt = -1;
        long halfAt = -1;
        long first = 0;
        long deadline = restarted + PATIENCE.toNanos();
        while (true) {
            long done = progress.committed() - base;
            long now = System.nanoTime();
            if (done > 0 && firstAt < 0) {
                firstAt = now;
                first = done;
            }
            if (done * 2 >= backlog && halfAt < 0) {
                halfAt = now;
            }
            if (done >= backlog) {
                break;
            }
            if (now > deadline) {
                throw new IllegalStateException("backlog of " + backlog + " not drained after " + PATIENCE);
            }
            pause(50);
        }
        long doneAt = System.nanoTime();
        awaitReceived(town, size);
        // The group commits once per polled batch, so a small backlog shows only a few steps: no rate from one.
        String rate = doneAt - firstAt < 200_000_000L ? "drained in one commit"
                : perSecond(backlog - first, doneAt - firstAt) + " events/s";
        String halves = first * 2 >= backlog || halfAt == doneAt ? ""
                : ", 1st half " + perSecond(backlog / 2 - first, halfAt - firstAt)
                + ", 2nd half " + perSecond(backlog - backlog / 2, doneAt - halfAt);
        rows.add(new Row("c. projection, backlog " + size + ", " + layout, rate + halves,
                buckets + " stats document(s); first commit " + first + " events, "
                        + String.format(Locale.ROOT, "%.1f s after restart", seconds(firstAt - restarted)),
                load()));
    }

    /**
     * Waits until the town (the last event sent) is in the read models and the group has committed everything
     * the topic holds: then nothing is in flight, and each RecordOpinion sent next adds exactly one event.
     */
    private void awaitQuiet(String town) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (client.query("/api/units/" + town).status() != 200 || progress.committed() < progress.end()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("query-service did not catch up with the topic in " + PATIENCE);
            }
            pause(100);
        }
    }

    /** (d) A unit's stream of K events (registration and K-1 flag changes), then AQ-1 reads of it. */
    private void auditVerification() {
        String unit = town("aq1");
        int changes = options.aq1Events() - 1;
        long[] flagLatencies = new long[changes];
        for (int i = 0; i < changes; i++) {
            long t = System.nanoTime();
            client.command("FlagUnit", Map.of("unitId", unit, "flag", "SERVICE_WINDOW", "value", i % 2 == 0,
                    "reason", "benchmark flag change " + i));
            flagLatencies[i] = System.nanoTime() - t;
        }
        int edge = Math.min(10, changes);
        rows.add(new Row("d. FlagUnit latency, first / last " + edge + " of the stream",
                millis(mean(flagLatencies, 0, edge)) + " / " + millis(mean(flagLatencies, changes - edge, changes))
                        + " ms", "one client; the aggregate is rebuilt from its events for every command", load()));
        for (int i = 0; i < 3; i++) {
            verify(unit);
        }
        long[] reads = new long[options.aq1Reads()];
        for (int i = 0; i < reads.length; i++) {
            long t = System.nanoTime();
            verify(unit);
            reads[i] = System.nanoTime() - t;
        }
        Arrays.sort(reads);
        rows.add(new Row("d. AQ-1 verification of " + options.aq1Events() + " events p50 / p95",
                millis(percentile(reads, 0.50)) + " / " + millis(percentile(reads, 0.95)) + " ms",
                reads.length + " sequential reads after 3 warm-up, full answer (envelopes and payloads)", load()));
    }

    private void verify(String unit) {
        BenchClient.Answer answer = client.query("/api/audit/streams/" + unit);
        JsonNode body = answer.body();
        if (answer.status() != 200 || !body.at("/verdict/intact").asBoolean()
                || body.get("eventCount").asInt() != options.aq1Events()) {
            throw new IllegalStateException("AQ-1 of " + unit + " answered " + answer.status() + " " + body);
        }
    }

    private String town(String id) {
        String unitId = "bench-" + id;
        client.command("RegisterUnit", Map.of("unitId", unitId, "code", unitId.toUpperCase(Locale.ROOT),
                "name", "Town " + id, "level", "TOWNSHIP", "unitType", "TOWNSHIP_STREET", "partyOrgKind", "COMMITTEE",
                "parentUnitId", COUNTY));
        return unitId;
    }

    private static Map<String, Object> opinion(String opinionId, String unitId, LocalDate day, String channel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", UUID.randomUUID().toString());
        body.put("opinionId", opinionId);
        body.put("campaignId", CAMPAIGN);
        body.put("receivedOn", day.toString());
        body.put("channel", channel);
        body.put("mode", Map.of("naming", "ANONYMOUS", "setting", "INDIVIDUAL", "approach", "DELIVERED_TO_DOOR"));
        body.put("submitterCategory", "RESIDENT");
        body.put("submitterPii", Map.of("name", "Bench Resident", "contact", "555-0100"));
        body.put("rawText", "The permit window keeps people waiting for hours (" + opinionId + ")");
        body.put("collectedAtUnitId", unitId);
        return body;
    }

    private void send(int count, IntFunction<Map<String, Object>> body) {
        send(count, body, null);
    }

    /** Sends {@code count} RecordOpinion commands from {@code --clients} threads; latencies in ns if asked. */
    private void send(int count, IntFunction<Map<String, Object>> body, long[] latencies) {
        AtomicInteger next = new AtomicInteger();
        Callable<Void> worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                Map<String, Object> command = body.apply(i);
                long t = System.nanoTime();
                client.command("RecordOpinion", command);
                if (latencies != null) {
                    latencies[i] = System.nanoTime() - t;
                }
            }
            return null;
        };
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        try {
            List<Future<Void>> workers = pool.invokeAll(Collections.nCopies(options.clients(), worker));
            for (Future<Void> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sending failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitReceived(String town, int expected) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (receivedOrZero(town) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(town + " did not reach " + expected + " opinions in " + PATIENCE);
            }
            pause(100);
        }
    }

    /** The town's received total; 0 while query-service is still starting (refused connection or not ready). */
    private int receivedOrZero(String town) {
        try {
            BenchClient.Answer answer = client.query("/api/units/" + town + "/opinion-stats?includeDescendants=false");
            return answer.status() == 200 ? answer.body().at("/totals/received").asInt() : 0;
        } catch (IllegalStateException starting) {
            return 0;
        }
    }

    private String report(Instant started, double loadBefore) {
        StringBuilder out = new StringBuilder();
        out.append("\n## ").append(started.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))
                .append(" · commit ").append(commit()).append("\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(memory()).append(", load average before ").append(loadBefore).append(", after ")
                .append(load()).append("; run took ")
                .append(Duration.between(started, Instant.now()).toSeconds()).append(" s. Parameters: ")
                .append(options.summary()).append(".\n\n")
                .append("| measure | figure | conditions | load 1m |\n| --- | --- | --- | --- |\n");
        for (Row row : rows) {
            out.append("| ").append(row.measure()).append(" | ").append(row.figure()).append(" | ")
                    .append(row.conditions()).append(" | ").append(row.load()).append(" |\n");
        }
        return out.toString();
    }

    private static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static long mean(long[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return to > from ? sum / (to - from) : 0;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String perSecond(long events, long nanos) {
        return String.format(Locale.ROOT, "%.0f", events / seconds(nanos));
    }

    private static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB memory")
                    .orElse("memory unknown");
        } catch (IOException | RuntimeException unavailable) {
            return "memory unknown";
        }
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e);
        }
    }
}
