package org.campaignledger.command.participation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.RosterEntry;
import org.campaignledger.command.rollout.domain.TypeGuidance;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.RosterPosition;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.participation.ParticipationCommand.ConcludeParticipation;
import org.campaignledger.kernel.participation.ParticipationCommand.CreditGateFact;
import org.campaignledger.kernel.participation.ParticipationCommand.ExtendStage;
import org.campaignledger.kernel.participation.ParticipationCommand.OrderRework;
import org.campaignledger.kernel.participation.ParticipationCommand.RecordAccountabilityMeasure;
import org.campaignledger.kernel.participation.ParticipationCommand.RecordStudyActivity;
import org.campaignledger.kernel.participation.ParticipationCommand.RegisterParticipation;
import org.campaignledger.kernel.participation.ParticipationCommand.ReopenStage;
import org.campaignledger.kernel.participation.ParticipationCommand.StartStage;
import org.campaignledger.kernel.participation.ParticipationEnums.AccountabilityMeasure;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.MaterialRequirement;
import org.campaignledger.kernel.participation.ParticipationEnums.MeetingType;
import org.campaignledger.kernel.participation.ParticipationEnums.ParticipationState;
import org.campaignledger.kernel.participation.ParticipationEnums.RectificationForm;
import org.campaignledger.kernel.participation.ParticipationEnums.ReworkScope;
import org.campaignledger.kernel.participation.ParticipationEnums.StudyActivityType;
import org.campaignledger.kernel.participation.ParticipationEvent.AccountabilityMeasureRecorded;
import org.campaignledger.kernel.participation.ParticipationEvent.GateFactCredited;
import org.campaignledger.kernel.participation.ParticipationEvent.GateFactRevoked;
import org.campaignledger.kernel.participation.ParticipationEvent.ParticipationConcluded;
import org.campaignledger.kernel.participation.ParticipationEvent.ParticipationRegistered;
import org.campaignledger.kernel.participation.ParticipationEvent.PreparationStarted;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkOrdered;
import org.campaignledger.kernel.participation.ParticipationEvent.RuleWarningRaised;
import org.campaignledger.kernel.participation.ParticipationEvent.StageCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.StageExtended;
import org.campaignledger.kernel.participation.ParticipationEvent.StageReopened;
import org.campaignledger.kernel.participation.ParticipationEvent.StageStarted;
import org.campaignledger.kernel.participation.ParticipationEvent.StudyActivityRecorded;
import org.campaignledger.kernel.participation.ParticipationEvent.WeakOrganisationFlagged;
import org.campaignledger.kernel.participation.ParticipationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnitParticipationTest {
    private static final CampaignId CAMPAIGN = CampaignId.of("mlc");
    private static final UnitId COUNTY = UnitId.of("county");
    private static final UnitId TOWN = UnitId.of("town");
    private static final ParticipationId ID = ParticipationId.of(CAMPAIGN, 2, TOWN);
    private static final Map<String, Object> ACTOR = Map.of("actorId", "sg-1");
    private static final LocalDate MAR_1 = LocalDate.of(2014, 3, 1);

    private AggregateTestFixture<UnitParticipation> fixture;
    private InMemoryDirectories directories;
    private final Participations participations = new Participations();

    /** Other units' participations, as the directory would report them. */
    static final class Participations implements ParticipationDirectory {
        final Map<UnitId, ParticipationFacts> byUnit = new HashMap<>();

        @Override
        public Optional<ParticipationFacts> find(CampaignId campaignId, UnitId unitId) {
            return Optional.ofNullable(byUnit.get(unitId));
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UnitParticipation.class);
        directories = new InMemoryDirectories().campaign("mlc")
                .batch("mlc", 2, UnitType.LEADING_BODY, UnitType.TOWNSHIP_STREET, UnitType.VILLAGE_COMMUNITY,
                        UnitType.SCHOOL)
                .policy("mlc", "KENLI_DEMO", Map.of())
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY)
                .unit("town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "county")
                .unit("village", Level.VILLAGE, UnitType.VILLAGE_COMMUNITY, "county", "town")
                .unit("county-school", Level.TOWNSHIP, UnitType.SCHOOL, "county")
                .unit("town-school", Level.VILLAGE, UnitType.SCHOOL, "county", "town")
                .unit("firm", Level.VILLAGE, UnitType.SOE, "county", "town");
        fixture.registerInjectableResource(directories);
        fixture.registerInjectableResource(participations);
        for (String unit : List.of("county", "town", "village", "county-school", "town-school", "firm")) {
            rosters.mainLeader(unit, "secretary-of-" + unit, LocalDate.of(2013, 1, 1), null);
        }
        fixture.registerInjectableResource(teamRosters);
        fixture.registerInjectableResource(exceptions);
        fixture.registerInjectableResource(guidance);
    }

    /** The unit types the county's rollout has issued guidance for (R-RLO-05): every type unless a test says. */
    private final Set<UnitType> guidedTypes = EnumSet.allOf(UnitType.class);
    private final TypeGuidance guidance = (rolloutId, unitType) -> rolloutId.equals(RolloutId.of(CAMPAIGN, 2, COUNTY))
            && guidedTypes.contains(unitType) ? Optional.of("guidance-" + unitType) : Optional.empty();

    /** Whole teams of the units a test names (R-UNP-12); main leaders as {@code rosters} has them. */
    private final Map<UnitId, List<RosterEntry>> teams = new HashMap<>();
    private final RosterDirectory teamRosters = new RosterDirectory() {
        @Override
        public List<RosterEntry> rosterAsOf(UnitId unitId, LocalDate date) {
            return teams.getOrDefault(unitId, List.of()).stream().filter(entry -> entry.isActiveOn(date)).toList();
        }

        @Override
        public Optional<PersonId> mainLeaderAsOf(UnitId unitId, LocalDate date) {
            return rosters.mainLeaderAsOf(unitId, date);
        }

        @Override
        public boolean isOnRoster(UnitId unitId, PersonId personId, LocalDate date) {
            return rosters.isOnRoster(unitId, personId, date);
        }
    };

    private void team(String unitId, String mainLeader, String... members) {
        LocalDate since = LocalDate.of(2013, 1, 1);
        List<RosterEntry> team = new ArrayList<>(List.of(new RosterEntry(PersonId.of(mainLeader),
                RosterPosition.SECRETARY, true, since, null)));
        for (String member : members) {
            team.add(new RosterEntry(PersonId.of(member), RosterPosition.MEMBER, false, since, null));
        }
        teams.put(UnitId.of(unitId), team);
    }

    /** One R-UNP-08 exception granted to the township and one R-UNP-16 exception, both until the end of 2014. */
    private final org.campaignledger.command.rollout.domain.PolicyExceptions exceptions = id -> Optional.of(
            new org.campaignledger.command.rollout.domain.PolicyExceptions.Granted(id,
                    org.campaignledger.kernel.id.RolloutId.of("mlc:2:county"), TOWN,
                    id.value().equals("ex-stagger") ? "R-UNP-08" : "R-UNP-16", PersonId.of("approver"),
                    LocalDate.of(2014, 3, 1), LocalDate.of(2014, 12, 31), false));

    private final org.campaignledger.command.supervision.domain.InMemoryRosters rosters =
            new org.campaignledger.command.supervision.domain.InMemoryRosters();
    private static final Map<String, Object> OFFICE_ON_FEB_20 =
            Map.of("actorId", "office-1", "occurredAt", "2014-02-20T01:00:00Z");

    private static ParticipationRegistered registered(MeetingType meetingType) {
        return new ParticipationRegistered(ID, CAMPAIGN, 2, TOWN, UnitType.TOWNSHIP_STREET, Level.TOWNSHIP, 2, COUNTY,
                List.of(COUNTY), meetingType, MaterialRequirement.FULL, RectificationForm.COLLECTIVE_PLAN_AND_PERSONAL);
    }

    private static GateFactCredited fact(GateFact fact) {
        return new GateFactCredited(ID, fact, "Test", "src", "evt-" + fact);
    }

    /**
     * A DLM township in Stage 1 since 1 March, ready to study, with three of its "four ones" done in preparation
     * (R-UNP-11); the concentrated study each test records is the fourth.
     */
    private static List<Object> inStage1() {
        List<Object> history = new ArrayList<>(List.of(registered(MeetingType.SPECIAL_DLM),
                new PreparationStarted(ID, MAR_1.minusDays(20)), fact(GateFact.LEADING_GROUP_FORMED),
                fact(GateFact.IMPLEMENTATION_PLAN_APPROVED), fact(GateFact.MOBILISED)));
        history.addAll(onesBesidesStudy());
        history.add(new StageStarted(ID, 1, MAR_1, LocalDate.of(2014, 4, 30), null, null));
        return history;
    }

    private static List<StudyActivityRecorded> onesBesidesStudy() {
        return List.of(study("visit", StudyActivityType.RESEARCH_VISIT, 2, false),
                study("models", StudyActivityType.ROLE_MODEL_PUBLICITY, 1, false),
                study("warning", StudyActivityType.WARNING_EDUCATION, 1, false));
    }

    private static StudyActivityRecorded study(String id, StudyActivityType type, int halfDays, boolean counts) {
        return new StudyActivityRecorded(ID, id, type, null, MAR_1, MAR_1.plusDays(halfDays / 2), halfDays, 30,
                List.of(PersonId.of("sg-1")), counts, type == StudyActivityType.SPECIAL_SEMINAR);
    }

    private static List<Object> inStage2() {
        List<Object> history = inStage1();
        history.add(study("s1", StudyActivityType.CONCENTRATED_STUDY, 6, true));
        history.add(new StageCompleted(ID, 1, LocalDate.of(2014, 5, 1)));
        history.add(new StageStarted(ID, 2, LocalDate.of(2014, 5, 1), null, null, null));
        return history;
    }

    private static List<Object> inStage3() {
        List<Object> history = inStage2();
        history.add(fact(GateFact.MEETING_HELD));
        history.add(fact(GateFact.POST_MEETING_EVALUATION_PASSED));
        history.add(new StageCompleted(ID, 2, LocalDate.of(2014, 7, 1)));
        history.add(new StageStarted(ID, 3, LocalDate.of(2014, 7, 1), null, null, null));
        return history;
    }

    private RegisterParticipation register(String unit) {
        return new RegisterParticipation(null, CAMPAIGN, 2, UnitId.of(unit), 2);
    }

    @Test
    void R_UNP_01_R_CMP_02_one_participation_per_unit_and_campaign() {
        participations.byUnit.put(TOWN, new ParticipationDirectory.ParticipationFacts(
                ParticipationId.of(CAMPAIGN, 1, TOWN), 1, Map.of()));
        fixture.givenNoPriorActivity().when(register("town"), OFFICE_ON_FEB_20)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("unit town already takes part in this campaign as mlc:1:town");
    }

    @Test
    void R_UNP_01_R_CMP_01_the_batch_admits_the_unit_type() {
        fixture.givenNoPriorActivity().when(register("firm"), OFFICE_ON_FEB_20)
                .expectNoEvents().expectExceptionMessage("batch 2 does not admit units of type SOE");
    }

    @Test
    void R_UNP_02_R_UNP_03_R_UNP_04_a_township_holds_a_DLM_writes_full_material_and_a_collective_plan() {
        fixture.givenNoPriorActivity().when(register("town"), OFFICE_ON_FEB_20).expectEvents(registered(MeetingType.SPECIAL_DLM));
    }

    @Test
    void R_UNP_02_R_UNP_03_R_UNP_04_a_village_holds_an_OLM_writes_a_brief_and_a_problem_list() {
        ParticipationId id = ParticipationId.of(CAMPAIGN, 2, UnitId.of("village"));
        fixture.givenNoPriorActivity().when(register("village"), OFFICE_ON_FEB_20)
                .expectEvents(new ParticipationRegistered(id, CAMPAIGN, 2, UnitId.of("village"),
                        UnitType.VILLAGE_COMMUNITY, Level.VILLAGE, 2, COUNTY, List.of(COUNTY, TOWN), MeetingType.SPECIAL_OLM,
                        MaterialRequirement.BRIEF, RectificationForm.PROBLEM_LIST));
    }

    @Test
    void R_UNP_02_a_school_holds_a_DLM_only_directly_under_a_county() {
        fixture.givenNoPriorActivity().when(register("county-school"), OFFICE_ON_FEB_20)
                .expectEventsMatching(payloadMentions("meetingType=SPECIAL_DLM, materialRequirement=FULL"));
        fixture.givenNoPriorActivity().when(register("town-school"), OFFICE_ON_FEB_20)
                .expectEventsMatching(payloadMentions("meetingType=SPECIAL_OLM, materialRequirement=OPTIONAL"));
    }

    @Test
    void R_UNP_05_a_weak_unit_rectifies_its_organisation_before_stage_1() {
        fixture.given(registered(MeetingType.SPECIAL_DLM), new WeakOrganisationFlagged(ID, "no secretary", null))
                .when(new StartStage(ID, 1, MAR_1, null))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("a unit flagged weak and lax completes organisational rectification before Stage 1");
    }

    @Test
    void R_UNP_06_stage_1_needs_the_leading_group_the_approved_plan_and_the_mobilisation() {
        fixture.given(registered(MeetingType.SPECIAL_DLM), new PreparationStarted(ID, MAR_1),
                        fact(GateFact.LEADING_GROUP_FORMED), fact(GateFact.MOBILISED))
                .when(new StartStage(ID, 1, MAR_1, null))
                .expectNoEvents()
                .expectExceptionMessage("Stage 1 needs the leading group, the approved implementation plan and the "
                        + "mobilisation; missing [IMPLEMENTATION_PLAN_APPROVED]");
    }

    @Test
    void R_UNP_07_a_unit_starts_a_stage_only_after_the_unit_it_cascades_from() {
        participations.byUnit.put(COUNTY, new ParticipationDirectory.ParticipationFacts(
                ParticipationId.of(CAMPAIGN, 2, COUNTY), 1, Map.of()));
        List<Object> history = new ArrayList<>(inStage1());
        history.remove(history.size() - 1);
        fixture.given(history).when(new StartStage(ID, 1, MAR_1, null))
                .expectNoEvents().expectExceptionMessage("the unit this one cascades from (mlc:2:county) has not started stage 1");
    }

    @Test
    void R_UNP_08_a_tier_starts_about_half_a_month_after_its_predecessor() {
        participations.byUnit.put(COUNTY, new ParticipationDirectory.ParticipationFacts(
                ParticipationId.of(CAMPAIGN, 2, COUNTY), 1, Map.of(1, LocalDate.of(2014, 2, 28))));
        List<Object> history = new ArrayList<>(inStage1());
        history.remove(history.size() - 1);
        fixture.given(history).when(new StartStage(ID, 1, LocalDate.of(2014, 3, 9), null))
                .expectNoEvents().expectExceptionMessage(
                        "stage 1 may start from 2014-03-10 (predecessor's start + 15 ± 5 days)");
        fixture.given(history).when(new StartStage(ID, 1, LocalDate.of(2014, 3, 10), null))
                .expectEvents(new StageStarted(ID, 1, LocalDate.of(2014, 3, 10), null, COUNTY,
                        LocalDate.of(2014, 2, 28)));
    }

    @Test
    void R_UNP_08_the_stagger_of_the_jurisdictions_policy_applies() {
        participations.byUnit.put(COUNTY, new ParticipationDirectory.ParticipationFacts(
                ParticipationId.of(CAMPAIGN, 2, COUNTY), 1, Map.of(1, LocalDate.of(2014, 2, 28))));
        directories.rolloutOverride("mlc", 2, COUNTY.value(), "tierStaggerDays", "10");
        List<Object> history = new ArrayList<>(inStage1());
        history.remove(history.size() - 1);
        fixture.given(history).when(new StartStage(ID, 1, LocalDate.of(2014, 3, 5), null))
                .expectEvents(new StageStarted(ID, 1, LocalDate.of(2014, 3, 5), null, COUNTY,
                        LocalDate.of(2014, 2, 28)));
    }

    @Test
    void R_UNP_09_stage_2_needs_the_minimum_days_of_concentrated_study() {
        List<Object> history = inStage1();
        history.add(study("s1", StudyActivityType.CONCENTRATED_STUDY, 4, true));
        fixture.given(history).when(new StartStage(ID, 2, LocalDate.of(2014, 5, 1), null))
                .expectNoEvents().expectExceptionMessage("concentrated study 2 of 3 days");
        history.add(study("s2", StudyActivityType.CONCENTRATED_STUDY, 2, true));
        fixture.given(history).when(new StartStage(ID, 2, LocalDate.of(2014, 5, 1), null))
                .expectEvents(new StageCompleted(ID, 1, LocalDate.of(2014, 5, 1)),
                        new StageStarted(ID, 2, LocalDate.of(2014, 5, 1), null, null, null));
    }

    @Test
    void R_UNP_09_an_excluded_format_never_counts_as_concentrated_study() {
        fixture.given(inStage1())
                .when(new RecordStudyActivity(ID, "lecture", StudyActivityType.CONCENTRATED_STUDY,
                        StudyActivityType.EXPERT_LECTURE, MAR_1, MAR_1.plusDays(2), 6, 40, List.of()))
                .expectEventsMatching(payloadMentions("countsAsConcentratedStudy=false"));
    }

    @Test
    void R_UNP_09_study_without_the_supervision_group_is_warned_about() {
        List<Object> history = inStage1();
        history.add(new StudyActivityRecorded(ID, "s1", StudyActivityType.CONCENTRATED_STUDY, null, MAR_1,
                MAR_1.plusDays(2), 6, 30, List.of(), true, false));
        fixture.given(history).when(new StartStage(ID, 2, LocalDate.of(2014, 5, 1), null))
                .expectEvents(new RuleWarningRaised(ID, "R-UNP-09",
                                "no supervision-group member attended the concentrated study"),
                        new StageCompleted(ID, 1, LocalDate.of(2014, 5, 1)),
                        new StageStarted(ID, 2, LocalDate.of(2014, 5, 1), null, null, null));
    }

    @Test
    void R_UNP_10_stage_2_needs_the_minimum_number_of_seminars() {
        directories.policy("mlc", "KENLI_DEMO", Map.of("minSeminars", "2"));
        List<Object> history = inStage1();
        history.add(study("s1", StudyActivityType.CONCENTRATED_STUDY, 6, true));
        history.add(study("sem1", StudyActivityType.SPECIAL_SEMINAR, 1, false));
        fixture.given(history).when(new StartStage(ID, 2, LocalDate.of(2014, 5, 1), null))
                .expectNoEvents().expectExceptionMessage("special seminars 1 of 2");
    }

    @Test
    void R_UNP_13_a_DLM_unit_needs_a_passed_stage_1_evaluation_when_the_policy_requires_one() {
        directories.policy("mlc", "DEFAULT", Map.of());
        List<Object> history = inStage1();
        history.add(study("s1", StudyActivityType.CONCENTRATED_STUDY, 10, true));
        fixture.given(history).when(new StartStage(ID, 2, LocalDate.of(2014, 5, 1), null))
                .expectNoEvents().expectExceptionMessage("the Stage-1 public evaluation has not passed");
        history.add(fact(GateFact.STAGE1_EVALUATION_PASSED));
        fixture.given(history).when(new StartStage(ID, 2, LocalDate.of(2014, 5, 1), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_UNP_14_stage_3_needs_the_meeting_held_and_the_post_meeting_evaluation_passed() {
        fixture.given(inStage2()).when(new StartStage(ID, 3, LocalDate.of(2014, 7, 1), null))
                .expectNoEvents().expectExceptionMessage("the special meeting has not been held");
        List<Object> held = inStage2();
        held.add(fact(GateFact.MEETING_HELD));
        fixture.given(held).when(new StartStage(ID, 3, LocalDate.of(2014, 7, 1), null))
                .expectNoEvents().expectExceptionMessage("the post-meeting public evaluation has not passed");
    }

    @Test
    void R_UNP_15_study_is_recorded_in_every_stage() {
        fixture.given(inStage3())
                .when(new RecordStudyActivity(ID, "late", StudyActivityType.READING, null, MAR_1, MAR_1, 1, 10, List.of()))
                .expectSuccessfulHandlerExecution();
        fixture.given(registered(MeetingType.SPECIAL_DLM), new PreparationStarted(ID, MAR_1))
                .when(new RecordStudyActivity(ID, "early", StudyActivityType.READING, null, MAR_1, MAR_1, 1, 10, List.of()))
                .expectSuccessfulHandlerExecution();
    }

    private List<Object> readyToConclude() {
        List<Object> history = inStage3();
        history.add(fact(GateFact.COLLECTIVE_PLAN_PUBLISHED));
        history.add(fact(GateFact.ALL_PERSONAL_PLANS_PUBLISHED));
        history.add(fact(GateFact.RULE_PLAN_EXISTS));
        history.add(fact(GateFact.SPECIAL_REPORT_SUBMITTED));
        history.add(fact(GateFact.OVERALL_EVALUATION_PASSED));
        return history;
    }

    @Test
    void R_UNP_16_a_unit_concludes_no_sooner_than_the_minimum_duration_after_stage_1() {
        fixture.given(readyToConclude()).when(new ConcludeParticipation(ID, LocalDate.of(2014, 5, 31)))
                .expectNoEvents().expectExceptionMessage(
                        "the campaign runs at least P3M from Stage 1 (2014-03-01): not before 2014-06-01");
        fixture.given(readyToConclude()).when(new ConcludeParticipation(ID, LocalDate.of(2014, 9, 30)))
                .expectEvents(new StageCompleted(ID, 3, LocalDate.of(2014, 9, 30)),
                        new ParticipationConcluded(ID, LocalDate.of(2014, 9, 30), 213));
    }

    private void concludingWithout(GateFact missing, String message) {
        List<Object> history = readyToConclude();
        history.removeIf(e -> e instanceof GateFactCredited c && c.fact() == missing);
        fixture.given(history).when(new ConcludeParticipation(ID, LocalDate.of(2014, 9, 30)))
                .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(message);
    }

    @Test
    void R_UNP_17_conclusion_needs_the_published_plans() {
        concludingWithout(GateFact.COLLECTIVE_PLAN_PUBLISHED,
                "the rectification plan and every member's personal measures must be published");
        concludingWithout(GateFact.ALL_PERSONAL_PLANS_PUBLISHED,
                "the rectification plan and every member's personal measures must be published");
    }

    @Test
    void R_UNP_18_a_DLM_unit_concludes_with_a_rule_building_plan() {
        concludingWithout(GateFact.RULE_PLAN_EXISTS, "a rule-building plan must exist");
    }

    @Test
    void R_UNP_19_a_DLM_unit_concludes_after_its_special_report() {
        concludingWithout(GateFact.SPECIAL_REPORT_SUBMITTED, "the special report on the meeting must be submitted");
    }

    @Test
    void R_UNP_21_a_DLM_unit_concludes_after_passing_the_overall_evaluation() {
        concludingWithout(GateFact.OVERALL_EVALUATION_PASSED, "the overall public evaluation has not passed");
    }

    @Test
    void R_UNP_22_after_a_failed_evaluation_the_unit_stays_until_the_rework_is_done() {
        List<Object> history = inStage2();
        history.add(fact(GateFact.MEETING_HELD));
        history.add(fact(GateFact.POST_MEETING_EVALUATION_PASSED));
        history.add(new ReworkOrdered(ID, "rw-1", "ev-1", Set.of(ReworkScope.REHOLD_MEETING), "2/3 not reached",
                PersonId.of("sg-1")));
        fixture.given(history).when(new StartStage(ID, 3, LocalDate.of(2014, 7, 1), null))
                .expectNoEvents().expectExceptionMessage(
                        "the rework [rw-1] ordered after a failed evaluation is not completed");
        history.add(new ReworkCompleted(ID, "rw-1", List.of(), PersonId.of("sg-1")));
        fixture.given(history).when(new StartStage(ID, 3, LocalDate.of(2014, 7, 1), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_UNP_22_a_rework_is_ordered_by_the_actor() {
        fixture.given(inStage2())
                .when(new OrderRework(ID, "rw-1", "ev-1", Set.of(ReworkScope.SUPPLEMENTARY_STUDY), "below 2/3"), ACTOR)
                .expectEvents(new ReworkOrdered(ID, "rw-1", "ev-1", Set.of(ReworkScope.SUPPLEMENTARY_STUDY),
                        "below 2/3", PersonId.of("sg-1")));
    }

    @Test
    void R_UNP_23_a_look_back_extends_the_current_stage_later_only() {
        fixture.given(inStage1())
                .when(new ExtendStage(ID, 1, LocalDate.of(2014, 4, 20), "lb-1", List.of("make-up study")))
                .expectNoEvents().expectExceptionMessage(
                        "the new end 2014-04-20 must be later than the planned end 2014-04-30");
        fixture.given(inStage1())
                .when(new ExtendStage(ID, 1, LocalDate.of(2014, 5, 15), "lb-1", List.of("make-up study")))
                .expectEvents(new StageExtended(ID, 1, LocalDate.of(2014, 4, 30), LocalDate.of(2014, 5, 15), "lb-1",
                        List.of("make-up study")));
    }

    @Test
    void R_UNP_23_a_look_back_redo_reopens_a_completed_stage_and_revokes_its_facts() {
        List<Object> history = inStage2();
        history.add(fact(GateFact.STAGE1_EVALUATION_PASSED));
        fixture.given(history)
                .when(new ReopenStage(ID, 1, "lb-2", Set.of(GateFact.STAGE1_EVALUATION_PASSED, GateFact.MEETING_HELD)))
                .expectEvents(new StageReopened(ID, 1, ParticipationState.STAGE_2, "lb-2",
                                Set.of(GateFact.STAGE1_EVALUATION_PASSED, GateFact.MEETING_HELD)),
                        new GateFactRevoked(ID, GateFact.STAGE1_EVALUATION_PASSED,
                                "look-back lb-2 ordered a redo", "lb-2"));
        fixture.given(inStage2()).when(new ReopenStage(ID, 2, "lb-3", Set.of()))
                .expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void R_UNP_25_accountability_is_recorded_by_a_person() {
        fixture.given(inStage2())
                .when(new RecordAccountabilityMeasure(ID, PersonId.of("sec-1"),
                        AccountabilityMeasure.CRITICISM_EDUCATION, "went through the motions"), ACTOR)
                .expectEvents(new AccountabilityMeasureRecorded(ID, PersonId.of("sec-1"),
                        AccountabilityMeasure.CRITICISM_EDUCATION, "went through the motions", PersonId.of("sg-1")));
    }

    @Test
    void a_gate_fact_credited_twice_is_recorded_once() {
        fixture.given(inStage1())
                .when(new CreditGateFact(ID, GateFact.MOBILISED, "Test", "src", "evt-again"))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.hamcrest.Matcher payloadMentions(String text) {
        return org.axonframework.test.matchers.Matchers.exactSequenceOf(
                org.axonframework.test.matchers.Matchers.messageWithPayload(
                        org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString(text))),
                org.axonframework.test.matchers.Matchers.andNoMore());
    }

    @Test
    void a_stage_left_open_past_its_planned_end_raises_a_warning_at_midnight_Shanghai() {
        java.time.Instant firesAt = java.time.Instant.parse("2014-04-30T16:00:00Z"); // 2014-05-01 00:00 +08:00
        List<Object> prepared = new ArrayList<>(inStage1());
        prepared.remove(prepared.size() - 1);
        fixture.given(prepared)
                .when(new StartStage(ID, 1, MAR_1, LocalDate.of(2014, 4, 30)))
                .expectScheduledDeadlineWithName(firesAt, UnitParticipation.STAGE_WINDOW_END);
    }

    @Test
    void the_stage_window_deadline_raises_the_warning_when_it_fires() {
        java.time.Instant firesAt = java.time.Instant.parse("2014-04-30T16:00:00Z");
        List<Object> prepared = new ArrayList<>(inStage1());
        prepared.remove(prepared.size() - 1);
        fixture.givenCurrentTime(java.time.Instant.parse("2014-03-01T00:00:00Z"))
                .andGiven(prepared)
                .andGivenCommands(new StartStage(ID, 1, MAR_1, LocalDate.of(2014, 4, 30)))
                .whenThenTimeAdvancesTo(firesAt)
                .expectEvents(new org.campaignledger.kernel.participation.ParticipationEvent.StageWindowExceeded(ID, 1,
                        LocalDate.of(2014, 4, 30), firesAt));
    }

    @Test
    void completing_the_stage_cancels_its_window_deadline() {
        List<Object> history = inStage1();
        history.add(study("s1", StudyActivityType.CONCENTRATED_STUDY, 6, true));
        fixture.given(history).when(new StartStage(ID, 2, LocalDate.of(2014, 4, 20), null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void R_ORG_03_a_unit_registers_for_the_campaign_only_with_its_main_leader() {
        UnitId orphan = UnitId.of("orphan");
        directories.unit("orphan", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "county");
        fixture.givenNoPriorActivity().when(new RegisterParticipation(null, CAMPAIGN, 2, orphan, 2), OFFICE_ON_FEB_20)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("unit orphan has no main leader on its roster on 2014-02-20");
    }

    @Test
    void R_RLO_01_the_units_leading_group_is_headed_by_its_main_leader() {
        fixture.given(registered(MeetingType.SPECIAL_DLM), new PreparationStarted(ID, MAR_1))
                .when(new org.campaignledger.kernel.participation.ParticipationCommand.FormUnitLeadingGroup(ID,
                        PersonId.of("deputy"), List.of(), PersonId.of("office-head"), MAR_1))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the leading group is headed by the main leader of town on 2014-03-01 "
                        + "(secretary-of-town)");
        fixture.given(registered(MeetingType.SPECIAL_DLM), new PreparationStarted(ID, MAR_1))
                .when(new org.campaignledger.kernel.participation.ParticipationCommand.FormUnitLeadingGroup(ID,
                        PersonId.of("secretary-of-town"), List.of(), PersonId.of("office-head"), MAR_1))
                .expectSuccessfulHandlerExecution()
                // the day the group was formed is in its event (issue 8: it used to be dropped)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.sequenceOf(
                                org.axonframework.test.matchers.Matchers.matches(e -> e instanceof
                                        org.campaignledger.kernel.participation.ParticipationEvent.UnitLeadingGroupFormed
                                        g && MAR_1.equals(g.date())))));
    }

    @Test
    void AS_21_a_weak_village_starts_stage_1_only_after_organisational_rectification() {
        fixture.given(registered(MeetingType.SPECIAL_OLM), new WeakOrganisationFlagged(ID, "lax", null),
                        fact(GateFact.LEADING_GROUP_FORMED), fact(GateFact.IMPLEMENTATION_PLAN_APPROVED))
                .when(new StartStage(ID, 1, LocalDate.of(2014, 4, 2), null))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("a unit flagged weak and lax completes organisational rectification before Stage 1");
    }

    @Test
    void AS_22_R_UNP_08_a_granted_exception_lets_a_tier_start_early() {
        participations.byUnit.put(COUNTY, new ParticipationDirectory.ParticipationFacts(
                ParticipationId.of(CAMPAIGN, 2, COUNTY), 1, Map.of(1, LocalDate.of(2014, 3, 3))));
        List<Object> history = new ArrayList<>(inStage1());
        history.remove(history.size() - 1);
        fixture.given(history).when(new StartStage(ID, 1, LocalDate.of(2014, 3, 8), null))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("stage 1 may start from 2014-03-13 (predecessor's start + 15 ± 5 days)");
        fixture.given(history).when(new StartStage(ID, 1, LocalDate.of(2014, 3, 8), null),
                        Map.of("exceptionId", "ex-stagger"))
                .expectEvents(new StageStarted(ID, 1, LocalDate.of(2014, 3, 8), null, COUNTY, LocalDate.of(2014, 3, 3)));
        fixture.given(history).when(new StartStage(ID, 1, LocalDate.of(2014, 3, 8), null),
                        Map.of("exceptionId", "ex-duration"))
                .expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void AS_23_R_UNP_16_a_unit_concludes_three_months_after_its_stage_1_start() {
        List<Object> history = readyToConclude();
        history.replaceAll(e -> e instanceof StageStarted s && s.stage() == 1
                ? new StageStarted(ID, 1, LocalDate.of(2014, 4, 2), null, null, null) : e);
        fixture.given(history).when(new ConcludeParticipation(ID, LocalDate.of(2014, 7, 1)))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the campaign runs at least P3M from Stage 1 (2014-04-02): not before 2014-07-02");
        fixture.given(history).when(new ConcludeParticipation(ID, LocalDate.of(2014, 7, 2)))
                .expectSuccessfulHandlerExecution();
        fixture.given(history).when(new ConcludeParticipation(ID, LocalDate.of(2014, 7, 1)),
                        Map.of("exceptionId", "ex-duration"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_plan_approved_before_preparation_is_credited_all_the_same() {
        fixture.given(registered(MeetingType.SPECIAL_DLM))
                .when(new CreditGateFact(ID, GateFact.IMPLEMENTATION_PLAN_APPROVED, "ReviewableDocument", "doc-1", "e-1"))
                .expectEvents(new GateFactCredited(ID, GateFact.IMPLEMENTATION_PLAN_APPROVED, "ReviewableDocument",
                        "doc-1", "e-1"));
    }

    private static final LocalDate MAY_1 = LocalDate.of(2014, 5, 1);

    private static List<Object> movingOnToStage2(RuleWarningRaised warning) {
        return List.of(warning, new StageCompleted(ID, 1, MAY_1), new StageStarted(ID, 2, MAY_1, null, null, null));
    }

    @Test
    void R_UNP_11_a_DLM_unit_is_warned_at_stage_2_when_its_four_ones_are_not_done() {
        List<Object> history = inStage1();
        history.removeIf(e -> e instanceof StudyActivityRecorded s && s.activityId().equals("warning"));
        history.add(study("s1", StudyActivityType.CONCENTRATED_STUDY, 6, true));
        fixture.given(history).when(new StartStage(ID, 2, MAY_1, null))
                .expectEvents(movingOnToStage2(new RuleWarningRaised(ID, "R-UNP-11",
                        "FOUR_ONES not done: missing an anti-corruption warning session")).toArray());
    }

    @Test
    void R_UNP_11_other_grassroots_units_are_warned_about_the_six_ones() {
        List<Object> history = inStage1();
        history.set(0, registered(MeetingType.SPECIAL_OLM));
        history.add(study("book", StudyActivityType.READING, 1, false));
        history.add(study("film", StudyActivityType.FILM, 1, false));
        fixture.given(history).when(new StartStage(ID, 2, MAY_1, null))
                .expectEvents(movingOnToStage2(new RuleWarningRaised(ID, "R-UNP-11", "SIX_ONES not done: missing "
                        + "a concentrated discussion, a superior leader's tutorial, the secretary's mobilisation speech"))
                        .toArray());
    }

    @Test
    void R_UNP_12_county_team_members_listen_at_the_grassroots_for_the_policy_days() {
        ParticipationId county = ParticipationId.of(CAMPAIGN, 2, COUNTY);
        team("county", "secretary-of-county", "deputy");
        List<Object> history = new ArrayList<>(List.of(new ParticipationRegistered(county, CAMPAIGN, 2, COUNTY,
                        UnitType.LEADING_BODY, Level.COUNTY, 1, COUNTY, List.of(), MeetingType.SPECIAL_DLM,
                        MaterialRequirement.FULL, RectificationForm.COLLECTIVE_PLAN_AND_PERSONAL),
                new PreparationStarted(county, LocalDate.of(2014, 2, 1))));
        for (GateFact fact : List.of(GateFact.LEADING_GROUP_FORMED, GateFact.IMPLEMENTATION_PLAN_APPROVED,
                GateFact.MOBILISED)) {
            history.add(new GateFactCredited(county, fact, "Test", "src", "evt-" + fact));
        }
        history.add(new StageStarted(county, 1, MAR_1, null, null, null));
        for (StudyActivityType type : List.of(StudyActivityType.CONCENTRATED_STUDY, StudyActivityType.RESEARCH_VISIT,
                StudyActivityType.ROLE_MODEL_PUBLICITY, StudyActivityType.WARNING_EDUCATION)) {
            history.add(new StudyActivityRecorded(county, type.name(), type, null, MAR_1, MAR_1.plusDays(2), 6, 30,
                    List.of(PersonId.of("sg-1")), type == StudyActivityType.CONCENTRATED_STUDY, false));
        }
        history.add(new org.campaignledger.kernel.participation.ParticipationEvent.GrassrootsListeningRecorded(county,
                PersonId.of("secretary-of-county"), MAR_1, MAR_1.plusDays(6), 7, List.of("village")));
        history.add(new org.campaignledger.kernel.participation.ParticipationEvent.GrassrootsListeningRecorded(county,
                PersonId.of("deputy"), MAR_1, MAR_1.plusDays(2), 3, List.of("village")));
        fixture.given(history).when(new StartStage(county, 2, MAY_1, null))
                .expectEvents(new RuleWarningRaised(county, "R-UNP-12",
                                "deputy listened at the grassroots 3 of 7 days"),
                        new StageCompleted(county, 1, MAY_1), new StageStarted(county, 2, MAY_1, null, null, null));
    }

    @Test
    void R_UNP_12_symposium_minimums_per_leader_apply_when_the_policy_sets_them() {
        directories.policy("mlc", "KENLI_DEMO", Map.of("minSymposiums", "2,1"));
        team("town", "secretary-of-town");
        List<Object> history = inStage1();
        history.add(study("s1", StudyActivityType.CONCENTRATED_STUDY, 6, true));
        history.add(new org.campaignledger.kernel.participation.ParticipationEvent.SymposiumRecorded(ID,
                PersonId.of("secretary-of-town"), MAR_1, 12));
        fixture.given(history).when(new StartStage(ID, 2, MAY_1, null))
                .expectEvents(movingOnToStage2(new RuleWarningRaised(ID, "R-UNP-12",
                        "secretary-of-town hosted 1 of 2 symposiums")).toArray());
    }

    @Test
    void R_RLO_05_a_unit_starting_stage_1_without_guidance_for_its_type_is_warned() {
        guidedTypes.remove(UnitType.TOWNSHIP_STREET);
        List<Object> history = new ArrayList<>(inStage1());
        history.remove(history.size() - 1);
        fixture.given(history).when(new StartStage(ID, 1, MAR_1, null))
                .expectEvents(new RuleWarningRaised(ID, "R-RLO-05",
                                "the rollout of county has issued no type-specific guidance for TOWNSHIP_STREET units"),
                        new StageStarted(ID, 1, MAR_1, null, null, null));
    }

    /** Rectification items do not exist yet; the overdue-items warning comes with them. */
    @Test
    void R_UNP_20_conclusion_does_not_wait_for_rectification_items() {
        fixture.given(readyToConclude()).when(new ConcludeParticipation(ID, LocalDate.of(2014, 9, 30)))
                .expectEvents(new StageCompleted(ID, 3, LocalDate.of(2014, 9, 30)),
                        new ParticipationConcluded(ID, LocalDate.of(2014, 9, 30), 213));
    }

    /** The read side reports the guards' state failure under the same id the aggregate rejects with. */
    @Test
    void the_shared_guards_name_the_platforms_state_rule() {
        org.assertj.core.api.Assertions.assertThat(org.campaignledger.kernel.participation.TransitionGuards.STATE_RULE)
                .isEqualTo(org.campaignledger.command.domain.PlatformRules.STATE);
    }
}
