package org.campaignledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.campaignledger.query.QueryServiceApplication;
import org.campaignledger.query.access.ReadEndpoint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 8: generated malformed requests over every query endpoint of {@link ReadEndpoint}, sent as raw HTTP/1.1 to
 * the whole query service (real Tomcat, security, interceptors, controllers; an in-memory MongoDB-wire server; no
 * Kafka, no event store). Each must be refused with a problem document, a 400 naming its parameter, and none may
 * write a read model. Raw sockets, so that what Tomcat itself refuses (an encoded slash, a path climbing above the
 * root, a NUL) reaches it unaltered by a client library.
 */
class MalformedQueriesFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SENT = new AtomicInteger();
    /** Parameters read as text and parsed as dates by their controllers. */
    private static final List<String> DATES = List.of("asOf", "from", "to", "date");
    private static MongoServer mongo;
    private static ConfigurableApplicationContext service;
    private static int port;
    private static MongoTemplate readModels;
    private static List<Endpoint> endpoints;

    /** A query endpoint: its route with the path variables filled in, and its parameters by type. */
    record Endpoint(String method, String path, Map<String, Class<?>> parameters) {
        boolean paged() {
            return parameters.containsKey("page") && parameters.containsKey("size");
        }
    }

    /** One malformed request and the parameter a 400 problem must name (or null when it is about no parameter). */
    record Malformed(String method, String target, String field) {
    }

    /** Every token is an auditor's and a system administrator's, who may read every endpoint but the offices'. */
    @Configuration(proxyBeanMethods = false)
    static class Tokens {
        @Bean
        JwtDecoder jwtDecoder() {
            return token -> Jwt.withTokenValue(token).header("alg", "none").subject("fuzz-auditor")
                    .claim("person_id", "fuzz-auditor").claim("roles", List.of("AUDITOR", "SYSTEM_ADMIN"))
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600)).build();
        }
    }

    @BeforeContainer
    static void start() {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        service = new SpringApplicationBuilder(QueryServiceApplication.class, Tokens.class).run(
                "--server.port=0",
                "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + address.getPort() + "/ledger",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/ledger",
                "--spring.datasource.hikari.connection-timeout=250",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--spring.kafka.listener.auto-startup=false",
                "--ledger.progress.daily-snapshot.enabled=false",
                "--logging.level.org.apache.kafka=OFF",
                "--logging.level.org.springframework.kafka=OFF");
        port = ((WebServerApplicationContext) service).getWebServer().getPort();
        readModels = service.getBean(MongoTemplate.class);
        endpoints = endpoints(service.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
        assertThat(endpoints).as("a handler for every endpoint of the read table").hasSize(ReadEndpoint.values().length);
    }

    @AfterContainer
    static void stop() {
        try {
            if (service != null) {
                assertThat(SENT.get()).as("malformed requests sent").isGreaterThanOrEqualTo(10_000);
                for (String collection : readModels.getCollectionNames()) {
                    if (collection.startsWith("rm_")) {
                        assertThat(readModels.getCollection(collection).countDocuments())
                                .as("documents written to " + collection).isZero();
                    }
                }
            }
        } finally {
            if (service != null) {
                service.close();
            }
            if (mongo != null) {
                mongo.shutdownNow();
            }
        }
    }

    private static List<Endpoint> endpoints(RequestMappingHandlerMapping mappings) {
        List<Endpoint> found = new ArrayList<>();
        for (ReadEndpoint endpoint : ReadEndpoint.values()) {
            String method = endpoint.route().substring(0, endpoint.route().indexOf(' '));
            String pattern = endpoint.route().substring(method.length() + 1);
            for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
                if (mapping.getKey().getPatternValues().contains(pattern) && mapping.getKey().getMethodsCondition()
                        .getMethods().stream().anyMatch(m -> m.name().equals(method))) {
                    Map<String, Class<?>> parameters = new LinkedHashMap<>();
                    for (MethodParameter parameter : mapping.getValue().getMethodParameters()) {
                        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                        if (param != null) {
                            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                            parameters.put(param.name().isEmpty() ? parameter.getParameterName() : param.name(),
                                    parameter.getParameterType());
                        }
                    }
                    found.add(new Endpoint(method, pattern.replaceAll("\\{[A-Za-z]+}", "fuzz-id"), parameters));
                }
            }
        }
        return found;
    }

    @Property(tries = 10_000, seed = "20261203")
    void a_malformed_query_is_a_problem_and_writes_nothing(@ForAll("malformed") Malformed request)
            throws Exception {
        SENT.incrementAndGet();
        Answer answer = send(request.method(), request.target());
        assertThat(answer.status()).as(request + " -> " + answer.body()).isBetween(400, 499);
        assertThat(answer.contentType()).as(request + " -> " + answer.body()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").isTextual()).as(answer.body()).isTrue();
        assertThat(problem.path("title").isTextual()).as(answer.body()).isTrue();
        assertThat(problem.path("status").asInt()).as(answer.body()).isEqualTo(answer.status());
        if (request.field() != null && answer.status() == 400) {
            assertThat(problem.path("details").path("field").asText()).as(request + " -> " + answer.body())
                    .isEqualTo(request.field());
            assertThat(problem.path("ruleId").asText()).isEqualTo(BadRequestException.RULE_ID);
        }
    }

    @Provide
    Arbitrary<Malformed> malformed() {
        Arbitrary<Endpoint> endpoint = Arbitraries.of(endpoints);
        return Arbitraries.frequencyOf(
                Tuple.of(4, endpoint.flatMap(MalformedQueriesFuzzTest::wrongParameter)),
                Tuple.of(2, endpoint.flatMap(MalformedQueriesFuzzTest::unknownParameter)),
                Tuple.of(2, endpoint.filter(Endpoint::paged).flatMap(MalformedQueriesFuzzTest::outOfRangePage)),
                Tuple.of(2, endpoint.flatMap(MalformedQueriesFuzzTest::badPath)),
                Tuple.of(1, endpoint.flatMap(MalformedQueriesFuzzTest::wrongMethod)));
    }

    /** A declared parameter with a value its type cannot be read from. */
    private static Arbitrary<Malformed> wrongParameter(Endpoint endpoint) {
        List<Map.Entry<String, Class<?>>> typed = endpoint.parameters().entrySet().stream()
                .filter(p -> p.getValue() != String.class || DATES.contains(p.getKey())).toList();
        if (typed.isEmpty()) {
            return unknownParameter(endpoint);
        }
        return Arbitraries.of(typed).flatMap(parameter -> {
            Class<?> type = parameter.getValue();
            Arbitrary<String> value = type == int.class || type == Integer.class
                    ? Arbitraries.of("abc", "1.5", "1e3", "0x10", "+5", "99999999999", "-", "%20", "true", "1,2")
                    : type == boolean.class || type == Boolean.class
                    ? Arbitraries.of("maybe", "2", "1", "yes", "on", "TRUE", "t")
                    : Arbitraries.of("2014-13-01", "2014-02-30", "01%2F03%2F2014", "yesterday", "20140301",
                    "2014-03-01T10:00");
            return value.map(v -> new Malformed(endpoint.method(), endpoint.path() + "?" + parameter.getKey() + "="
                    + v + requiredOf(endpoint, parameter.getKey()), parameter.getKey()));
        });
    }

    private static Arbitrary<Malformed> unknownParameter(Endpoint endpoint) {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10),
                        Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(10))
                .as((name, value) -> new Malformed(endpoint.method(), endpoint.path() + "?zz" + name + "=" + value,
                        "zz" + name));
    }

    /** A page too far in, however it is written: refused, never wrapped round to the first page. */
    private static Arbitrary<Malformed> outOfRangePage(Endpoint endpoint) {
        Arbitrary<String[]> paging = Arbitraries.oneOf(
                Arbitraries.integers().between(2_001, Integer.MAX_VALUE).map(p -> new String[]{"page", p + "&size=500"}),
                Arbitraries.of(new String[]{"page", "4294968&size=500"}, new String[]{"page", "-1"},
                        new String[]{"size", "0"}, new String[]{"size", "501"}, new String[]{"size", "-5"},
                        new String[]{"page", "2147483647&size=1"}));
        return paging.map(p -> new Malformed(endpoint.method(), endpoint.path() + "?" + p[0] + "=" + p[1]
                + requiredOf(endpoint, p[0]), p[0]));
    }

    /** Paths that Tomcat or the router must refuse: encoded slashes, NULs, climbing above the root. */
    private static Arbitrary<Malformed> badPath(Endpoint endpoint) {
        String path = endpoint.path();
        List<String> bad = new ArrayList<>(List.of(path + "%2F", "/api/../../" + path.substring(5),
                path.replace("/api/", "/api/%2e%2e/%2e%2e/%2e%2e/"), path + "/%2e%2e%2f%2e%2e%2fx",
                path + "/no-such-part", path + "/%00"));
        if (path.contains("fuzz-id")) {
            for (String id : List.of("a%2Fb", "..%2F..%2Factuator", "%00", "a%5Cb")) {
                bad.add(path.replace("fuzz-id", id));
            }
        }
        Arbitrary<String> targets = Arbitraries.of(bad);
        return targets.map(target -> new Malformed(endpoint.method(), target, null));
    }

    private static Arbitrary<Malformed> wrongMethod(Endpoint endpoint) {
        return Arbitraries.of("PUT", "DELETE", "PATCH", endpoint.method().equals("GET") ? "POST" : "GET")
                .map(method -> new Malformed(method, endpoint.path(), null));
    }

    /** The required parameters other than {@code except}, well-formed, so the one malformed is what is refused. */
    private static String requiredOf(Endpoint endpoint, String except) {
        StringBuilder query = new StringBuilder();
        for (String required : List.of("campaignId", "jurisdictionId")) {
            if (!required.equals(except) && endpoint.parameters().containsKey(required)
                    && endpoint.path().startsWith("/api/progress")) {
                query.append('&').append(required).append("=fuzz");
            }
        }
        return query.toString();
    }

    record Answer(int status, String contentType, String body) {
    }

    /** One request on its own connection, written byte for byte as given. */
    private static Answer send(String method, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer fuzz\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int headersEnd = response.indexOf("\r\n\r\n");
            String head = response.substring(0, headersEnd);
            String body = response.substring(headersEnd + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            return new Answer(status, contentType, new String(body.getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8));
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
