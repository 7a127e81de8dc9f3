package org.campaignledger.kernel.participation;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.MeetingType;
import org.campaignledger.kernel.participation.ParticipationEnums.ParticipationState;

/**
 * The HARD and OVERRIDABLE guards of a participation's stage transitions (DOMAIN §4.5 rows 8, 11, 12 and 17, with
 * DOMAIN-ERRATA B10 and I5), as pure functions of a snapshot. The aggregate enforces them; the read side runs the
 * same predicates to show {@code blockingRules} (DOMAIN §5.2), so the two can never disagree. Failures come in
 * the order of the transition row.
 */
public final class TransitionGuards {
    /** The platform's invalid-state rule id, as the command side reports it. */
    public static final String STATE_RULE = "R-API-STATE";

    private static final Set<GateFact> STAGE_1_FACTS =
            EnumSet.of(GateFact.LEADING_GROUP_FORMED, GateFact.IMPLEMENTATION_PLAN_APPROVED, GateFact.MOBILISED);

    private TransitionGuards() {
    }

    /** What the guards read of a participation. {@code stageStarts} maps a stage to its actual start. */
    public record Snapshot(ParticipationState state, MeetingType meetingType, boolean weakFlagged,
                           Set<GateFact> gateFacts, int concentratedStudyHalfDays, int seminars,
                           Set<String> openReworks, Map<Integer, LocalDate> stageStarts) {
        public Snapshot {
            gateFacts = Collections.unmodifiableSet(gateFacts.isEmpty() ? EnumSet.noneOf(GateFact.class)
                    : EnumSet.copyOf(gateFacts));
            openReworks = Collections.unmodifiableSortedSet(new TreeSet<>(openReworks));
            stageStarts = Map.copyOf(stageStarts);
        }

        boolean dlm() {
            return meetingType == MeetingType.SPECIAL_DLM;
        }
    }

    /** The policy parameters of DOMAIN §2 the guards read. */
    public record Policy(int minConcentratedStudyDays, int minSeminars, Set<EvaluationType> evaluationsRequired,
                         int tierStaggerDays, int staggerToleranceDays, Period minUnitDuration) {
        public Policy {
            evaluationsRequired = Collections.unmodifiableSet(evaluationsRequired.isEmpty()
                    ? EnumSet.noneOf(EvaluationType.class) : EnumSet.copyOf(evaluationsRequired));
        }

        /** From a policy version's parameter map, as {@code PolicyProfileAdopted} carries it. */
        public static Policy fromParameters(Map<String, String> parameters) {
            Set<EvaluationType> evaluations = EnumSet.noneOf(EvaluationType.class);
            Arrays.stream(parameter(parameters, "evaluationsRequired").split(",")).map(String::trim)
                    .filter(v -> !v.isEmpty()).forEach(v -> evaluations.add(EvaluationType.valueOf(v)));
            return new Policy(number(parameters, "minConcentratedStudyDays"), number(parameters, "minSeminars"),
                    evaluations, number(parameters, "tierStaggerDays"), number(parameters, "staggerToleranceDays"),
                    Period.parse(parameter(parameters, "minUnitDuration").trim()));
        }

        private static int number(Map<String, String> parameters, String name) {
            return Integer.parseInt(parameter(parameters, name).trim());
        }

        private static String parameter(Map<String, String> parameters, String name) {
            String value = parameters.get(name);
            if (value == null) {
                throw new IllegalArgumentException("the policy has no parameter " + name);
            }
            return value;
        }
    }

    /**
     * The participation this one cascades from (DOMAIN-ERRATA I5) and its start of the stage in question, null
     * when it has not started it.
     */
    public record Predecessor(String participationId, LocalDate stageStart) {
    }

    public record Failure(String ruleId, String message) {
    }

    /**
     * The failures that would reject the participation's next transition on {@code date}: StartStage{n+1}, or
     * ConcludeParticipation from STAGE_3. A closed participation has no next transition. No exception is assumed.
     */
    public static List<Failure> ofNextTransition(Snapshot snapshot, Policy policy, Predecessor predecessor,
                                                 LocalDate date) {
        return switch (snapshot.state()) {
            case CONCLUDED, WITHDRAWN -> List.of();
            case STAGE_3 -> conclude(snapshot, policy, date, rule -> false);
            default -> startStage(snapshot, nextStage(snapshot.state()), policy, predecessor, date, rule -> false);
        };
    }

    /** The stage StartStage would start next from {@code state}. */
    public static int nextStage(ParticipationState state) {
        return switch (state) {
            case STAGE_1 -> 2;
            case STAGE_2 -> 3;
            default -> 1;
        };
    }

