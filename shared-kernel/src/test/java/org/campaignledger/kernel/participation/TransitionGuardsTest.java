package org.campaignledger.kernel.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.MeetingType;
import org.campaignledger.kernel.participation.ParticipationEnums.ParticipationState;
import org.campaignledger.kernel.participation.TransitionGuards.Failure;
import org.campaignledger.kernel.participation.TransitionGuards.Policy;
import org.campaignledger.kernel.participation.TransitionGuards.Predecessor;
import org.campaignledger.kernel.participation.TransitionGuards.Snapshot;
import org.junit.jupiter.api.Test;

class TransitionGuardsTest {
    private static final LocalDate MAR_1 = LocalDate.of(2014, 3, 1);
    private static final LocalDate MAY_1 = LocalDate.of(2014, 5, 1);
    private static final Policy POLICY = new Policy(3, 0, EnumSet.of(EvaluationType.POST_MEETING,
            EvaluationType.OVERALL), 15, 5, Period.ofMonths(3));
    private static final Set<GateFact> STAGE_1_FACTS =
            EnumSet.of(GateFact.LEADING_GROUP_FORMED, GateFact.IMPLEMENTATION_PLAN_APPROVED, GateFact.MOBILISED);
    private static final Set<GateFact> CONCLUSION_FACTS = EnumSet.of(GateFact.COLLECTIVE_PLAN_PUBLISHED,
            GateFact.ALL_PERSONAL_PLANS_PUBLISHED, GateFact.RULE_PLAN_EXISTS, GateFact.SPECIAL_REPORT_SUBMITTED,
            GateFact.OVERALL_EVALUATION_PASSED);

    /** A DLM unit in {@code state} holding {@code facts}, with 3 days of study, no seminar and no rework. */
    private static Snapshot dlm(ParticipationState state, Set<GateFact> facts) {
        return new Snapshot(state, MeetingType.SPECIAL_DLM, false, facts, 6, 0, Set.of(), Map.of(1, MAR_1));
    }

    private static List<String> ruleIds(List<Failure> failures) {
        return failures.stream().map(Failure::ruleId).toList();
    }

    private static List<String> stage(Snapshot snapshot, int stage) {
        return ruleIds(TransitionGuards.startStage(snapshot, stage, POLICY, null, MAY_1, rule -> false));
    }

    private static List<String> conclusion(Snapshot snapshot, LocalDate date) {
        return ruleIds(TransitionGuards.conclude(snapshot, POLICY, date, rule -> false));
    }

    @Test
    void a_prepared_unit_meets_every_stage_1_guard() {
        assertThat(stage(dlm(ParticipationState.PREPARING, STAGE_1_FACTS), 1)).isEmpty();
    }

    @Test
    void R_UNP_05_a_weak_unit_needs_its_organisational_rectification() {
        Snapshot weak = new Snapshot(ParticipationState.ORG_RECTIFICATION, MeetingType.SPECIAL_OLM, true,
                STAGE_1_FACTS, 0, 0, Set.of(), Map.of());
        assertThat(stage(weak, 1)).containsExactly("R-UNP-05");
        Set<GateFact> rectified = EnumSet.copyOf(STAGE_1_FACTS);
        rectified.add(GateFact.ORG_RECTIFICATION_DONE);
        assertThat(stage(new Snapshot(ParticipationState.PREPARING, MeetingType.SPECIAL_OLM, true, rectified, 0, 0,
                Set.of(), Map.of()), 1)).isEmpty();
    }

    @Test
    void stage_1_waits_for_preparation_to_start() {
        assertThat(stage(dlm(ParticipationState.REGISTERED, STAGE_1_FACTS), 1))
                .containsExactly(TransitionGuards.STATE_RULE);
    }

    @Test
    void R_UNP_06_stage_1_needs_the_three_preparation_facts_and_names_the_missing_ones() {
        List<Failure> failures = TransitionGuards.startStage(dlm(ParticipationState.PREPARING,
                EnumSet.of(GateFact.LEADING_GROUP_FORMED)), 1, POLICY, null, MAR_1, rule -> false);
        assertThat(failures).containsExactly(new Failure("R-UNP-06", "Stage 1 needs the leading group, the approved "
                + "implementation plan and the mobilisation; missing [IMPLEMENTATION_PLAN_APPROVED, MOBILISED]"));
    }

    @Test
    void R_UNP_07_the_predecessor_must_have_started_the_stage() {
        List<Failure> failures = TransitionGuards.startStage(dlm(ParticipationState.PREPARING, STAGE_1_FACTS), 1,
                POLICY, new Predecessor("mlc:2:county", null), MAR_1, rule -> false);
        assertThat(failures).containsExactly(
                new Failure("R-UNP-07", "the unit this one cascades from (mlc:2:county) has not started stage 1"));
    }

