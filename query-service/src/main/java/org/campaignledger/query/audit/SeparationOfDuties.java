package org.campaignledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.envelope.StoredEvent;

/**
 * AQ-9: the separation-of-duties rules of DOMAIN §7, checked again over the recorded history, event by event in
 * global order. The aggregates already refuse these commands, so every row found here is a defect or tampering.
 * SoD-2, SoD-3 and SoD-4 concern talks and rectification items, which no aggregate records yet: they are
 * reported as not checked rather than as passing.
 */
final class SeparationOfDuties {
    /** One finding: which rule, the event that broke it, and the person who should not have acted. */
    record Violation(String sod, String ruleId, String eventId, String eventType, String aggregateId, String unitId,
                     String jurisdictionId, String personId, String detail) {
    }

    static final Map<String, String> NOT_CHECKED = Map.of(
            "SoD-2", "talks are not recorded yet",
            "SoD-3", "rectification items are not recorded yet",
            "SoD-4", "rectification items are not recorded yet");

    private record Period(String who, LocalDate from, LocalDate to) {
        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return (to == null || otherFrom == null || !otherFrom.isAfter(to))
                    && (otherTo == null || from == null || !from.isAfter(otherTo));
        }

        boolean covers(LocalDate day) {
            return overlaps(day, day);
        }
    }

    private record Assignment(String sgId, String unitId, LocalDate from, LocalDate to, StoredEvent source) {
    }

    private final ObjectMapper json;
    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Set<String>> documentAuthors = new HashMap<>();
    private final Map<String, Map<Integer, String>> documentStepVerbs = new HashMap<>();
    private final Map<String, List<Period>> rosters = new HashMap<>();
    private final Map<String, List<Period>> groupMembers = new HashMap<>();
    private final List<Assignment> assignments = new ArrayList<>();
    private final Map<String, String> lookBackGroups = new HashMap<>();
    private final Map<String, String> lastClassifier = new HashMap<>();
    private final Map<String, String> tallyEnterers = new HashMap<>();
    private final Map<String, Set<String>> evaluationEnterers = new HashMap<>();
    private long checkedEvents;

    SeparationOfDuties(ObjectMapper json) {
        this.json = json;
    }

    void accept(StoredEvent event) {
        checkedEvents++;
        JsonNode p = payload(event);
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('$') + 1);
        switch (type) {
            case "DocumentDrafted" -> documentAuthors.computeIfAbsent(text(p, "documentId"), d -> new HashSet<>())
                    .add(text(p, "drafterPersonId"));
            case "DocumentRevised" -> documentAuthors.computeIfAbsent(text(p, "documentId"), d -> new HashSet<>())
                    .add(text(p, "revisedByPersonId"));
            case "DocumentSubmitted" -> {
                Map<Integer, String> verbs = new HashMap<>();
                p.path("resolvedSteps").forEach(step -> verbs.put(step.path("stepNo").asInt(), text(step, "verb")));
                documentStepVerbs.put(text(p, "documentId"), verbs);
            }
            case "DocumentStepApproved", "DocumentReturned" -> reviewedByAuthor(event, p);
            case "DocumentStepAcknowledged" -> {
                String verb = documentStepVerbs.getOrDefault(text(p, "documentId"), Map.of())
                        .get(p.path("stepNo").asInt());
                if (!"FILE".equals(verb)) {
                    reviewedByAuthor(event, p);
                }
            }
            case "RosterMemberAppointed" -> rosters.computeIfAbsent(text(p, "unitId"), u -> new ArrayList<>())
                    .add(new Period(text(p, "personId"), date(p, "effectiveFrom"), null));
            case "RosterMembershipEnded" -> close(rosters.get(text(p, "unitId")), text(p, "personId"),
                    date(p, "effectiveTo"));
            case "SupervisionGroupFormed" -> {
                List<Period> members = groupMembers.computeIfAbsent(text(p, "sgId"), g -> new ArrayList<>());
                p.path("members").forEach(m -> members.add(new Period(text(m, "personId"), date(p, "date"), null)));
                members.add(new Period(text(p, "leaderPersonId"), date(p, "date"), null));
            }
            case "SupervisionGroupMemberAdded" -> groupMembers.computeIfAbsent(text(p, "sgId"), g -> new ArrayList<>())
                    .add(new Period(text(p, "personId"), date(p, "date"), null));
            case "SupervisionGroupMemberRemoved" -> close(groupMembers.get(text(p, "sgId")), text(p, "personId"),
                    date(p, "date"));
            case "UnitAssignedToSupervisionGroup" -> assignments.add(new Assignment(text(p, "sgId"),
                    text(p, "unitId"), date(p, "from"), null, event));
            case "UnitUnassignedFromSupervisionGroup" -> {
                for (int i = 0; i < assignments.size(); i++) {
                    Assignment a = assignments.get(i);
                    if (a.sgId().equals(text(p, "sgId")) && a.unitId().equals(text(p, "unitId")) && a.to() == null) {
                        assignments.set(i, new Assignment(a.sgId(), a.unitId(), a.from(), date(p, "to"), a.source()));
                    }
                }
            }
            case "PolicyExceptionGranted" -> {
                String approver = text(p, "approvedByPersonId");
                if (onRoster(text(p, "unitId"), approver, date(p, "date"))) {
                    violation("SoD-5", "R-GEN-03", event, approver,
                            "the exception was approved by a member of the unit it benefits");
                }
            }
            case "OpinionClassified" -> lastClassifier.put(text(p, "opinionId"), text(p, "classifiedByPersonId"));
            case "OpinionClassificationCorrected" -> {
                String approver = text(p, "approvedByPersonId");
                if (approver != null && approver.equals(lastClassifier.get(text(p, "opinionId")))) {
                    violation("SoD-6", "SoD-6", event, approver,
                            "the correction was approved by the person who recorded the classification");
                }
            }
            case "EvaluationPaperTallyRecorded" -> {
                String enterer = text(p, "enteredByPersonId");
                tallyEnterers.put(text(p, "evaluationId") + "/" + text(p, "tallyId"), enterer);
                evaluationEnterers.computeIfAbsent(text(p, "evaluationId"), e -> new HashSet<>()).add(enterer);
            }
            case "EvaluationPaperTallyConfirmed" -> {
                String confirmer = text(p, "confirmedByPersonId");
                if (confirmer != null && confirmer.equals(
                        tallyEnterers.get(text(p, "evaluationId") + "/" + text(p, "tallyId")))) {
                    violation("SoD-7", "R-EVL-13", event, confirmer, "the paper tally was confirmed by its enterer");
                }
            }
            case "EvaluationTallyCorrected" -> {
                String approver = text(p, "approvedByPersonId");
                if (evaluationEnterers.getOrDefault(text(p, "evaluationId"), Set.of()).contains(approver)) {
                    violation("SoD-6", "R-EVL-09", event, approver,
                            "the tally correction was approved by a person who entered a tally");
                }
            }
            case "LookBackOpened" -> lookBackGroups.put(text(p, "lookBackId"), text(p, "sgId"));
            case "LookBackOutcomeAmended" -> {
                String approver = text(p, "approvedByPersonId");
                String group = lookBackGroups.get(text(p, "lookBackId"));
                boolean inGroup = group != null && groupMembers.getOrDefault(group, List.of()).stream()
                        .anyMatch(m -> m.who().equals(approver));
                if (approver != null && (inGroup || approver.equals(text(p, "proposedByPersonId")))) {
                    violation("SoD-9", "R-LBK-05", event, approver,
                            "the downgrade was approved inside the supervision group that proposed it");
                }
            }
            default -> {
            }
        }
    }

    /** The answer of AQ-9 for one jurisdiction (or all of them when {@code jurisdictionId} is null). */
    Map<String, Object> result(String jurisdictionId) {
        List<Violation> found = new ArrayList<>(violations);
        found.addAll(supervisorsOnTheRosterTheySupervise());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jurisdictionId", jurisdictionId);
        body.put("checkedEvents", checkedEvents);
        body.put("checked", List.of("SoD-1", "SoD-5", "SoD-6", "SoD-7", "SoD-8", "SoD-9"));
        body.put("notChecked", NOT_CHECKED);
        body.put("violations", found.stream()
                .filter(v -> jurisdictionId == null || jurisdictionId.equals(v.jurisdictionId())).toList());
        return body;
    }

    /** SoD-8 (R-SG-03): a member of a group while it supervises a unit whose roster they sit on. */
    private List<Violation> supervisorsOnTheRosterTheySupervise() {
        List<Violation> found = new ArrayList<>();
        for (Assignment assignment : assignments) {
            for (Period member : groupMembers.getOrDefault(assignment.sgId(), List.of())) {
                boolean clash = member.overlaps(assignment.from(), assignment.to())
                        && rosters.getOrDefault(assignment.unitId(), List.of()).stream()
                        .anyMatch(seat -> seat.who().equals(member.who())
                                && seat.overlaps(assignment.from(), assignment.to())
                                && seat.overlaps(member.from(), member.to()));
                if (clash) {
                    found.add(violationOf("SoD-8", "R-SG-03", assignment.source(), member.who(),
                            "a member of " + assignment.sgId() + " sits on the roster of a unit it supervises"));
                }
            }
        }
        return found;
    }

    private void reviewedByAuthor(StoredEvent event, JsonNode p) {
        String reviewer = text(p, "byPersonId");
        if (documentAuthors.getOrDefault(text(p, "documentId"), Set.of()).contains(reviewer)) {
            violation("SoD-1", "R-REV-02", event, reviewer, "a step was decided by an author of the document");
        }
    }

    private boolean onRoster(String unitId, String personId, LocalDate on) {
        return on != null && rosters.getOrDefault(unitId, List.of()).stream()
                .anyMatch(seat -> seat.who().equals(personId) && seat.covers(on));
    }

    private static void close(List<Period> periods, String who, LocalDate to) {
        if (periods == null) {
            return;
        }
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            if (period.who().equals(who) && period.to() == null) {
                periods.set(i, new Period(who, period.from(), to));
            }
        }
    }

    private void violation(String sod, String ruleId, StoredEvent event, String personId, String detail) {
        violations.add(violationOf(sod, ruleId, event, personId, detail));
    }

    private static Violation violationOf(String sod, String ruleId, StoredEvent event, String personId,
                                         String detail) {
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('$') + 1);
        return new Violation(sod, ruleId, event.eventId(), type, event.aggregateId(),
                event.metaData().get(MetaDataKeys.UNIT_ID), event.metaData().get(MetaDataKeys.JURISDICTION_ID),
                personId, detail);
    }

    private JsonNode payload(StoredEvent event) {
        try {
            return event.payloadJson() == null ? json.nullNode() : json.readTree(event.payloadJson());
        } catch (IOException unreadable) {
            // AQ-10 reports unreadable payloads through the hash chain; here there is nothing to check.
            return json.nullNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }
}
