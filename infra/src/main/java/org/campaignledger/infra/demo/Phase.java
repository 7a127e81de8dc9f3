package org.campaignledger.infra.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commands that may run once every earlier phase has finished. Within a phase, each lane is sent in order
 * (one aggregate's commands, or a chain whose later commands read what the earlier ones did) and lanes run in
 * parallel, so two writers never race for one aggregate. A phase whose commands take effect elsewhere only
 * through an event handler (a document approval crediting a gate fact) names that effect in
 * {@link #awaitedGate()}, and the next phase starts once the read models show it on every participation.
 */
final class Phase {
    private final String name;
    private final Map<String, List<Command>> lanes = new LinkedHashMap<>();
    private String awaitedGate;

    Phase(String name) {
        this.name = name;
    }

    Phase add(String lane, LocalDate businessDate, String type, Map<String, Object> fields) {
        return add(lane, new Command(type, fields, businessDate, Command.IMPORTER, null));
    }

    /** A command sent by another demo account, whose person the rule checks (a reviewer, an approver). */
    Phase addAs(String account, String lane, LocalDate businessDate, String type, Map<String, Object> fields) {
        return add(lane, new Command(type, fields, businessDate, account, null));
    }

    /** An injected anomaly: the service must reject it with {@code ruleId}, and the lane goes on. */
    Phase addRejected(String ruleId, String lane, LocalDate businessDate, String type, Map<String, Object> fields) {
        return add(lane, new Command(type, fields, businessDate, Command.IMPORTER, ruleId));
    }

    private Phase add(String lane, Command command) {
        lanes.computeIfAbsent(lane, l -> new ArrayList<>()).add(command);
        return this;
    }

    Phase awaiting(String gateFact) {
        this.awaitedGate = gateFact;
        return this;
    }

    String name() {
        return name;
    }

    Map<String, List<Command>> lanes() {
        return lanes;
    }

    String awaitedGate() {
        return awaitedGate;
    }

    /** The earliest business day of the phase's commands, to which the simulated clock moves before it. */
    LocalDate firstBusinessDate() {
        return lanes.values().stream().flatMap(List::stream).map(Command::businessDate).min(LocalDate::compareTo)
                .orElse(null);
    }

    LocalDate lastBusinessDate() {
        return lanes.values().stream().flatMap(List::stream).map(Command::businessDate).max(LocalDate::compareTo)
                .orElse(null);
    }

    int size() {
        return lanes.values().stream().mapToInt(List::size).sum();
    }

    long expectedRejections() {
        return lanes.values().stream().flatMap(List::stream).filter(Command::expectsRejection).count();
    }
}
