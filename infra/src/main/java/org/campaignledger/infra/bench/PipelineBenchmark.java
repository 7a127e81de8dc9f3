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
 * throughput while a backlog drains (one hot statistics bucket against many, small against large: the batched
 * writes of docs/adr/0014 must not slow down as a document or the backlog grows), and AQ-1 verification of a long stream, each with its ratio to
 * what the stores alone do with the same data in the same run ({@link Baselines}). Not a test: the figures depend
 * on the machine and on whatever else runs on it, so each is printed with the load average and appended to
 * {@code docs/benchmarks.md}.
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

    /**
     * One figure with its ratio to the baseline taken in the same run ({@link Baselines}) and the conditions it was
     * taken under; {@code load} is the 1-minute load average after it.
     */
    record Row(String measure, String figure, String ratio, String conditions, double load) {
    }

    /** The baselines' figures, taken once the warm-up has put events, records and documents in every store. */
    record Floor(Baselines.Result append, Baselines.Result appendOneClient, Baselines.Result produce,
                 Baselines.Result produceOneClient, double producePipelined, double mongoOne, double mongoBulk,
                 long[] chain) {
    }

    private final Options options;
    private final ServiceProcess query;
    private final BenchClient client;
    private final ConsumerProgress progress;
    private final Baselines baselines;
    private final String kafkaBootstrapServers;
    private final List<Row> rows = new ArrayList<>();
    private Floor floor;

    private PipelineBenchmark(Options options, ServiceProcess query, BenchClient client, ConsumerProgress progress,
                              Baselines baselines, String kafkaBootstrapServers) {
        this.options = options;
        this.query = query;
        this.client = client;
        this.progress = progress;
        this.baselines = baselines;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
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
            try (ConsumerProgress progress = new ConsumerProgress(infra.endpoints().kafkaBootstrapServers());
                 Baselines baselines = new Baselines(infra.endpoints())) {
                PipelineBenchmark bench = new PipelineBenchmark(options, query, client, progress, baselines,
                        infra.endpoints().kafkaBootstrapServers());
                bench.run();
                report = bench.report(started, loadBefore, command.jvmOptions(), usage(command) + "; "
                        + usage(query) + " since its last start");
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
        String town = town("tp");
        phase("warm-up");
        warmUp(town);
        phase("baselines");
        measureBaselines();
        phase("a. command throughput");
        commandThroughput(town);
        phase("b. end-to-end lag");
        endToEndLag();
        for (int size : List.of(options.backlogSmall(), options.backlogLarge())) {
            phase("c. backlog " + size);
            backlogDrain(size, true);
            backlogDrain(size, false);
        }
        phase("d. AQ-1");
        auditVerification();
        phase("done");
    }

    private void setUp() {
        client.command("DefineCampaign", Map.of("campaignId", CAMPAIGN, "name", "Benchmark campaign",
                "theme", "Serve the people"));
        client.command("RegisterUnit", Map.of("unitId", COUNTY, "code", "BC", "name", "Benchmark County",
                "level", "COUNTY", "unitType", "LEADING_BODY", "partyOrgKind", "COMMITTEE"));
    }

    private static Map<String, Object> throughputOpinion(String town, int i) {
        return opinion("tp-" + i, town, FIRST_DAY.plusDays(i % DAYS), CHANNELS.get(i / DAYS % CHANNELS.size()));
    }

    /** The warm-up commands, projected: from then on every store holds the pipeline's data for the baselines. */
    private void warmUp(String town) {
        send(options.warmup(), i -> throughputOpinion(town, i));
        awaitReceived(town, options.warmup());
    }

    /**
     * The same work done by the stores alone (see {@link Baselines}), on the idle pipeline: appends with the
     * command clients and count, the publisher's records, a large backlog's documents, and the hops of one event.
     */
    private void measureBaselines() {
        int clients = options.clients();
        int count = options.commands();
        Baselines.Result append = baselines.jdbcAppend(count, clients);
        rows.add(new Row("baseline: raw JDBC append", perSecond(append) + " rows/s, p50 / p95 / p99 "
                + percentiles(append.latencies()) + " ms", "1", count + " OpinionRecorded rows as stored, " + clients
                + " clients, one transaction each, synchronous_commit on, into a copy of domainevententry", load()));
        Baselines.Result appendOne = baselines.jdbcAppend(Math.min(count, 200), 1);
        rows.add(new Row("baseline: raw JDBC append, 1 client", "mean " + millis(mean(appendOne.latencies(), 0,
                appendOne.latencies().length)) + " ms", "1", "as above, " + appendOne.latencies().length + " rows",
                load()));
        Baselines.Result produce = baselines.kafkaProduce(count, clients);
        rows.add(new Row("baseline: raw Kafka producer", perSecond(produce) + " records/s, p50 / p95 / p99 "
                + percentiles(produce.latencies()) + " ms", "1", count + " records of the events topic (key, value,"
                + " headers), acks=all, idempotent, " + clients + " clients each awaiting every ack", load()));
        Baselines.Result produceOne = baselines.kafkaProduce(Math.min(count, 200), 1);
        rows.add(new Row("baseline: raw Kafka producer, 1 client", "p50 / p95 " + millis(percentile(
                produceOne.latencies(), 0.50)) + " / " + millis(percentile(produceOne.latencies(), 0.95)) + " ms", "1",
                "as above, " + produceOne.latencies().length + " records, one at a time", load()));
        double pipelined = baselines.kafkaProducePipelined(count);
        rows.add(new Row("baseline: raw Kafka producer, pipelined", String.format(Locale.ROOT, "%.0f records/s",
                pipelined), "1", count + " records sent without awaiting each ack, then flushed", load()));
        int events = options.backlogLarge();
        double mongoOne = baselines.mongoOneAtATime(events);
        rows.add(new Row("baseline: raw MongoDB writes, one at a time", String.format(Locale.ROOT,
                "%.0f events/s", mongoOne), "1", events + " events' read-model documents (rm_opinions, rm_timeline,"
                + " rm_audit_index inserted, rm_opinion_stats bucket replaced), one request each", load()));
        double mongoBulk = baselines.mongoBulk(events);
        rows.add(new Row("baseline: raw MongoDB writes, bulk", String.format(Locale.ROOT, "%.0f events/s",
                mongoBulk), "1", "the same, one ordered bulkWrite per collection per 200 events", load()));
        long[] chain = baselines.rawChain(Math.max(10, options.lagProbes()));
        rows.add(new Row("baseline: raw chain p50 / p95 / max", millis(percentile(chain, 0.50)) + " / "
                + millis(percentile(chain, 0.95)) + " / " + millis(chain[chain.length - 1]) + " ms", "1",
                chain.length + " events one at a time: row committed, record acked, record consumed, document"
                        + " inserted", load()));
        floor = new Floor(append, appendOne, produce, produceOne, pipelined, mongoOne, mongoBulk, chain);
    }

    /** (a) RecordOpinion with N clients in parallel, spread over days and channels of one town. */
    private void commandThroughput(String town) {
        int clients = options.clients();
        long[] latencies = new long[options.commands()];
        long start = System.nanoTime();
        send(options.commands(), i -> throughputOpinion(town, options.warmup() + i), latencies);
        long wall = System.nanoTime() - start;
        double perSecond = options.commands() / seconds(wall);
        rows.add(new Row("a. RecordOpinion throughput", String.format(Locale.ROOT, "%.0f commands/s", perSecond),
                ratio(perSecond, floor.append().perSecond()) + " of raw append",
                options.commands() + " commands, " + clients + " clients, after " + options.warmup() + " warm-up",
                load()));
        Arrays.sort(latencies);
        rows.add(new Row("a. RecordOpinion latency p50 / p95 / p99", percentiles(latencies) + " ms",
                ratios(latencies, floor.append().latencies()) + " of raw append",
                "HTTP round trip until 201, " + clients + " clients", load()));
        long sent = System.nanoTime();
        awaitReceived(town, options.warmup() + options.commands());
        long caughtUp = System.nanoTime() - sent;
        rows.add(new Row("a. read model caught up after the last command",
                String.format(Locale.ROOT, "%.1f s", seconds(caughtUp)),
                ratio(caughtUp, percentile(floor.chain(), 0.50)) + " of the raw chain's p50",
                "rm_opinion_stats of the town shows all " + (options.warmup() + options.commands()), load()));
    }

    /** (b) One command at a time: accepted (201) until {@code GET /api/opinions/{id}} answers 200. */
    private void endToEndLag() {
        String town = town("lag");
        int warmup = Math.max(5, options.lagProbes() / 10);
        long[] lags = new long[options.lagProbes()];
        long[] toKafka = new long[options.lagProbes()];
        try (TopicArrivals arrivals = new TopicArrivals(kafkaBootstrapServers)) {
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
                long visible = System.nanoTime();
                while (arrivals.arrival(id) == null && System.nanoTime() < deadline) {
                    pause(1);
                }
                if (i >= 0) {
                    lags[i] = visible - accepted;
                    // Published before the client had read its 201 counts as no wait at all.
                    toKafka[i] = Math.max(0, arrivals.arrival(id) - accepted);
                }
            }
        }
        Arrays.sort(lags);
        Arrays.sort(toKafka);
        long overHalfSecond = Arrays.stream(lags).filter(lag -> lag > 500_000_000L).count();
        long[] chain = floor.chain();
        rows.add(new Row("b. end-to-end lag p50 / p95 / p99 / max", millis(percentile(lags, 0.50)) + " / "
                + millis(percentile(lags, 0.95)) + " / " + millis(percentile(lags, 0.99)) + " / "
                + millis(lags[lags.length - 1]) + " ms",
                ratio(percentile(lags, 0.50), percentile(chain, 0.50)) + " / "
                        + ratio(percentile(lags, 0.95), percentile(chain, 0.95)) + " / "
                        + ratio(percentile(lags, 0.99), percentile(chain, 0.99)) + " / "
                        + ratio(lags[lags.length - 1], chain[chain.length - 1]) + " of the raw chain",
                options.lagProbes() + " probes one at a time on an idle pipeline, polled every 10 ms; "
                        + overHalfSecond + " over 500 ms", load()));
        long[] produced = floor.produceOneClient().latencies();
        rows.add(new Row("b. of which 201 until in Kafka p50 / p95 / max", millis(percentile(toKafka, 0.50)) + " / "
                + millis(percentile(toKafka, 0.95)) + " / " + millis(toKafka[toKafka.length - 1]) + " ms",
                ratio(percentile(toKafka, 0.50), percentile(produced, 0.50)) + " / "
                        + ratio(percentile(toKafka, 0.95), percentile(produced, 0.95)) + " of a raw acked send",
                "the same probes: the record seen by a consumer of the benchmark's own; the rest is the query side",
                load()));
    }

    /**
     * (c) Stops query-service, records {@code size} opinions, starts it and watches its consumer group's committed
     * offsets catch up with the topic. One bucket: every opinion on the same day, channel and category, so one
     * {@code rm_opinion_stats} document takes every count; spread: days × channels, at most {@code size / 1691} per
     * document.
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
        long doneAt;
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
                doneAt = now;
                break;
            }
            if (now > deadline) {
                throw new IllegalStateException("backlog of " + backlog + " not drained after " + PATIENCE);
            }
            pause(50);
        }
        awaitReceived(town, size);
        // The group commits once per polled batch, so a small backlog shows only a few steps: no rate from one.
        boolean oneCommit = doneAt - firstAt < 200_000_000L;
        String rate = oneCommit ? "drained in one commit" : perSecond(backlog - first, doneAt - firstAt) + " events/s";
        String ratio = oneCommit ? "n/a (one commit)"
                : ratio((backlog - first) / seconds(doneAt - firstAt), floor.mongoBulk()) + " of raw bulk, "
                + ratio((backlog - first) / seconds(doneAt - firstAt), floor.mongoOne()) + " of raw one at a time";
        String halves = first * 2 >= backlog || halfAt == doneAt ? ""
                : ", 1st half " + perSecond(backlog / 2 - first, halfAt - firstAt)
                + ", 2nd half " + perSecond(backlog - backlog / 2, doneAt - halfAt);
        rows.add(new Row("c. projection, backlog " + size + ", " + layout, rate + halves, ratio,
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
        long rawAppend = mean(floor.appendOneClient().latencies(), 0, floor.appendOneClient().latencies().length);
        rows.add(new Row("d. FlagUnit latency, first / last " + edge + " of the stream",
                millis(mean(flagLatencies, 0, edge)) + " / " + millis(mean(flagLatencies, changes - edge, changes))
                        + " ms", ratio(mean(flagLatencies, 0, edge), rawAppend) + " / "
                        + ratio(mean(flagLatencies, changes - edge, changes), rawAppend) + " of a raw append (1 client)",
                "one client; the aggregate is rebuilt from its events for every command", load()));
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
        long[] raw = baselines.streamRead(unit, reads.length);
        rows.add(new Row("baseline: raw JDBC read of the stream p50 / p95", millis(percentile(raw, 0.50)) + " / "
                + millis(percentile(raw, 0.95)) + " ms", "1", "the " + options.aq1Events() + " rows of the stream below,"
                + " every column, in order, " + raw.length + " reads after 3 warm-up", load()));
        rows.add(new Row("d. AQ-1 verification of " + options.aq1Events() + " events p50 / p95",
                millis(percentile(reads, 0.50)) + " / " + millis(percentile(reads, 0.95)) + " ms",
                ratio(percentile(reads, 0.50), percentile(raw, 0.50)) + " / "
                        + ratio(percentile(reads, 0.95), percentile(raw, 0.95)) + " of the raw read",
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

    private String report(Instant started, double loadBefore, String jvmOptions, String usage) {
        StringBuilder out = new StringBuilder();
        out.append("\n## ").append(started.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))
                .append(" · commit ").append(commit()).append("\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(memory()).append(", load average before ").append(loadBefore).append(", after ")
                .append(load()).append("; run took ")
                .append(Duration.between(started, Instant.now()).toSeconds()).append(" s. Parameters: ")
                .append(options.summary()).append(". Services' JVM: `").append(jvmOptions).append("`; ").append(usage)
                .append(".\n\n")
                .append("| measure | figure | ratio to baseline | conditions | load 1m |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            out.append("| ").append(row.measure()).append(" | ").append(row.figure()).append(" | ")
                    .append(row.ratio()).append(" | ").append(row.conditions()).append(" | ").append(row.load())
                    .append(" |\n");
        }
        return out.toString();
    }

    /** How many times the baseline's figure ({@code 0.21×} for a rate, {@code 3.4×} for a latency). */
    private static String ratio(double figure, double baseline) {
        return baseline > 0 ? String.format(Locale.ROOT, "%.2f×", figure / baseline) : "n/a";
    }

    private static String ratios(long[] sorted, long[] baseline) {
        return ratio(percentile(sorted, 0.50), percentile(baseline, 0.50)) + " / "
                + ratio(percentile(sorted, 0.95), percentile(baseline, 0.95)) + " / "
                + ratio(percentile(sorted, 0.99), percentile(baseline, 0.99));
    }

    private static String percentiles(long[] sorted) {
        return millis(percentile(sorted, 0.50)) + " / " + millis(percentile(sorted, 0.95)) + " / "
                + millis(percentile(sorted, 0.99));
    }

    private static String perSecond(Baselines.Result result) {
        return String.format(Locale.ROOT, "%.0f", result.perSecond());
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

    /** CPU time and peak resident memory of a service's JVM (what JIT and collector choices trade). */
    private static String usage(ServiceProcess service) {
        return service.handle().map(p -> {
            String cpu = p.info().totalCpuDuration().map(d -> String.format(Locale.ROOT, "%.0f s CPU",
                    d.toMillis() / 1000.0)).orElse("CPU unknown");
            try (Stream<String> lines = Files.lines(Path.of("/proc/" + p.pid() + "/status"))) {
                String peak = lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
                        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB peak RSS").orElse("");
                return service.name() + " " + cpu + ", " + peak;
            } catch (IOException | RuntimeException unavailable) {
                return service.name() + " " + cpu;
            }
        }).orElse(service.name() + " stopped");
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

    /** Says which phase starts, so that a profiler can be attached to one phase (docs/perf/ingest.md). */
    private static void phase(String name) {
        System.out.println("bench: phase " + name + " at " + Instant.now());
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
