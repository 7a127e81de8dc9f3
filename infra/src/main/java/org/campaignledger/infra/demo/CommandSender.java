package org.campaignledger.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.campaignledger.infra.auth.DemoAccounts;

/**
 * Sends the phases over HTTP with a bounded pool. Every commandId is derived from the seed and the command
 * itself, so a second run after a crash sends the same ids and the service answers from its idempotency
 * store: nothing is stored twice, and an injected anomaly is rejected again from the stored outcome. Each
 * command is sent with the token of its demo account (secret {@code <account>-<suffix>}).
 */
final class CommandSender implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final int ATTEMPTS = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String commandUrl;
    private final String authUrl;
    private final String secretSuffix;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final long seed;
    private final ExecutorService pool;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final AtomicInteger expectedRejections = new AtomicInteger();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    CommandSender(String commandUrl, String authUrl, String secretSuffix, long seed, int threads) {
        this.commandUrl = commandUrl;
        this.authUrl = authUrl;
        this.secretSuffix = secretSuffix;
        this.seed = seed;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /**
     * Sends one phase and waits for it. A lane stops at its first unexpected outcome, since what follows depends
     * on it; a rejection with the rule the command expects is counted and the lane goes on.
     */
    void send(Phase phase) {
        List<Future<?>> lanes = new ArrayList<>();
        for (List<Command> lane : phase.lanes().values()) {
            lanes.add(pool.submit(() -> {
                for (Command command : lane) {
                    if (!sendOne(command)) {
                        return;
                    }
                }
            }));
        }
        for (Future<?> lane : lanes) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted in phase " + phase.name(), e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("phase " + phase.name() + " failed", e.getCause());
            }
        }
    }

    int accepted() {
        return accepted.get();
    }

    int replayed() {
        return replayed.get();
    }

    int expectedRejections() {
        return expectedRejections.get();
    }

    /** Rejections nobody planned, and anomalies the service accepted although a rule should have refused them. */
    List<String> unexpected() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    static UUID commandId(long seed, String type, Map<String, Object> body) {
        try {
            String key = "KENLI_DEMO/" + seed + "/" + type + "/" + JSON.writeValueAsString(body);
            return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private boolean sendOne(Command command) {
        Map<String, Object> body = new TreeMap<>(command.body());
        body.put("commandId", commandId(seed, command.type(), command.body()).toString());
        String json = write(body);
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(commandUrl + "/api/commands/" + command.type()))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token(command.account()))
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 500 && attempt < ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                boolean ok = status == 200 || status == 201;
                if (!ok && command.mayExistAlready() && "R-API-EXISTS".equals(ruleIdOf(response.body()))) {
                    replayed.incrementAndGet();
                    return true;
                }
                if (command.expectsRejection()) {
                    if (!ok && command.expectedRuleId().equals(ruleIdOf(response.body()))) {
                        expectedRejections.incrementAndGet();
                        return true;
                    }
                    unexpected.add(command.type() + " " + status + " (expected a rejection with "
                            + command.expectedRuleId() + ") " + response.body() + " for " + json);
                    return false;
                }
                if (ok) {
                    boolean again = response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
                    (again ? replayed : accepted).incrementAndGet();
                    return true;
                }
                unexpected.add(command.type() + " " + status + " " + response.body() + " for " + json);
                return false;
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException(command.type() + " could not be sent", e);
                }
                pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String ruleIdOf(String problem) {
        try {
            JsonNode ruleId = JSON.readTree(problem).get("ruleId");
            return ruleId == null ? null : ruleId.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String account) {
        return tokens.computeIfAbsent(account, a -> signIn(a, DemoAccounts.byClientId(a)
                .map(known -> DemoAccounts.secretOf(known, secretSuffix))
                .orElseThrow(() -> new IllegalArgumentException("no demo account " + a))));
    }

    private String signIn(String account, String secret) {
        String basic = Base64.getEncoder().encodeToString((account + ":" + secret).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + account + ": " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("no token for " + account, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET on the query service as the auditor; the generator reads its own totals back. */
    JsonNode get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token("auditor")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST that is not a command (the simulated clock), as {@code account}; its JSON answer. */
    JsonNode post(String url, Object body, String account) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(300)).header("Authorization", "Bearer " + token(account))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(write(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
