package org.campaignledger.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.campaignledger.infra.auth.DemoAccounts;

/**
 * HTTP access for the benchmark: commands as {@code importer} (DATA_IMPORT, no per-unit role resolution, so the
 * figures are the pipeline's and not the access check's), queries as {@code auditor}.
 */
final class BenchClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String commandUrl;
    private final String importerToken;
    private final String auditorToken;
    private final String queryUrl;

    BenchClient(String commandUrl, String queryUrl, String authUrl, String secretSuffix) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.importerToken = signIn(authUrl, "importer", secretSuffix);
        this.auditorToken = signIn(authUrl, "auditor", secretSuffix);
    }

    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200 || status == 201;
        }
    }

    /** Sends a command and fails on anything but 200/201: a benchmark of rejections would measure nothing. */
    JsonNode command(String type, Map<String, Object> body) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/commands/" + type))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + importerToken)
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
        if (!answer.ok()) {
            throw new IllegalStateException(type + " answered " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    /** A GET on the query service; 404 is an answer (not projected yet), not a failure. */
    Answer query(String path) {
        return send(HttpRequest.newBuilder(URI.create(queryUrl + path))
                .header("Authorization", "Bearer " + auditorToken).GET());
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String signIn(String authUrl, String account, String suffix) {
        String secret = DemoAccounts.secretOf(DemoAccounts.byClientId(account).orElseThrow(), suffix);
        String basic = Base64.getEncoder().encodeToString((account + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Answer answer = send(HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        if (answer.status() != 200) {
            throw new IllegalStateException("no token for " + account + ": " + answer.body());
        }
        return answer.body().get("access_token").asText();
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
