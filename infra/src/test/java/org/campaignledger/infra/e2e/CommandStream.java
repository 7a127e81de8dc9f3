package org.campaignledger.infra.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Commands sent at a steady pace by a few writers, as a busy front-end would, each remembered with what its sender
 * learned: acknowledged (2xx), refused (any other status) or unanswered (the connection failed, which a crash
 * does to a request in flight: such a command may or may not have been committed). Every command has its own
 * {@code commandId}, so the stores can be asked about exactly the commands sent. Half the commands record an
 * opinion in {@code unitId}, half classify one recorded before, so streams of one and of two events are both
 * in play.
 */
final class CommandStream implements AutoCloseable {
    enum Answer { IN_FLIGHT, ACKNOWLEDGED, REFUSED, UNANSWERED }

    private final LedgerClient client;
    private final String campaignId;
    private final String unitId;
    private final Map<String, Answer> commands = new ConcurrentHashMap<>();
    private final Queue<String> unclassified = new ConcurrentLinkedQueue<>();
    private final AtomicLong ticks = new AtomicLong();
    private final ScheduledExecutorService writers;

    private CommandStream(LedgerClient client, String campaignId, String unitId, int writerCount) {
        this.client = client;
        this.campaignId = campaignId;
        this.unitId = unitId;
        this.writers = Executors.newScheduledThreadPool(writerCount);
    }

    /** {@code perSecond} commands a second in all, from {@code writerCount} writers each waiting for its answer. */
    static CommandStream start(LedgerClient client, String campaignId, String unitId, int perSecond, int writerCount) {
        CommandStream stream = new CommandStream(client, campaignId, unitId, writerCount);
        long periodMillis = 1000L * writerCount / perSecond;
        for (int i = 0; i < writerCount; i++) {
            stream.writers.scheduleAtFixedRate(stream::next, i * periodMillis / writerCount, periodMillis,
                    TimeUnit.MILLISECONDS);
        }
        return stream;
    }

    /** Stops sending and waits for the answers of the commands in flight. */
    void stop() {
        writers.shutdown();
        try {
            if (!writers.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("commands still in flight after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Set<String> sent() {
        return Set.copyOf(commands.keySet());
    }

    Set<String> answered(Answer answer) {
        return commands.entrySet().stream().filter(e -> e.getValue() == answer).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    long count(Answer answer) {
        return commands.values().stream().filter(a -> a == answer).count();
    }

    String summary() {
        return commands.size() + " sent: " + count(Answer.ACKNOWLEDGED) + " acknowledged, " + count(Answer.REFUSED)
                + " refused, " + count(Answer.UNANSWERED) + " unanswered";
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }

    private void next() {
        String opinionId = ticks.getAndIncrement() % 2 == 1 ? unclassified.poll() : null;
        Map<String, Object> body = new LinkedHashMap<>();
        String commandId = UUID.randomUUID().toString();
        body.put("commandId", commandId);
        if (opinionId != null) {
            body.put("opinionId", opinionId);
            body.put("family", "LAST_MILE");
            send("ClassifyOpinion", commandId, body);
            return;
        }
        body.put("campaignId", campaignId);
        body.put("receivedOn", "2014-02-20");
        body.put("channel", "HOTLINE");
        body.put("mode", Map.of("naming", "ANONYMOUS", "setting", "INDIVIDUAL", "approach", "DELIVERED_TO_DOOR"));
        body.put("submitterCategory", "SERVICE_OBJECT");
        body.put("rawText", "The permit window keeps people waiting for hours");
        body.put("collectedAtUnitId", unitId);
        LedgerClient.Response recorded = send("RecordOpinion", commandId, body);
        if (recorded != null && recorded.status() / 100 == 2 && recorded.body().hasNonNull("aggregateId")) {
            unclassified.add(recorded.body().get("aggregateId").asText());
        }
    }

    private LedgerClient.Response send(String type, String commandId, Map<String, Object> body) {
        commands.put(commandId, Answer.IN_FLIGHT);
        try {
            LedgerClient.Response response = client.command(type, body);
            commands.put(commandId, response.status() / 100 == 2 ? Answer.ACKNOWLEDGED : Answer.REFUSED);
            return response;
        } catch (RuntimeException connectionLost) {
            commands.put(commandId, Answer.UNANSWERED);
            return null;
        }
    }
}
