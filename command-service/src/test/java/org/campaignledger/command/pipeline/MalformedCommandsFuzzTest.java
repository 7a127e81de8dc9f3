package org.campaignledger.command.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.campaignledger.command.CommandServiceApplication;
import org.campaignledger.command.TestDatabase;
import org.campaignledger.kernel.Catalog;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Issue 8: generated malformed requests over every command type of the catalog, sent over HTTP to the whole
 * command service (real Tomcat, security, pipeline, Axon and PostgreSQL event store; Kafka absent). Each must be
 * answered with a 4xx problem document naming what is wrong, and none may store an event or an accepted outcome.
 * A well-formed command sent first proves the same set-up does store what it accepts.
 */
class MalformedCommandsFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES = List.copyOf(Catalog.commands().keySet());
    private static final String TOKEN = "Bearer fuzz-admin";
    private static final AtomicInteger SENT = new AtomicInteger();
    private static ConfigurableApplicationContext service;
    private static HttpClient http;
    private static String base;
    private static JdbcTemplate store;
    private static long eventsBefore;
    private static long acceptedBefore;

    /** Every token names a system administrator; what the token allows is not under test here. */
    @Configuration(proxyBeanMethods = false)
    static class Tokens {
        @Bean
        JwtDecoder jwtDecoder() {
            return token -> Jwt.withTokenValue(token).header("alg", "none").subject("fuzz-admin")
                    .claim("person_id", "fuzz-admin").claim("roles", List.of("SYSTEM_ADMIN"))
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600)).build();
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        service = new SpringApplicationBuilder(CommandServiceApplication.class, Tokens.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--ledger.kafka.bootstrap-servers=127.0.0.1:1",
                "--ledger.kafka.audit-relay-interval=1h",
                "--axon.kafka.publisher.enabled=false",
                "--logging.level.org.apache.kafka=OFF",
                "--logging.level.org.axonframework.extensions.kafka=OFF",
                "--logging.level.org.campaignledger.command.publishing=OFF");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        store = new JdbcTemplate(TestDatabase.dataSource());
        HttpResponse<String> accepted = post("RegisterUnit", """
                {"unitId":"fuzz-root-%d","code":"FZ","name":"Fuzz County","level":"COUNTY",
                 "unitType":"LEADING_BODY","partyOrgKind":"COMMITTEE"}""".formatted(System.nanoTime()),
                "application/json");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        eventsBefore = events();
        acceptedBefore = accepted();
        assertThat(eventsBefore).isPositive();
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            try {
                assertThat(SENT.get()).as("malformed requests sent").isGreaterThanOrEqualTo(10_000);
                assertThat(events()).as("events stored by malformed requests").isEqualTo(eventsBefore);
                assertThat(accepted()).as("commands accepted from malformed requests").isEqualTo(acceptedBefore);
            } finally {
                service.close();
            }
        }
    }

    private static long events() {
        return store.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private static long accepted() {
        return store.queryForObject("SELECT count(*) FROM command_outcome WHERE outcome = 'ACCEPTED'", Long.class);
    }

    /** One malformed request: where it goes, what it carries, and the field the problem must name (or null). */
    record Malformed(String path, String body, String contentType, String field) {
    }

    @Property(tries = 10_000, seed = "20261203")
    void a_malformed_command_is_a_problem_and_stores_nothing(@ForAll("malformed") Malformed request)
            throws Exception {
        SENT.incrementAndGet();
        HttpResponse<String> response = send(request.path(), request.body(), request.contentType());
        assertThat(response.statusCode()).as(request + " -> " + response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).as(request.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").isTextual()).as(response.body()).isTrue();
        assertThat(problem.path("title").isTextual()).as(response.body()).isTrue();
        assertThat(problem.path("status").asInt()).as(response.body()).isEqualTo(response.statusCode());
        if (request.field() != null) {
            // the field itself, or a part of it (an element of a list, a field of a nested record)
            assertThat(problem.path("details").path("field").asText()).as(request + " -> " + response.body())
                    .matches(java.util.regex.Pattern.quote(request.field()) + "([.\\[].*)?");
        }
    }

    @Provide
    Arbitrary<Malformed> malformed() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, wrongTypedField()),
                net.jqwik.api.Tuple.of(2, unknownField()),
                net.jqwik.api.Tuple.of(1, badEnvelope()),
                net.jqwik.api.Tuple.of(1, notAnObject()),
                net.jqwik.api.Tuple.of(1, badPathOrMedia()));
    }

    private static Arbitrary<String> commandType() {
        return Arbitraries.of(TYPES);
    }

    /** One field of the command given a JSON value its Java type must not be coerced from. */
    private static Arbitrary<Malformed> wrongTypedField() {
        return commandType().flatMap(type -> {
            RecordComponent[] components = Catalog.command(type).orElseThrow().getRecordComponents();
            return Arbitraries.of(components).flatMap(component -> wrongValueFor(component.getGenericType())
                    .map(value -> new Malformed("/api/commands/" + type, "{\"" + component.getName() + "\":" + value
                            + "}", "application/json", component.getName())));
        });
    }

    private static Arbitrary<Malformed> unknownField() {
        return Combinators.combine(commandType(), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                        anyJson())
                .as((type, name, value) -> {
                    String field = "zz" + name;
                    return new Malformed("/api/commands/" + type, "{\"" + field + "\":" + value + "}",
                            "application/json", field);
                });
    }

    private static Arbitrary<Malformed> badEnvelope() {
        Arbitrary<String[]> envelope = Arbitraries.of(
                new String[]{"commandId", "12"}, new String[]{"commandId", "{\"a\":1}"},
                new String[]{"commandId", "\"not-a-uuid\""}, new String[]{"commandId", "[\"x\"]"},
                new String[]{"expectedVersion", "\"3\""}, new String[]{"expectedVersion", "1.5"},
                new String[]{"expectedVersion", "-1"}, new String[]{"expectedVersion", "true"},
                new String[]{"expectedVersion", "{}"}, new String[]{"expectedVersion", "99999999999999999999999"},
                new String[]{"occurredAt", "20140301"}, new String[]{"occurredAt", "\"yesterday\""},
                new String[]{"occurredAt", "{}"});
        return Combinators.combine(commandType(), envelope).as((type, field) -> new Malformed(
                "/api/commands/" + type, "{\"" + field[0] + "\":" + field[1] + "}", "application/json",
                hasComponent(type, field[0]) ? null : field[0]));
    }

    private static Arbitrary<Malformed> notAnObject() {
        Arbitrary<String> body = Arbitraries.of("[]", "[{}]", "\"x\"", "42", "true", "null", "{", "{\"a\":}", "",
                "{}{}", "{} x", "{\"a\":1,\"a\":2}", "{'a':1}", "\u0000", "{\"a\":NaN}");
        return Combinators.combine(commandType(), body)
                .as((type, b) -> new Malformed("/api/commands/" + type, b, "application/json", null));
    }

    private static Arbitrary<Malformed> badPathOrMedia() {
        Arbitrary<Malformed> path = Arbitraries.of("/api/commands/NoSuchCommand", "/api/commands/%2E%2E%2Fclock",
                "/api/commands/RegisterUnit%2Fx", "/api/commands/..%2F..%2Factuator", "/api/commands/%00",
                "/api/commands/%2F", "/api/commands/;a=b", "/api/commands/R%C3%A9gister",
                "/api/commands/RegisterUnit/extra", "/api/commands/" + "X".repeat(300))
                .map(p -> new Malformed(p, "{}", "application/json", null));
        Arbitrary<Malformed> media = Combinators.combine(commandType(),
                        Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                                "multipart/form-data; boundary=x", "application/json; charset=klingon"))
                .as((type, media1) -> new Malformed("/api/commands/" + type, "{}", media1, null));
        return Arbitraries.oneOf(path, media);
    }

    private static boolean hasComponent(String type, String name) {
        for (RecordComponent component : Catalog.command(type).orElseThrow().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A JSON value that is not of {@code type}'s shape, so no coercion may turn it into one. */
    private static Arbitrary<String> wrongValueFor(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        List<String> wrong = new ArrayList<>();
        Arbitrary<String> texts = Arbitraries.strings().ofMaxLength(20).map(MalformedCommandsFuzzTest::quoted);
        if (raw == String.class) {
            wrong.addAll(List.of("5", "-1.25", "true", "false", "{\"a\":1}", "{}", "[\"x\"]", "[]"));
            return Arbitraries.of(wrong);
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            wrong.addAll(List.of("\"5\"", "1.5", "2.0", "true", "{}", "[1]", "\"\"", "1e3"));
            if (raw.isPrimitive()) {
                wrong.add("null");
            }
            return Arbitraries.of(wrong);
        }
        if (raw == double.class || raw == Double.class) {
            return Arbitraries.of("\"0.5\"", "true", "{}", "[0.5]");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            wrong.addAll(List.of("\"true\"", "1", "0", "\"yes\"", "{}", "[true]"));
            if (raw.isPrimitive()) {
                wrong.add("null");
            }
            return Arbitraries.of(wrong);
        }
        if (raw.isEnum()) {
            return Arbitraries.oneOf(Arbitraries.integers().between(-1, 40).map(String::valueOf),
                    Arbitraries.of("\"NO_SUCH_VALUE\"", "\"\"", "true", "{}", "[]", "1.5",
                            quoted(raw.getEnumConstants()[0].toString().toLowerCase())));
        }
        if (raw.getPackageName().equals("java.time")) {
            return Arbitraries.oneOf(Arbitraries.of("20140301", "[2014,3,1]", "{}", "true", "\"\"", "\"2014-13-45\"",
                    "\"01/03/2014\"", "1.5"), texts.filter(t -> t.length() < 5));
        }
        if (raw == java.util.UUID.class) {
            return Arbitraries.of("42", "{}", "\"not-a-uuid\"", "true", "[]");
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return Arbitraries.of("\"x\"", "5", "true", "{\"a\":1}", "[{\"a\":1},5]", "[[1]]");
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Arbitraries.of("\"x\"", "5", "true", "[1,2]");
        }
        if (JsonPaths.isScalar(raw)) {
            // a typed identifier: a JSON string of its syntax only
            return Arbitraries.of("{\"a\":1}", "{}", "5", "5.5", "true", "[\"kl-t1\"]", "\"\"", "\"has space\"",
                    "\"../etc\"", "\"a/b\"", quoted("x".repeat(101)), "\"\\u00e9t\u00e9\"");
        }
        return Arbitraries.of("\"x\"", "5", "true", "[]", "[{}]");
    }

    private static Arbitrary<String> anyJson() {
        return Arbitraries.of("1", "\"v\"", "true", "null", "{}", "[]", "{\"a\":[1,2]}", "-0.5");
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(String type, String body, String contentType) throws Exception {
        return send("/api/commands/" + type, body, contentType);
    }

    private static HttpResponse<String> send(String path, String body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", TOKEN).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
