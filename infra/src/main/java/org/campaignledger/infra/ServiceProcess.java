package org.campaignledger.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service (a Spring Boot jar) as a child process, started, health-checked and stopped like in production. Its
 * JVM options are {@link #DEFAULT_JVM_OPTIONS} unless {@code ledger.stack.<name>-jvm-options} (or
 * {@code LEDGER_STACK_COMMAND_SERVICE_JVM_OPTIONS}, ...) replaces them, e.g. to attach a profiler.
 */
public final class ServiceProcess implements AutoCloseable {
    /** Chosen by measurement on the 2-core development machine: docs/benchmarks.md, "The services' JVM". */
    public static final String DEFAULT_JVM_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.logFile = logFile;
    }

    public synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " jar not found at " + jar.toAbsolutePath()
                    + "; build it first with ./mvnw -DskipTests package");
        }
        Ports.requireFree(port, "the " + name + " port");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions().trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        if (logFile == null) {
            builder.inheritIO();
        } else {
            try {
                Files.createDirectories(logFile.getParent());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        }
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /** Waits for {@code /actuator/health} to answer UP; fails early if the process dies. */
    public void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        URI health = URI.create(baseUrl() + "/actuator/health");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + (logFile == null ? "" : "; see " + logFile));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + (logFile == null ? "" : "; see " + logFile));
    }

    /** The running JVM's process, for its CPU time and memory; empty while stopped. */
    public synchronized Optional<ProcessHandle> handle() {
        return process == null ? Optional.empty() : Optional.of(process.toHandle());
    }

    public String jvmOptions() {
        return StackSettings.get("ledger.stack." + name + "-jvm-options", DEFAULT_JVM_OPTIONS);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Graceful stop (SIGTERM, Spring's shutdown hooks run); forced after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Hard kill (SIGKILL), to test what survives a crash. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        stop();
    }
}
