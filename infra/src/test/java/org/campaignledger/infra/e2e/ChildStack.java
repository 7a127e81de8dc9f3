package org.campaignledger.infra.e2e;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.campaignledger.infra.Endpoints;
import org.campaignledger.infra.Ports;
import org.campaignledger.infra.postgres.EmbeddedPostgresServer;

/**
 * A whole embedded stack ({@link FaultStackMain}) in a child JVM with a data directory and ports of its own, for
 * the fault suite. {@link #killAll()} SIGKILLs all of it at the same instant, as a power cut would: the JVM (Kafka,
 * the MongoDB-wire server, the identity provider), the two services it started, and the PostgreSQL server, which
 * {@code pg_ctl} detached from the JVM's process tree. {@link #restart()} starts it again on the same data.
 */
final class ChildStack implements LedgerEnvironment, AutoCloseable {
    private static final Duration START_PATIENCE = Duration.ofMinutes(4);
    private static final Duration CONTROL_PATIENCE = Duration.ofMinutes(2);
    // The stack's defaults (a developer's own stack may be up) and the ephemeral range, where the e2e suite's
    // free ports and every outgoing connection's port come from, and where a killed port could be taken before
    // the restart binds it again.
    private static final Set<Integer> DEFAULT_PORTS = Set.of(9092, 9093, 5432, 27017, 9000, 8081, 8082);
    private static final int LOWEST_PORT = 20_000;
    private static final int EPHEMERAL_PORTS_START = 32_768;

    private final Path dir;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int postgresPort;
    private final int mongoPort;
    private final int authPort;
    private final int commandPort;
    private final int queryPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Writer control;
    private BlockingQueue<String> replies;
    private int generation;

    private ChildStack(Path dir) {
        this.dir = dir;
        List<Integer> ports = freePorts(7);
        kafkaPort = ports.get(0);
        kafkaControllerPort = ports.get(1);
        postgresPort = ports.get(2);
        mongoPort = ports.get(3);
        authPort = ports.get(4);
        commandPort = ports.get(5);
        queryPort = ports.get(6);
    }