    @Test
    void R_UNP_08_a_stage_starts_a_stagger_after_the_predecessor_unless_excepted() {
        Snapshot prepared = dlm(ParticipationState.PREPARING, STAGE_1_FACTS);
        Predecessor county = new Predecessor("mlc:2:county", LocalDate.of(2014, 2, 28));
        assertThat(TransitionGuards.startStage(prepared, 1, POLICY, county, LocalDate.of(2014, 3, 9), rule -> false))
                .containsExactly(new Failure("R-UNP-08",
                        "stage 1 may start from 2014-03-10 (predecessor's start + 15 ± 5 days)"));
        assertThat(TransitionGuards.startStage(prepared, 1, POLICY, county, LocalDate.of(2014, 3, 10), rule -> false))
                .isEmpty();
        assertThat(TransitionGuards.startStage(prepared, 1, POLICY, county, LocalDate.of(2014, 3, 9),
                "R-UNP-08"::equals)).isEmpty();
    }

    @Test
    void R_UNP_09_a_DLM_unit_needs_the_minimum_concentrated_study_before_stage_2() {
        Snapshot short1 = new Snapshot(ParticipationState.STAGE_1, MeetingType.SPECIAL_DLM, false, STAGE_1_FACTS, 5,
                0, Set.of(), Map.of(1, MAR_1));
        assertThat(TransitionGuards.startStage(short1, 2, POLICY, null, MAY_1, rule -> false))
                .containsExactly(new Failure("R-UNP-09", "concentrated study 2 of 3 days"));
        assertThat(stage(new Snapshot(ParticipationState.STAGE_1, MeetingType.SPECIAL_OLM, false, STAGE_1_FACTS, 0,
                0, Set.of(), Map.of(1, MAR_1)), 2)).isEmpty();
    }

    @Test
    void R_UNP_10_the_policy_minimum_of_seminars_holds_when_set() {
        Policy twoSeminars = new Policy(3, 2, Set.of(), 15, 5, Period.ofMonths(3));
        Snapshot oneSeminar = new Snapshot(ParticipationState.STAGE_1, MeetingType.SPECIAL_DLM, false, STAGE_1_FACTS,
                6, 1, Set.of(), Map.of(1, MAR_1));
        assertThat(TransitionGuards.startStage(oneSeminar, 2, twoSeminars, null, MAY_1, rule -> false))
                .containsExactly(new Failure("R-UNP-10", "special seminars 1 of 2"));
        assertThat(stage(oneSeminar, 2)).isEmpty();
    }

    @Test
    void R_UNP_13_a_DLM_unit_needs_the_stage_1_evaluation_when_the_policy_requires_it() {
        Policy withStage1 = new Policy(3, 0, EnumSet.of(EvaluationType.STAGE_1), 15, 5, Period.ofMonths(3));
        Snapshot studied = dlm(ParticipationState.STAGE_1, STAGE_1_FACTS);
        assertThat(ruleIds(TransitionGuards.startStage(studied, 2, withStage1, null, MAY_1, rule -> false)))
                .containsExactly("R-UNP-13");
        Set<GateFact> passed = EnumSet.copyOf(STAGE_1_FACTS);
        passed.add(GateFact.STAGE1_EVALUATION_PASSED);
        assertThat(TransitionGuards.startStage(dlm(ParticipationState.STAGE_1, passed), 2, withStage1, null, MAY_1,
                rule -> false)).isEmpty();
    }

    @Test
    void R_UNP_14_stage_3_needs_the_meeting_and_for_DLM_units_the_post_meeting_evaluation() {
        assertThat(stage(dlm(ParticipationState.STAGE_2, Set.of()), 3)).containsExactly("R-UNP-14", "R-UNP-14");
        assertThat(TransitionGuards.startStage(dlm(ParticipationState.STAGE_2, EnumSet.of(GateFact.MEETING_HELD)), 3,
                POLICY, null, MAY_1, rule -> false)).containsExactly(
                new Failure("R-UNP-14", "the post-meeting public evaluation has not passed"));
        assertThat(stage(dlm(ParticipationState.STAGE_2, EnumSet.of(GateFact.MEETING_HELD,
                GateFact.POST_MEETING_EVALUATION_PASSED)), 3)).isEmpty();
    }

    @Test
    void R_UNP_22_an_open_rework_holds_the_unit_in_its_stage_and_is_listed_first() {
        Snapshot reworking = new Snapshot(ParticipationState.STAGE_2, MeetingType.SPECIAL_DLM, false, Set.of(), 6, 0,
                Set.of("rw-1"), Map.of(1, MAR_1));
        assertThat(TransitionGuards.startStage(reworking, 3, POLICY, null, MAY_1, rule -> false).get(0))
                .isEqualTo(new Failure("R-UNP-22", "the rework [rw-1] ordered after a failed evaluation is not completed"));
        Snapshot concluding = new Snapshot(ParticipationState.STAGE_3, MeetingType.SPECIAL_DLM, false,
                CONCLUSION_FACTS, 6, 0, Set.of("rw-1"), Map.of(1, MAR_1));
        assertThat(conclusion(concluding, LocalDate.of(2014, 9, 30))).containsExactly("R-UNP-22");
    }

