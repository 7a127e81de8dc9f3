package org.campaignledger.infra.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commands that may run once every earlier phase has finished. Within a phase, each lane is sent in order
 * (one aggregate's commands, or a chain whose later commands read what the earlier ones did) and lanes run in
 * parallel, so two writers never race for one aggregate.
 */
final class Phase {
    private final String name;
    private final Map<String, List<Command>> lanes = new LinkedHashMap<>();

    Phase(String name) {
        this.name = name;
    }

    Phase add(String lane, LocalDate businessDate, String type, Map<String, Object> fields) {
        lanes.computeIfAbsent(lane, l -> new ArrayList<>()).add(new Command(type, fields, businessDate));
        return this;
    }

    String name() {
        return name;
    }

    Map<String, List<Command>> lanes() {
        return lanes;
    }

    int size() {
        return lanes.values().stream().mapToInt(List::size).sum();
    }
}
