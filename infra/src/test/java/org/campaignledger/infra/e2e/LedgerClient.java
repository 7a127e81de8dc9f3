package org.campaignledger.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A client of the two HTTP APIs as a front-end would use them: a bearer token, JSON in and out. */
final class LedgerClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LedgerEnvironment env;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    record Response(int status, HttpResponse<String> raw, JsonNode body) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    LedgerClient(LedgerEnvironment env) {
        this.env = env;
    }

    String token(String account) {
        return tokens.computeIfAbsent(account, a -> {
            String basic = Base64.getEncoder().encodeToString((a + ":" + a + "-demo").getBytes(StandardCharsets.UTF_8));
            Response r = send(HttpRequest.newBuilder(URI.create(env.authUrl() + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            if (r.status() != 200) {
                throw new IllegalStateException("no token for " + a + ": " + r.raw().body());
            }
            return r.body().get("access_token").asText();
        });
    }

    Response command(String type, Object body) {
        return command(type, body, "importer", Map.of());
    }

    Response command(String type, Object body, String account, Map<String, String> headers) {
        return post("/api/commands/" + type, body, account, headers);
    }

    /** POST to the command service without any token, as the public portal does. */
    Response publicPost(String path, Object body, Map<String, String> headers) {
        return post(path, body, null, headers);
    }

    /** POST a JSON body to the command service, with {@code account}'s bearer token unless it is null. */
    Response post(String path, Object body, String account, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(env.commandUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (account != null) {
            request.header("Authorization", "Bearer " + token(account));
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** GET /api/clock on the command service: {@code {mode, now}}. */
    Response clock() {
        return commandSideGet("/api/clock", "system-admin");
    }

    /** POST /api/clock/advance as {@code account}; it answers once every deadline it passed has fired. */
    Response advanceClock(OffsetDateTime to, String account) {
        return send(HttpRequest.newBuilder(URI.create(env.commandUrl() + "/api/clock/advance"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token(account))
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("to", to.toString())))));
    }

    /**
     * Moves the simulated clock to {@code to}, or, if a scenario sharing the stack moved it further already, to
     * where it stands: that still releases the deadlines scheduled behind it.
     */
    OffsetDateTime advanceClockAtLeastTo(OffsetDateTime to) {
        OffsetDateTime now = OffsetDateTime.parse(clock().body().get("now").asText());
        OffsetDateTime target = to.isAfter(now) ? to : now;
        Response advanced = advanceClock(target, "system-admin");
        if (advanced.status() != 200) {
            throw new IllegalStateException("the clock did not advance: " + advanced.raw().body());
        }
        return target;
    }

    /** A GET on the command service (the vault lives in its database) as the given account, or without a token. */
    Response commandSideGet(String path, String account) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(env.commandUrl() + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (account != null) {
            request.header("Authorization", "Bearer " + token(account));
        }
        return send(request);
    }

    /** GET on the query service as the auditor, who may read everything but CONFIDENTIAL content and PII. */
    Response query(String path) {
        return queryAs(path, "auditor");
    }

    /** GET on the query service as {@code account}: what that person may read, redacted for them. */
    Response queryAs(String path, String account) {
        return send(HttpRequest.newBuilder(URI.create(env.queryUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(account)).GET());
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank()
                    ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
