package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.campaignledger.infra.LedgerServices;
import org.campaignledger.infra.Ports;
import org.campaignledger.infra.ServiceProcess;
import org.campaignledger.infra.e2e.CommandStream.Answer;
import org.campaignledger.infra.e2e.StoredEvidence.StoredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The fault suite of issue 8: crashes (SIGKILL) of the whole stack, of each service, a broker outage and a write
 * race, each followed by counting what every store holds. A command answered 2xx must have its events in
 * PostgreSQL, its outcome, its records on the event topic (duplicates allowed, ids counted distinct) and its
 * documents in every read model; a command whose answer the crash swallowed may be there or not; nothing else may.
 *
 * <p>All of it runs on one stack of its own in a child JVM ({@link ChildStack}), the crashes last: the query
 * side's comparison with a clean rebuild comes before the other faults could leave their marks on it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int QUERY_SERVICE_KILLS = 5;
    private static final int QUERY_BACKLOG = 250;

    private static ChildStack stack;
    private static StoredEvidence evidence;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void startStack() {
        stack = ChildStack.start(Path.of("target", "fault-stack").toAbsolutePath());
        evidence = new StoredEvidence(stack);
    }

    @AfterAll
    static void killStack() {
        if (evidence != null) {
            evidence.close();
        }
        if (stack != null) {
            stack.killAll();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void manyWritersWithTheSameExpectedVersionGetOneSuccess() throws Exception {
        LedgerClient client = new LedgerClient(stack);
        Place place = Place.create(client);
        String opinionId = client.command("RecordOpinion", opinion(place)).body().get("aggregateId").asText();
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<LedgerClient.Response>> answers = new ArrayList<>();
        List<String> commandIds = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String commandId = UUID.randomUUID().toString();
                commandIds.add(commandId);
                answers.add(pool.submit(() -> {
                    go.await();
                    return client.command("ClassifyOpinion", Map.of("commandId", commandId, "opinionId", opinionId,
                            "family", "LAST_MILE", "expectedVersion", 0));
                }));
            }
            go.countDown();
            Map<Integer, Integer> statuses = new HashMap<>();
            Set<String> losingRules = new HashSet<>();
            for (Future<LedgerClient.Response> answer : answers) {
                LedgerClient.Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.merge(response.status(), 1, Integer::sum);
                if (response.status() != 200) {
                    losingRules.add(response.body().path("ruleId").asText());
                }
            }
            System.out.println("[fault] same expected version, " + writers + " writers: statuses " + statuses);
            assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1, 409, writers - 1));
            assertThat(losingRules).containsExactly("R-API-VERSION");
        } finally {
            pool.shutdownNow();
        }
        assertThat(evidence.events(place.town()).stream().filter(e -> e.aggregateId().equals(opinionId)))
                .extracting(StoredEvent::sequence).containsExactly(0L, 1L);
        assertThat(evidence.outcomes(commandIds).values())
                .containsExactlyInAnyOrderElementsOf(outcomes(1, writers - 1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                evidence.documents(OpinionReads.STATS, Filters.eq("unitId", place.town())).stream()
                        .mapToLong(d -> number(d, "classified")).sum()).isEqualTo(1));
    }

    @Test
    @Order(2)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void queryServiceKilledMidBatchFiveTimesEndsEqualToACleanRebuild() {
        LedgerClient client = new LedgerClient(stack);
        Place place = Place.create(client);
        // A backlog first, so that each restart finds events waiting and is killed while it works through them;
        // then a trickle, so that commands keep arriving while it crashes.
        stack.killQueryService();
        try (CommandStream backlog = CommandStream.start(client, place.campaign(), place.town(), 25, 3)) {
            await().atMost(PATIENCE).until(() -> backlog.count(Answer.ACKNOWLEDGED) >= QUERY_BACKLOG);
            backlog.stop();
        }
        List<String> kills = new ArrayList<>();
        try (CommandStream trickle = CommandStream.start(client, place.campaign(), place.town(), 2, 1)) {
            for (int kill = 1; kill <= QUERY_SERVICE_KILLS; kill++) {
                long indexedBefore = evidence.count(OpinionReads.AUDIT_INDEX);
                stack.launchQueryService();
                await("the restarted query-service applies events").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> evidence.count(OpinionReads.AUDIT_INDEX) >= indexedBefore + 20);
                long indexed = evidence.count(OpinionReads.AUDIT_INDEX);
                long stored = evidence.eventCount();
                stack.killQueryService();
                kills.add(indexed + "/" + stored);
                assertThat(indexed).as("kill %d came after the backlog was drained", kill).isLessThan(stored);
            }
            trickle.stop();
            System.out.println("[fault] query-service kills (events indexed/stored at the kill): " + kills
                    + "; trickle during the kills: " + trickle.summary());
        }
        stack.launchQueryService();
        stack.awaitHealthy(stack.queryUrl());

        String rebuild = "rebuild_" + UUID.randomUUID().toString().substring(0, 8);
        ServiceProcess rebuilder = LedgerServices.queryService(stack.endpoints(rebuild),
                Path.of(System.getProperty("ledger.query-service.jar")), Ports.free(),
                stack.logs().resolve("query-service-" + rebuild + ".log"),
                Map.of("LEDGER_CONSUMER_GROUP", rebuild, "LEDGER_CLOCK_MODE", "simulated"));
        try {
            rebuilder.start();
            rebuilder.awaitHealthy(Duration.ofMinutes(3));
            long stored = evidence.eventCount();
            await("the rebuild indexes every event").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> evidence.count(rebuild, OpinionReads.AUDIT_INDEX) == stored);
            AtomicReference<List<String>> last = new AtomicReference<>(List.of());
            try {
                await("the read models equal the rebuild").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                        .until(() -> {
                            last.set(evidence.withReadModels(StoredEvidence.READ_MODELS, live ->
                                    evidence.withReadModels(rebuild, clean ->
                                            ReadModelComparison.differences(clean, live))));
                            return last.get().isEmpty();
                        });
            } finally {
                List<String> differences = last.get();
                System.out.println("[fault] read models after " + QUERY_SERVICE_KILLS + " kills vs. a clean rebuild: "
                        + differences.size() + " differences; audit index " + evidence.count(OpinionReads.AUDIT_INDEX)
                        + " live, " + evidence.count(rebuild, OpinionReads.AUDIT_INDEX) + " rebuilt, of " + stored
                        + " events" + differences.stream().limit(20).map(d -> "\n  " + d).collect(Collectors.joining()));
            }
        } finally {
            rebuilder.kill();
        }
    }

    @Test
    @Order(3)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theBrokerDownForThirtySecondsUnderLoadLosesNothingAndCountsNothingTwice() {
        LedgerClient client = new LedgerClient(stack);
        Place place = Place.create(client);
        try (CommandStream stream = CommandStream.start(client, place.campaign(), place.town(), 10, 2)) {
            await().atMost(PATIENCE).until(() -> stream.count(Answer.ACKNOWLEDGED) >= 30);
            stack.stopKafka();
            long beforeOutage = stream.count(Answer.ACKNOWLEDGED);
            try {
                // Commands do not wait for the broker: all through the outage they keep being acknowledged.
                await("every command acknowledged while the broker is down").during(OUTAGE)
                        .atMost(OUTAGE.plusSeconds(10))
                        .until(() -> stream.count(Answer.REFUSED) + stream.count(Answer.UNANSWERED) == 0);
            } finally {
                stack.startKafka();
            }
            long afterOutage = stream.count(Answer.ACKNOWLEDGED);
            await().atMost(PATIENCE).until(() -> stream.count(Answer.ACKNOWLEDGED) >= afterOutage + 30);
            stream.stop();
            System.out.println("[fault] broker down " + OUTAGE.toSeconds() + " s: " + (afterOutage - beforeOutage)
                    + " commands acknowledged meanwhile; " + stream.summary());
            assertThat(stream.count(Answer.REFUSED) + stream.count(Answer.UNANSWERED)).isZero();
            assertThat(afterOutage).isGreaterThan(beforeOutage);
            assertNothingLostAndNothingElse("broker outage", stream, place);
        }
    }

    @Test
    @Order(4)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void commandServiceKilledMidStreamLosesNoAcknowledgedCommand() {
        LedgerClient client = new LedgerClient(stack);
        Place place = Place.create(client);
        try (CommandStream stream = CommandStream.start(client, place.campaign(), place.town(), 20, 3)) {
            await().atMost(PATIENCE).until(() -> stream.count(Answer.ACKNOWLEDGED) >= 60);
            stack.killCommandService();
            long unansweredAtKill = stream.count(Answer.UNANSWERED);
            await().atMost(PATIENCE).until(() -> stream.count(Answer.UNANSWERED) > unansweredAtKill);
            stack.startCommandService();
            long acknowledged = stream.count(Answer.ACKNOWLEDGED);
            await().atMost(PATIENCE).until(() -> stream.count(Answer.ACKNOWLEDGED) >= acknowledged + 30);
            stream.stop();
            assertNothingLostAndNothingElse("command-service killed", stream, place);
        }
    }

    @Test
    @Order(5)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void theWholeStackKilledMidStreamLosesNoAcknowledgedCommand() {
        LedgerClient client = new LedgerClient(stack);
        Place place = Place.create(client);
        try (CommandStream stream = CommandStream.start(client, place.campaign(), place.town(), 20, 3)) {
            await().atMost(PATIENCE).until(() -> stream.count(Answer.ACKNOWLEDGED) >= 100);
            stack.killAll();
            stream.stop();
            stack.restart();
            assertNothingLostAndNothingElse("whole stack killed", stream, place);
        }
    }

    /**
     * Every command answered 2xx is in every store, each exactly once in effect; every command in a store was
     * sent and not refused. PostgreSQL is asked at once (a 2xx means durable), the topic and the read models
     * are given time to catch up.
     */
    private static void assertNothingLostAndNothingElse(String fault, CommandStream stream, Place place) {
        Set<String> sent = stream.sent();
        Set<String> acknowledged = stream.answered(Answer.ACKNOWLEDGED);
        List<StoredEvent> events = evidence.events(place.town());
        Map<String, List<StoredEvent>> byCommand = events.stream()
                .collect(Collectors.groupingBy(e -> String.valueOf(e.commandId())));
        Set<String> committed = new HashSet<>(byCommand.keySet());
        committed.removeAll(place.setUpCommands());
        Set<String> eventIds = events.stream().map(StoredEvent::eventId).collect(Collectors.toSet());
        Set<String> opinions = aggregates(events, "OpinionRecorded");
        Set<String> classified = aggregates(events, "OpinionClassified");
        Map<String, String> outcomes = evidence.outcomes(sent);

        SoftAssertions store = new SoftAssertions();
        sameIds(store, "PostgreSQL: commands with events", acknowledged, committed, sent);
        store.assertThat(intersection(committed, stream.answered(Answer.REFUSED))).as("events of refused commands")
                .isEmpty();
        store.assertThat(committed.stream().filter(c -> byCommand.get(c).size() != 1).toList())
                .as("commands with more than one event").isEmpty();
        sameIds(store, "command_outcome ACCEPTED", committed, outcomes.entrySet().stream()
                .filter(o -> o.getValue().equals("ACCEPTED")).map(Map.Entry::getKey).collect(Collectors.toSet()));
        store.assertThat(outcomes.values()).as("outcomes other than ACCEPTED").allMatch("ACCEPTED"::equals);
        System.out.println("[fault] " + fault + ": " + stream.summary() + "; " + committed.size()
                + " commands committed, " + events.size() + " events in PostgreSQL (" + opinions.size()
                + " opinions, " + classified.size() + " classified)");
        store.assertAll();

        Map<String, Integer> records = new HashMap<>();
        try {
            await("every event on the topic").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                records.clear();
                records.putAll(evidence.kafkaRecordsPerEventId(place.town()));
                SoftAssertions topic = new SoftAssertions();
                sameIds(topic, "Kafka: distinct ce_id", eventIds, records.keySet());
                topic.assertAll();
            });
        } finally {
            System.out.println("[fault] " + fault + ": " + records.values().stream().mapToInt(Integer::intValue).sum()
                    + " records on the topic for " + records.size() + " distinct event ids");
        }

        List<String> shortfall = new ArrayList<>();
        try {
            await("every event in every read model").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        SoftAssertions models = new SoftAssertions();
                        readModelsHold(models, place, eventIds, opinions, classified, outcomes.keySet());
                        shortfall.clear();
                        models.errorsCollected().forEach(e -> shortfall.add(e.getMessage()));
                        models.assertAll();
                    });
        } finally {
            System.out.println("[fault] " + fault + ": read models " + (shortfall.isEmpty() ? "complete"
                    : String.join("; ", shortfall).replace('\n', ' ')));
        }
    }

    private static void readModelsHold(SoftAssertions soft, Place place, Set<String> eventIds, Set<String> opinions,
                                       Set<String> classified, Set<String> commandsWithOutcome) {
        sameIds(soft, OpinionReads.AUDIT_INDEX, eventIds,
                evidence.documentIds(OpinionReads.AUDIT_INDEX, Filters.eq("unitId", place.town())));
        sameIds(soft, OpinionReads.TIMELINE, eventIds,
                evidence.documentIds(OpinionReads.TIMELINE, Filters.eq("unitId", place.town())));
        List<Document> opinionDocs = evidence.documents(OpinionReads.OPINIONS, Filters.eq("unitId", place.town()));
        sameIds(soft, OpinionReads.OPINIONS, opinions,
                opinionDocs.stream().map(d -> d.getString("_id")).collect(Collectors.toSet()));
        sameIds(soft, OpinionReads.OPINIONS + " classified", classified, opinionDocs.stream()
                .filter(d -> d.get("classification") != null).map(d -> d.getString("_id")).collect(Collectors.toSet()));
        sameIds(soft, OpinionReads.COMMAND_AUDIT, commandsWithOutcome,
                evidence.idsIn(OpinionReads.COMMAND_AUDIT, commandsWithOutcome));
        List<Document> stats = evidence.documents(OpinionReads.STATS, Filters.eq("unitId", place.town()));
        soft.assertThat(stats.stream().mapToLong(d -> number(d, "received")).sum()).as("%s received",
                OpinionReads.STATS).isEqualTo(opinions.size());
        soft.assertThat(stats.stream().mapToLong(d -> number(d, "classified")).sum()).as("%s classified",
                OpinionReads.STATS).isEqualTo(classified.size());
    }

    /** {@code actual} holds all of {@code required}, and nothing outside {@code allowed}; counts in the message. */
    private static void sameIds(SoftAssertions soft, String what, Set<String> required, Set<String> actual,
                                Set<String> allowed) {
        Set<String> missing = difference(required, actual);
        Set<String> unexpected = difference(actual, allowed);
        soft.assertThat(missing.size()).as("%s: %d of %d missing, e.g. %s", what, missing.size(), required.size(),
                missing.stream().limit(3).toList()).isZero();
        soft.assertThat(unexpected.size()).as("%s: %d unexpected, e.g. %s", what, unexpected.size(),
                unexpected.stream().limit(3).toList()).isZero();
    }

    private static void sameIds(SoftAssertions soft, String what, Set<String> expected, Set<String> actual) {
        sameIds(soft, what, expected, actual, expected);
    }

    private static Set<String> aggregates(List<StoredEvent> events, String eventType) {
        return events.stream().filter(e -> e.is(eventType)).map(StoredEvent::aggregateId).collect(Collectors.toSet());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> i = new HashSet<>(a);
        i.retainAll(b);
        return i;
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static List<String> outcomes(int accepted, int rejected) {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < accepted; i++) {
            outcomes.add("ACCEPTED");
        }
        for (int i = 0; i < rejected; i++) {
            outcomes.add("REJECTED");
        }
        return outcomes;
    }

    private static Map<String, Object> opinion(Place place) {
        return Map.of("campaignId", place.campaign(), "receivedOn", "2014-02-20", "channel", "HOTLINE",
                "mode", Map.of("naming", "ANONYMOUS", "setting", "INDIVIDUAL", "approach", "DELIVERED_TO_DOOR"),
                "submitterCategory", "SERVICE_OBJECT", "rawText", "The permit window keeps people waiting",
                "collectedAtUnitId", place.town());
    }

    /** The read models the opinion stream feeds, by collection name. */
    private static final class OpinionReads {
        static final String AUDIT_INDEX = "rm_audit_index";
        static final String TIMELINE = "rm_timeline";
        static final String OPINIONS = "rm_opinions";
        static final String STATS = "rm_opinion_stats";
        static final String COMMAND_AUDIT = "rm_command_audit";
    }

    /** A campaign and a town of a county of its own, so that each fault's commands can be counted apart. */
    private record Place(String campaign, String county, String town, Set<String> setUpCommands) {
        static Place create(LedgerClient client) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            Place place = new Place("cmp-" + suffix, "county-" + suffix, "town-" + suffix, new HashSet<>());
            place.send(client, "DefineCampaign", Map.of("campaignId", place.campaign(), "name", "Fault " + suffix,
                    "theme", "Serve the people"));
            place.send(client, "RegisterUnit", Map.of("unitId", place.county(), "code", place.county(),
                    "name", "County " + suffix, "level", "COUNTY", "unitType", "LEADING_BODY",
                    "partyOrgKind", "COMMITTEE"));
            place.send(client, "RegisterUnit", Map.of("unitId", place.town(), "code", place.town(),
                    "name", "Town " + suffix, "level", "TOWNSHIP", "unitType", "TOWNSHIP_STREET",
                    "partyOrgKind", "COMMITTEE", "parentUnitId", place.county()));
            return place;
        }

        private void send(LedgerClient client, String type, Map<String, Object> body) {
            String commandId = UUID.randomUUID().toString();
            Map<String, Object> command = new HashMap<>(body);
            command.put("commandId", commandId);
            LedgerClient.Response response = client.command(type, command);
            assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
            setUpCommands.add(commandId);
        }
    }
}
