package org.campaignledger.command.rollout.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.supervision.domain.InMemoryRosters;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.rollout.DateWindow;
import org.campaignledger.kernel.rollout.RolloutCommand.CloseRollout;
import org.campaignledger.kernel.rollout.RolloutCommand.DefineTier;
import org.campaignledger.kernel.rollout.RolloutCommand.EstablishCampaignOffice;
import org.campaignledger.kernel.rollout.RolloutCommand.GrantPolicyException;
import org.campaignledger.kernel.rollout.RolloutCommand.HoldMobilisationConference;
import org.campaignledger.kernel.rollout.RolloutCommand.OpenRollout;
import org.campaignledger.kernel.rollout.RolloutCommand.OverridePolicy;
import org.campaignledger.kernel.rollout.RolloutCommand.RecordReportHearing;
import org.campaignledger.kernel.rollout.RolloutEvent.CampaignOfficeEstablished;
import org.campaignledger.kernel.rollout.RolloutEvent.LeadingGroupEstablished;
import org.campaignledger.kernel.rollout.RolloutEvent.LowerLevelReportHeard;
import org.campaignledger.kernel.rollout.RolloutEvent.MobilisationConferenceHeld;
import org.campaignledger.kernel.rollout.RolloutEvent.PolicyExceptionGranted;
import org.campaignledger.kernel.rollout.RolloutEvent.PolicyOverridden;
import org.campaignledger.kernel.rollout.RolloutEvent.ReportHearingMissed;
import org.campaignledger.kernel.rollout.RolloutEvent.RolloutOpened;
import org.campaignledger.kernel.rollout.RolloutEvent.TierDefined;
import org.campaignledger.kernel.rollout.Stage;
import org.campaignledger.kernel.rollout.TierSelector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JurisdictionRolloutTest {
    private static final CampaignId CAMPAIGN = CampaignId.of("mlc");
    private static final UnitId COUNTY = UnitId.of("county");
    private static final UnitId TOWN = UnitId.of("town");
    private static final RolloutId ID = RolloutId.of("rollout:mlc:2:county");
    private static final LocalDate DAY = LocalDate.of(2014, 2, 20);
    private static final PersonId APPROVER = PersonId.of("approver-1");
    private static final Map<String, Object> AS_APPROVER = Map.of("actorId", "approver-1");
    private static final ExceptionId EXCEPTION = ExceptionId.of("exc-1");
    private static final TierSelector ORGANS = new TierSelector(Set.of(Level.COUNTY), Set.of());
    private static final TierSelector TOWNSHIPS = new TierSelector(Set.of(Level.TOWNSHIP), Set.of());

    private AggregateTestFixture<JurisdictionRollout> fixture;
    private InMemoryRosters rosters;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JurisdictionRollout.class);
        rosters = new InMemoryRosters();
        fixture.registerInjectableResource(new InMemoryDirectories().campaign("mlc")
                .unit("city", Level.CITY, UnitType.LEADING_BODY)
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY, "city")
                .unit("other-county", Level.COUNTY, UnitType.LEADING_BODY, "city")
                .unit("town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "city", "county"));
        fixture.registerInjectableResource(rosters);
        fixture.registerInjectableResource(directUnits);
    }

    /** The city's direct units, for R-UNP-24. */
    private final DirectUnits directUnits = jurisdiction -> jurisdiction.equals(UnitId.of("city"))
            ? List.of(UnitId.of("city-bureau")) : List.of();

    private static RolloutOpened opened() {
        return new RolloutOpened(ID, CAMPAIGN, 2, COUNTY, Level.COUNTY);
    }

    private static LeadingGroupEstablished leadingGroup() {
        return new LeadingGroupEstablished(ID, CAMPAIGN, COUNTY, PersonId.of("secretary"), Set.of(PersonId.of("secretary")), DAY);
    }

    private static CampaignOfficeEstablished office() {
        return new CampaignOfficeEstablished(ID, CAMPAIGN, COUNTY, PersonId.of("director"), Set.of(),
                Set.of(APPROVER, PersonId.of("approver-2")), DAY);
    }

    private static Map<Stage, DateWindow> stage1From(int month, int day) {
        LocalDate from = LocalDate.of(2014, month, day);
        return Map.of(Stage.STAGE_1, new DateWindow(from, from.plusDays(30)));
    }

    private static TierDefined tier(int tierNo, TierSelector selector, Map<Stage, DateWindow> windows,
                                    ExceptionId exceptionId) {
        return new TierDefined(ID, CAMPAIGN, COUNTY, tierNo, selector, windows, DAY, exceptionId);
    }

    private static PolicyExceptionGranted staggerException(boolean reusable) {
        return new PolicyExceptionGranted(ID, CAMPAIGN, COUNTY, EXCEPTION, COUNTY, "R-RLO-03", "townships start with the organs",
                APPROVER, DAY, null, reusable);
    }

    private static GrantPolicyException grant(String unitId, String ruleId) {
        return new GrantPolicyException(ID, EXCEPTION, UnitId.of(unitId), ruleId, "harvest season", DAY, null, false);
    }

    @Test
    void OpenRollout_derives_its_id_from_campaign_batch_and_jurisdiction() {
        fixture.givenNoPriorActivity()
                .when(new OpenRollout(RolloutId.of("whatever-the-client-sent"), CAMPAIGN, 2, COUNTY))
                .expectEvents(opened());
    }

    @Test
    void OpenRollout_is_for_CENTRAL_PROVINCE_CITY_or_COUNTY_units_only() {
        fixture.givenNoPriorActivity()
                .when(new OpenRollout(null, CAMPAIGN, 2, TOWN))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a rollout is opened for a CENTRAL, PROVINCE, CITY or COUNTY unit, not a TOWNSHIP unit");
    }

    @Test
    void B7_a_PROVINCE_rollout_holds_an_office_without_a_leading_group_and_has_no_tiers() {
        RolloutId province = RolloutId.of("mlc:2:prov");
        fixture.given(new RolloutOpened(province, CAMPAIGN, 2, UnitId.of("prov"), Level.PROVINCE))
                .when(new EstablishCampaignOffice(province, PersonId.of("director"), Set.of(), Set.of(APPROVER), DAY))
                .expectEvents(new CampaignOfficeEstablished(province, CAMPAIGN, UnitId.of("prov"),
                        PersonId.of("director"), Set.of(), Set.of(APPROVER), DAY));
        fixture.given(new RolloutOpened(province, CAMPAIGN, 2, UnitId.of("prov"), Level.PROVINCE))
                .when(new DefineTier(province, 1, new TierSelector(Set.of(Level.PROVINCE), Set.of()),
                        stage1From(3, 1), DAY, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a PROVINCE rollout has no tiers");
    }

    @Test
    void B5_mobilisation_needs_the_leading_group_and_office_and_makes_the_rollout_ACTIVE() {
        fixture.given(opened(), leadingGroup())
                .when(new HoldMobilisationConference(ID, DAY))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the leading group and the campaign office must exist before mobilisation");
        fixture.given(opened(), leadingGroup(), office())
                .when(new HoldMobilisationConference(ID, DAY))
                .expectEvents(new MobilisationConferenceHeld(ID, CAMPAIGN, COUNTY, DAY));
        fixture.given(opened(), leadingGroup(), office(), new MobilisationConferenceHeld(ID, CAMPAIGN, COUNTY, DAY))
                .when(new RecordReportHearing(ID, PersonId.of("town-secretary"), YearMonth.of(2014, 3), DAY))
                .expectEvents(new LowerLevelReportHeard(ID, CAMPAIGN, COUNTY, PersonId.of("town-secretary"),
                        YearMonth.of(2014, 3), DAY));
    }

    @Test
    void B5_CloseRollout_only_once_ACTIVE() {
        fixture.given(opened(), leadingGroup(), office())
                .when(new CloseRollout(ID, DAY))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the rollout is PLANNING");
    }

    @Test
    void the_office_follows_the_leading_group() {
        fixture.given(opened())
                .when(new EstablishCampaignOffice(ID, PersonId.of("director"), Set.of(), Set.of(APPROVER), DAY))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("establish the leading group before its office");
    }

    @Test
    void R_RLO_02_tier_1_contains_the_jurisdictions_leading_bodies() {
        fixture.given(opened())
                .when(new DefineTier(ID, 1, TOWNSHIPS, stage1From(3, 1), DAY, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("tier 1 must contain the jurisdiction's leading bodies and organs (COUNTY, LEADING_BODY)");
    }

    @Test
    void R_RLO_02_tiers_follow_in_order() {
        fixture.given(opened(), tier(1, ORGANS, stage1From(3, 1), null))
                .when(new DefineTier(ID, 3, TOWNSHIPS, stage1From(3, 31), DAY, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("tier 3 cannot come before tier 2");
        fixture.given(opened(), tier(1, ORGANS, stage1From(3, 1), null), tier(2, TOWNSHIPS, stage1From(3, 16), null))
                .when(new DefineTier(ID, 3, new TierSelector(Set.of(Level.COUNTY, Level.VILLAGE), Set.of()),
                        stage1From(3, 31), DAY, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("lower tiers follow in order: tier 3 cannot reach above the tier before it or below the tier after it");
    }

    @Test
    void R_RLO_03_each_tier_starts_half_a_month_after_the_one_before() {
        fixture.given(opened(), tier(1, ORGANS, stage1From(3, 1), null))
                .when(new DefineTier(ID, 2, TOWNSHIPS, stage1From(3, 5), DAY, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("STAGE_1 of tier 2 starts 4 days after tier 1; expected 15 ± 5");
        fixture.given(opened(), tier(1, ORGANS, stage1From(3, 1), null))
                .when(new DefineTier(ID, 2, TOWNSHIPS, stage1From(3, 11), DAY, null))
                .expectEvents(tier(2, TOWNSHIPS, stage1From(3, 11), null));
    }

    @Test
    void R_RLO_03_the_stagger_follows_the_jurisdictions_override() {
        fixture.given(opened(), tier(1, ORGANS, stage1From(3, 1), null),
                        new PolicyOverridden(ID, CAMPAIGN, COUNTY, "tierStaggerDays", "4", "small county", APPROVER))
                .when(new DefineTier(ID, 2, TOWNSHIPS, stage1From(3, 5), DAY, null))
                .expectEvents(tier(2, TOWNSHIPS, stage1From(3, 5), null));
    }

    @Test
    void R_RLO_03_a_granted_exception_lets_an_off_stagger_tier_through_once() {
        fixture.given(opened(), leadingGroup(), office(), staggerException(false), tier(1, ORGANS, stage1From(3, 1), null))
                .when(new DefineTier(ID, 2, TOWNSHIPS, stage1From(3, 5), DAY, EXCEPTION))
                .expectEvents(tier(2, TOWNSHIPS, stage1From(3, 5), EXCEPTION));
        fixture.given(opened(), leadingGroup(), office(), staggerException(false), tier(1, ORGANS, stage1From(3, 1), null),
                        tier(2, TOWNSHIPS, stage1From(3, 5), EXCEPTION))
                .when(new DefineTier(ID, 2, TOWNSHIPS, stage1From(3, 6), DAY, EXCEPTION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("exception exc-1 has already been used");
        fixture.given(opened(), leadingGroup(), office(), staggerException(true), tier(1, ORGANS, stage1From(3, 1), null),
                        tier(2, TOWNSHIPS, stage1From(3, 5), EXCEPTION))
                .when(new DefineTier(ID, 2, TOWNSHIPS, stage1From(3, 6), DAY, EXCEPTION))
                .expectEvents(tier(2, TOWNSHIPS, stage1From(3, 6), EXCEPTION));
    }

    @Test
    void R_RLO_04_planned_windows_may_move_after_mobilisation() {
        fixture.given(opened(), leadingGroup(), office(), tier(1, ORGANS, stage1From(3, 1), null),
                        tier(2, TOWNSHIPS, stage1From(3, 16), null), new MobilisationConferenceHeld(ID, CAMPAIGN, COUNTY, DAY))
                .when(new DefineTier(ID, 2, TOWNSHIPS, stage1From(3, 20), DAY, null))
                .expectEvents(tier(2, TOWNSHIPS, stage1From(3, 20), null));
    }

    @Test
    void OverridePolicy_takes_only_parameters_of_section_2() {
        fixture.given(opened())
                .when(new OverridePolicy(ID, "satisfactionThreshhold", "1/2", "typo"), AS_APPROVER)
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("satisfactionThreshhold is not a policy parameter");
    }

    @Test
    void B5_exceptions_may_be_granted_while_PLANNING() {
        fixture.given(opened(), leadingGroup(), office())
                .when(grant("county", "R-RLO-03"), AS_APPROVER)
                .expectEvents(new PolicyExceptionGranted(ID, CAMPAIGN, COUNTY, EXCEPTION, COUNTY, "R-RLO-03", "harvest season",
                        APPROVER, DAY, null, false));
    }

    @Test
    void R_GEN_03_only_OVERRIDABLE_rules_can_be_excepted() {
        fixture.given(opened(), leadingGroup(), office())
                .when(grant("town", "R-SG-03"), AS_APPROVER)
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("R-SG-03 is not an OVERRIDABLE rule");
    }

    @Test
    void R_GEN_03_the_approver_is_an_approver_of_the_office() {
        fixture.given(opened(), leadingGroup(), office())
                .when(grant("town", "R-UNP-16"), Map.of("actorId", "director"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("director is not an approver of the campaign office");
    }

    @Test
    void R_GEN_03_the_approver_is_not_a_member_of_the_unit_concerned() {
        rosters.onRoster("town", "approver-1", LocalDate.of(2011, 1, 1), null);
        fixture.given(opened(), leadingGroup(), office())
                .when(grant("town", "R-UNP-16"), AS_APPROVER)
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("approver-1 is a member of town and may not approve its exception");
    }

    @Test
    void R_GEN_03_the_unit_belongs_to_the_jurisdiction() {
        fixture.given(opened(), leadingGroup(), office())
                .when(grant("other-county", "R-UNP-16"), AS_APPROVER)
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("other-county is outside jurisdiction county");
    }

    @Test
    void R_RLO_01_the_leading_group_is_headed_by_the_jurisdictions_main_leader() {
        rosters.mainLeader("county", "secretary", DAY.minusYears(1), null);
        fixture.given(opened())
                .when(new org.campaignledger.kernel.rollout.RolloutCommand.EstablishLeadingGroup(ID,
                        PersonId.of("deputy"), Set.of(), DAY))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the leading group is headed by the main leader of county on " + DAY
                        + " (secretary)");
        fixture.given(opened())
                .when(new org.campaignledger.kernel.rollout.RolloutCommand.EstablishLeadingGroup(ID,
                        PersonId.of("secretary"), Set.of(), DAY))
                .expectEvents(leadingGroup());
    }

    private static final Instant MARCH_ENDS = Instant.parse("2014-03-31T16:00:00Z");

    /** A county rollout mobilised on 20 February: March is its first month of report hearings. */
    private org.axonframework.test.aggregate.TestExecutor<JurisdictionRollout> mobilisedCounty() {
        rosters.mainLeader("county", "secretary", LocalDate.of(2013, 1, 1), null);
        return fixture.givenCurrentTime(Instant.parse("2014-02-20T02:00:00Z"))
                .andGiven(opened(), leadingGroup(), office())
                .andGivenCommands(new HoldMobilisationConference(ID, DAY));
    }

    @Test
    void R_UNP_24_a_county_secretary_without_a_report_hearing_in_a_month_is_named_when_it_ends() {
        mobilisedCounty()
                .andGivenCommands(new RecordReportHearing(ID, PersonId.of("town-secretary"), YearMonth.of(2014, 3),
                        LocalDate.of(2014, 3, 10)))
                .whenThenTimeAdvancesTo(MARCH_ENDS)
                .expectEvents(new ReportHearingMissed(ID, CAMPAIGN, COUNTY, COUNTY, PersonId.of("secretary"),
                        YearMonth.of(2014, 3), 0, 1, MARCH_ENDS))
                .expectScheduledDeadlineWithName(Instant.parse("2014-04-30T16:00:00Z"),
                        JurisdictionRollout.REPORT_MONTH_END);
    }

    @Test
    void R_UNP_24_a_month_with_the_hearing_held_raises_nothing() {
        mobilisedCounty()
                .andGivenCommands(new RecordReportHearing(ID, PersonId.of("secretary"), YearMonth.of(2014, 3),
                        LocalDate.of(2014, 3, 10)))
                .whenThenTimeAdvancesTo(MARCH_ENDS)
                .expectNoEvents();
    }

    @Test
    void R_UNP_24_a_city_checks_the_secretaries_of_its_direct_units() {
        RolloutId city = RolloutId.of(CAMPAIGN, 2, UnitId.of("city"));
        rosters.mainLeader("city-bureau", "bureau-secretary", LocalDate.of(2013, 1, 1), null);
        fixture.givenCurrentTime(Instant.parse("2014-02-20T02:00:00Z"))
                .andGiven(new RolloutOpened(city, CAMPAIGN, 2, UnitId.of("city"), Level.CITY),
                        new LeadingGroupEstablished(city, CAMPAIGN, UnitId.of("city"), PersonId.of("mayor"),
                                Set.of(), DAY),
                        new CampaignOfficeEstablished(city, CAMPAIGN, UnitId.of("city"), PersonId.of("director"),
                                Set.of(), Set.of(APPROVER), DAY))
                .andGivenCommands(new HoldMobilisationConference(city, DAY))
                .whenThenTimeAdvancesTo(MARCH_ENDS)
                .expectEvents(new ReportHearingMissed(city, CAMPAIGN, UnitId.of("city"), UnitId.of("city-bureau"),
                        PersonId.of("bureau-secretary"), YearMonth.of(2014, 3), 0, 1, MARCH_ENDS));
    }

    @Test
    void R_UNP_24_a_closed_rollout_checks_no_more_months() {
        mobilisedCounty()
                .andGivenCommands(new CloseRollout(ID, LocalDate.of(2014, 3, 20)))
                .whenThenTimeAdvancesTo(MARCH_ENDS)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void R_UNP_24_months_are_checked_for_the_batch_duration_after_mobilisation() {
        rosters.mainLeader("county", "secretary", LocalDate.of(2013, 1, 1), null);
        fixture.givenCurrentTime(Instant.parse("2014-02-20T02:00:00Z"))
                .andGiven(opened(), leadingGroup(), office(), new PolicyOverridden(ID, CAMPAIGN, COUNTY,
                        "batchDurationMonths", "1", "a short batch", APPROVER))
                .andGivenCommands(new HoldMobilisationConference(ID, DAY))
                .whenThenTimeAdvancesTo(MARCH_ENDS)
                .expectEvents(new ReportHearingMissed(ID, CAMPAIGN, COUNTY, COUNTY, PersonId.of("secretary"),
                        YearMonth.of(2014, 3), 0, 1, MARCH_ENDS))
                .expectNoScheduledDeadlines();
    }
}