    /** A fresh stack under {@code dir} (whatever was there is wiped), up and healthy. */
    static ChildStack start(Path dir) {
        wipe(dir);
        ChildStack stack = new ChildStack(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::killAll, "child-stack-killer"));
        stack.launch();
        return stack;
    }

    /** Starts the stack again on the data the previous run left, once it is dead. */
    synchronized void restart() {
        if (process != null) {
            throw new IllegalStateException("the stack is still running");
        }
        launch();
    }

    /** SIGKILL to the stack JVM, every process below it and the PostgreSQL server with its backends, at once. */
    synchronized void killAll() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> victims = new ArrayList<>(tree(process.toHandle()));
        postmaster().ifPresent(postmaster -> victims.addAll(tree(postmaster)));
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            try {
                victim.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new IllegalStateException("process " + victim.pid() + " survived SIGKILL", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing the stack", e);
            }
        }
        process = null;
    }

    /** Sends one fault command to the stack ({@link FaultStackMain} lists them) and waits until it is done. */
    synchronized void control(String command) {
        try {
            control.write(command + "\n");
            control.flush();
            String reply = replies.poll(CONTROL_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null || !reply.equals("ok " + command)) {
                throw new IllegalStateException(command + ": " + (reply == null ? "no answer" : reply)
                        + "; see " + logs());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void killCommandService() {
        control("command-kill");
    }

    void startCommandService() {
        control("command-start");
        awaitHealthy(commandUrl());
    }

    void killQueryService() {
        control("query-kill");
    }

    /** Starts the query-service and returns at once: it may still be starting, or catching up. */
    void launchQueryService() {
        control("query-start");
    }

    void awaitHealthy(String baseUrl) {
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        await("healthy: " + baseUrl + " (logs in " + logs() + ")").atMost(START_PATIENCE)
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** Where the stack's services find their infrastructure, with read models in {@code database}. */
    Endpoints endpoints(String database) {
        return new Endpoints("jdbc:postgresql://localhost:" + postgresPort + "/" + EmbeddedPostgresServer.DATABASE,
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, kafkaBootstrapServers(),
                mongoUri(database), authUrl());
    }

    String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    String mongoUri(String database) {
        return "mongodb://localhost:" + mongoPort + "/" + database;
    }

    Path logs() {
        return dir.resolve("data/logs");
    }

    @Override
    public String commandUrl() {
        return "http://localhost:" + commandPort;
    }

    @Override
    public String queryUrl() {
        return "http://localhost:" + queryPort;
    }

    @Override
    public String authUrl() {
        return "http://localhost:" + authPort;
    }

    @Override
    public void crashAndRestartQueryService() {
        killQueryService();
        launchQueryService();
        awaitHealthy(queryUrl());
    }

    @Override
    public boolean canStopKafka() {
        return true;
    }

    @Override
    public void stopKafka() {
        control("kafka-stop");
    }

    @Override
    public void startKafka() {
        control("kafka-start");
    }

    @Override
    public Connection eventStore() throws SQLException {
        return DriverManager.getConnection(endpoints("ledger").eventStoreJdbcUrl(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    @Override
    public void close() {
        killAll();
    }

    private void launch() {
        generation++;
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dledger.stack.data-dir=" + dir.resolve("data"),
                "-Dledger.stack.kafka-port=" + kafkaPort,
                "-Dledger.stack.kafka-controller-port=" + kafkaControllerPort,
                "-Dledger.stack.postgres-port=" + postgresPort,
                "-Dledger.stack.mongo-port=" + mongoPort,
                "-Dledger.stack.auth-port=" + authPort,
                "-Dledger.stack.command-port=" + commandPort,
                "-Dledger.stack.query-port=" + queryPort,
                "-Dledger.stack.command-service-jar=" + System.getProperty("ledger.command-service.jar"),
                "-Dledger.stack.query-service-jar=" + System.getProperty("ledger.query-service.jar"),
                "-Dledger.stack.clock-mode=simulated",
                "@" + classpathArgFile(), FaultStackMain.class.getName()));
        Path log = logs().resolve("stack-" + generation + ".log");
        try {
            Files.createDirectories(logs());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // The query side applies a polled batch at once: small polls give a backlog of a few hundred events
            // enough batches for every kill of the fault suite to land while it drains. The services inherit it.
            builder.environment().put("SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS", "20");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the child stack", e);
        }
        control = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        replies = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> pump(process, log, replies), "child-stack-output-" + generation);
        reader.setDaemon(true);
        reader.start();
        try {
            String first = replies.poll(START_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (!"ready".equals(first)) {
                throw new IllegalStateException("the child stack did not start: "
                        + (first == null ? "no answer after " + START_PATIENCE : first) + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killAll();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            killAll();
            throw e;
        }
    }

    /** Copies the stack's output to its log and hands the lines meant for the test to {@code replies}. */
    private static void pump(Process process, Path log, BlockingQueue<String> replies) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); Writer file = Files.newBufferedWriter(log)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                file.write(line + "\n");
                file.flush();
                if (line.startsWith(FaultStackMain.REPLY)) {
                    replies.add(line.substring(FaultStackMain.REPLY.length()));
                }
            }
        } catch (IOException ignored) {
            // the stack was killed mid-line; what it wrote so far is in the log
        }
    }

    /** The test JVM's class path, which holds the stack's classes, in an argument file: it is long. */
    private Path classpathArgFile() {
        Path file = dir.resolve("classpath.args");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The PostgreSQL server of this stack, named by the first line of its pid file, if it runs. */
    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dir.resolve("data/postgres/postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::parseLong)
                    .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ProcessHandle> tree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).toList();
    }

    /** Free ports outside {@link #DEFAULT_PORTS} and the ephemeral range, from a random start. */
    private static List<Integer> freePorts(int count) {
        List<Integer> ports = new ArrayList<>();
        int candidate = ThreadLocalRandom.current().nextInt(LOWEST_PORT, EPHEMERAL_PORTS_START - 1_000);
        while (ports.size() < count && candidate < EPHEMERAL_PORTS_START) {
            if (!DEFAULT_PORTS.contains(candidate) && isFree(candidate)) {
                ports.add(candidate);
            }
            candidate++;
        }
        if (ports.size() < count) {
            throw new IllegalStateException("not enough free ports below " + EPHEMERAL_PORTS_START);
        }
        return ports;
    }

    private static boolean isFree(int port) {
        try {
            Ports.requireFree(port, "a child-stack port");
            return true;
        } catch (Ports.PortInUseException e) {
            return false;
        }
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
