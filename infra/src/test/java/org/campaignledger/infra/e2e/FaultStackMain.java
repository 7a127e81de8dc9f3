package org.campaignledger.infra.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.campaignledger.infra.EmbeddedInfrastructure;
import org.campaignledger.infra.EmbeddedStack;
import org.campaignledger.infra.ServiceProcess;
import org.campaignledger.infra.StackSettings;

/**
 * The embedded stack as {@code StackLauncher} starts it ({@link EmbeddedStack}), in a JVM of
 * its own so that a test can SIGKILL all of it at once. Faults that hit one piece are asked for on stdin, one
 * command a line, each answered by one {@link #REPLY}-prefixed line on stdout once done (and the start itself by
 * {@code ready}):
 * {@code kafka-stop}, {@code kafka-start}, {@code command-kill}, {@code command-start}, {@code query-kill},
 * {@code query-start}. Kills are SIGKILL; starts return once the process runs, not once it is healthy, so a test
 * can strike a service while it is still catching up. When stdin closes (the test JVM is gone) the stack stops.
 */
final class FaultStackMain {
    static final String REPLY = "fault-stack> ";

    private FaultStackMain() {
    }

    public static void main(String[] args) throws IOException {
        StackSettings settings = StackSettings.fromEnvironment(args);
        EmbeddedStack stack = new EmbeddedStack(settings);
        EmbeddedInfrastructure infra = stack.infra();
        ServiceProcess command = stack.command();
        ServiceProcess query = stack.query();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            query.kill();
            command.kill();
            infra.close();
        }, "fault-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.out.println(REPLY + "failed start: " + e);
            System.exit(1);
        }
        System.out.println(REPLY + "ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            try {
                switch (line) {
                    case "kafka-stop" -> infra.kafka().stop();
                    case "kafka-start" -> infra.kafka().start();
                    case "command-kill" -> command.kill();
                    case "command-start" -> command.start();
                    case "query-kill" -> query.kill();
                    case "query-start" -> query.start();
                    default -> throw new IllegalArgumentException("unknown command");
                }
                System.out.println(REPLY + "ok " + line);
            } catch (RuntimeException e) {
                System.out.println(REPLY + "failed " + line + ": " + e);
            }
        }
        System.exit(0);
    }
}