    @Test
    void R_UNP_16_conclusion_comes_the_minimum_duration_after_stage_1_unless_excepted() {
        Snapshot ready = dlm(ParticipationState.STAGE_3, CONCLUSION_FACTS);
        assertThat(TransitionGuards.conclude(ready, POLICY, LocalDate.of(2014, 5, 31), rule -> false))
                .containsExactly(new Failure("R-UNP-16",
                        "the campaign runs at least P3M from Stage 1 (2014-03-01): not before 2014-06-01"));
        assertThat(conclusion(ready, LocalDate.of(2014, 6, 1))).isEmpty();
        assertThat(TransitionGuards.conclude(ready, POLICY, LocalDate.of(2014, 5, 31), "R-UNP-16"::equals)).isEmpty();
    }

    @Test
    void R_UNP_17_conclusion_needs_the_published_plan_and_for_DLM_units_every_personal_one() {
        assertThat(conclusion(dlm(ParticipationState.STAGE_3, without(GateFact.ALL_PERSONAL_PLANS_PUBLISHED)),
                LocalDate.of(2014, 9, 30))).containsExactly("R-UNP-17");
        Snapshot olm = new Snapshot(ParticipationState.STAGE_3, MeetingType.SPECIAL_OLM, false,
                EnumSet.of(GateFact.COLLECTIVE_PLAN_PUBLISHED), 0, 0, Set.of(), Map.of(1, MAR_1));
        assertThat(conclusion(olm, LocalDate.of(2014, 9, 30))).isEmpty();
    }

    @Test
    void R_UNP_18_a_DLM_unit_concludes_with_a_rule_building_plan() {
        assertThat(conclusion(dlm(ParticipationState.STAGE_3, without(GateFact.RULE_PLAN_EXISTS)),
                LocalDate.of(2014, 9, 30))).containsExactly("R-UNP-18");
    }

    @Test
    void R_UNP_19_a_DLM_unit_concludes_after_its_special_report() {
        assertThat(conclusion(dlm(ParticipationState.STAGE_3, without(GateFact.SPECIAL_REPORT_SUBMITTED)),
                LocalDate.of(2014, 9, 30))).containsExactly("R-UNP-19");
    }

    @Test
    void R_UNP_21_a_DLM_unit_concludes_after_the_overall_evaluation_when_required() {
        assertThat(conclusion(dlm(ParticipationState.STAGE_3, without(GateFact.OVERALL_EVALUATION_PASSED)),
                LocalDate.of(2014, 9, 30))).containsExactly("R-UNP-21");
        Policy noOverall = new Policy(3, 0, Set.of(), 15, 5, Period.ofMonths(3));
        assertThat(TransitionGuards.conclude(dlm(ParticipationState.STAGE_3,
                without(GateFact.OVERALL_EVALUATION_PASSED)), noOverall, LocalDate.of(2014, 9, 30), rule -> false))
                .isEmpty();
    }

    @Test
    void the_next_transition_follows_the_state_and_a_closed_participation_has_none() {
        Snapshot registered = dlm(ParticipationState.REGISTERED, Set.of());
        assertThat(ruleIds(TransitionGuards.ofNextTransition(registered, POLICY, null, MAR_1)))
                .containsExactly(TransitionGuards.STATE_RULE, "R-UNP-06");
        assertThat(ruleIds(TransitionGuards.ofNextTransition(dlm(ParticipationState.STAGE_2, Set.of()), POLICY, null,
                MAY_1))).containsExactly("R-UNP-14", "R-UNP-14");
        assertThat(ruleIds(TransitionGuards.ofNextTransition(dlm(ParticipationState.STAGE_3, Set.of()), POLICY, null,
                LocalDate.of(2014, 9, 30)))).containsExactly("R-UNP-17", "R-UNP-18", "R-UNP-19", "R-UNP-21");
        assertThat(TransitionGuards.ofNextTransition(dlm(ParticipationState.CONCLUDED, Set.of()), POLICY, null,
                MAY_1)).isEmpty();
    }

    @Test
    void the_policy_is_read_from_a_policy_versions_parameter_map() {
        Map<String, String> parameters = new HashMap<>(Map.of("minConcentratedStudyDays", "3", "minSeminars", "0",
                "evaluationsRequired", "POST_MEETING,OVERALL", "tierStaggerDays", "15", "staggerToleranceDays", "5",
                "minUnitDuration", "P3M", "zone", "Asia/Shanghai"));
        assertThat(Policy.fromParameters(parameters)).isEqualTo(POLICY);
        parameters.put("evaluationsRequired", "");
        assertThat(Policy.fromParameters(parameters).evaluationsRequired()).isEmpty();
    }

    private static Set<GateFact> without(GateFact fact) {
        Set<GateFact> facts = EnumSet.copyOf(CONCLUSION_FACTS);
        facts.remove(fact);
        return facts;
    }
}