    /**
     * Rows 8, 11 and 12 (R-UNP-05..10, 13, 14, 22, with 07/08 on every stage). {@code excepted} says whether a
     * valid policy exception covers an OVERRIDABLE rule; it is asked only when that rule fails.
     */
    public static List<Failure> startStage(Snapshot s, int stage, Policy policy, Predecessor predecessor,
                                           LocalDate date, Predicate<String> excepted) {
        List<Failure> failures = new ArrayList<>();
        if (stage == 1) {
            // R-UNP-05 is checked in ORG_RECTIFICATION too, so that the weak unit learns why (DOMAIN-ERRATA B10).
            check(failures, !s.weakFlagged() || s.gateFacts().contains(GateFact.ORG_RECTIFICATION_DONE), "R-UNP-05",
                    "a unit flagged weak and lax completes organisational rectification before Stage 1");
            check(failures, s.state() != ParticipationState.REGISTERED, STATE_RULE, "preparation has not started");
            Set<GateFact> missing = EnumSet.copyOf(STAGE_1_FACTS);
            missing.removeAll(s.gateFacts());
            check(failures, missing.isEmpty(), "R-UNP-06", "Stage 1 needs the leading group, the approved "
                    + "implementation plan and the mobilisation; missing " + missing);
        } else {
            check(failures, s.openReworks().isEmpty(), "R-UNP-22", "the rework " + s.openReworks()
                    + " ordered after a failed evaluation is not completed");
            if (stage == 2) {
                int studyDays = s.concentratedStudyHalfDays() / 2;
                check(failures, !s.dlm() || studyDays >= policy.minConcentratedStudyDays(), "R-UNP-09",
                        "concentrated study " + studyDays + " of " + policy.minConcentratedStudyDays() + " days");
                check(failures, policy.minSeminars() == 0 || s.seminars() >= policy.minSeminars(), "R-UNP-10",
                        "special seminars " + s.seminars() + " of " + policy.minSeminars());
                check(failures, !s.dlm() || !policy.evaluationsRequired().contains(EvaluationType.STAGE_1)
                                || s.gateFacts().contains(GateFact.STAGE1_EVALUATION_PASSED), "R-UNP-13",
                        "the Stage-1 public evaluation has not passed");
            } else {
                check(failures, s.gateFacts().contains(GateFact.MEETING_HELD), "R-UNP-14",
                        "the special meeting has not been held");
                check(failures, !s.dlm() || !policy.evaluationsRequired().contains(EvaluationType.POST_MEETING)
                                || s.gateFacts().contains(GateFact.POST_MEETING_EVALUATION_PASSED), "R-UNP-14",
                        "the post-meeting public evaluation has not passed");
            }
        }
        LocalDate predecessorStart = predecessor == null ? null : predecessor.stageStart();
        check(failures, predecessor == null || predecessorStart != null, "R-UNP-07",
                "the unit this one cascades from (" + (predecessor == null ? "" : predecessor.participationId())
                        + ") has not started stage " + stage);
        if (predecessorStart != null) {
            LocalDate earliest = predecessorStart.plusDays(policy.tierStaggerDays() - policy.staggerToleranceDays());
            check(failures, !date.isBefore(earliest) || excepted.test("R-UNP-08"), "R-UNP-08",
                    "stage " + stage + " may start from " + earliest + " (predecessor's start + "
                            + policy.tierStaggerDays() + " ± " + policy.staggerToleranceDays() + " days)");
        }
        return List.copyOf(failures);
    }

    /** Row 17 (R-UNP-22, 16..19, 21); R-UNP-20: open rectification items never block a conclusion. */
    public static List<Failure> conclude(Snapshot s, Policy policy, LocalDate date, Predicate<String> excepted) {
        List<Failure> failures = new ArrayList<>();
        LocalDate stage1Start = s.stageStarts().get(1);
        LocalDate earliest = stage1Start.plus(policy.minUnitDuration());
        check(failures, s.openReworks().isEmpty(), "R-UNP-22", "the rework " + s.openReworks() + " is not completed");
        check(failures, !date.isBefore(earliest) || excepted.test("R-UNP-16"), "R-UNP-16", "the campaign runs at "
                + "least " + policy.minUnitDuration() + " from Stage 1 (" + stage1Start + "): not before " + earliest);
        check(failures, s.gateFacts().contains(GateFact.COLLECTIVE_PLAN_PUBLISHED)
                        && (!s.dlm() || s.gateFacts().contains(GateFact.ALL_PERSONAL_PLANS_PUBLISHED)), "R-UNP-17",
                "the rectification plan" + (s.dlm() ? " and every member's personal measures" : "")
                        + " must be published");
        check(failures, !s.dlm() || s.gateFacts().contains(GateFact.RULE_PLAN_EXISTS), "R-UNP-18",
                "a rule-building plan must exist");
        check(failures, !s.dlm() || s.gateFacts().contains(GateFact.SPECIAL_REPORT_SUBMITTED), "R-UNP-19",
                "the special report on the meeting must be submitted");
        check(failures, !s.dlm() || !policy.evaluationsRequired().contains(EvaluationType.OVERALL)
                        || s.gateFacts().contains(GateFact.OVERALL_EVALUATION_PASSED), "R-UNP-21",
                "the overall public evaluation has not passed");
        return List.copyOf(failures);
    }

    private static void check(List<Failure> failures, boolean holds, String ruleId, String message) {
        if (!holds) {
            failures.add(new Failure(ruleId, message));
        }
    }
}
