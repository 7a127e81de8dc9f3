package org.campaignledger.command.campaign.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.campaign.CampaignCommand.AdoptPolicyProfile;
import org.campaignledger.kernel.campaign.CampaignCommand.DefineBatch;
import org.campaignledger.kernel.campaign.CampaignCommand.DefineCampaign;
import org.campaignledger.kernel.campaign.CampaignCommand.StartCampaign;
import org.campaignledger.kernel.campaign.CampaignEvent.BatchDefined;
import org.campaignledger.kernel.campaign.CampaignEvent.CampaignDefined;
import org.campaignledger.kernel.campaign.CampaignEvent.CampaignStarted;
import org.campaignledger.kernel.campaign.CampaignEvent.PolicyProfileAdopted;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.organisation.UnitType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignTest {
    private static final CampaignId ID = CampaignId.of("mlc");
    private static final LocalDate JAN = LocalDate.of(2014, 1, 1);
    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    private static CampaignDefined defined() {
        return new CampaignDefined(ID, "Mass line", "Serve the people", "");
    }

    private static BatchDefined batch2() {
        return new BatchDefined(ID, 2, "below the province", YearMonth.of(2014, 1), YearMonth.of(2014, 9),
                Set.of(UnitType.TOWNSHIP_STREET));
    }

    @Test
    void a_campaign_is_defined() {
        fixture.givenNoPriorActivity()
                .when(new DefineCampaign(ID, "Mass line", "Serve the people", null))
                .expectEvents(defined());
    }

    @Test
    void R_CMP_03_policy_versions_are_append_only() {
        fixture.given(defined(), new PolicyProfileAdopted(ID, "DEFAULT", 1, Map.of(), JAN))
                .when(new AdoptPolicyProfile(ID, "KENLI_DEMO", Map.of("minConcentratedStudyDays", "4"), JAN))
                .expectEvents(new PolicyProfileAdopted(ID, "KENLI_DEMO", 2,
                        CampaignPolicy.resolve("KENLI_DEMO", Map.of("minConcentratedStudyDays", "4")), JAN));
    }

    @Test
    void a_profile_is_adopted_with_all_its_parameters_and_the_overrides() {
        var resolved = CampaignPolicy.resolve("KENLI_DEMO", Map.of("minConcentratedStudyDays", "4"));
        var policy = new CampaignPolicy("KENLI_DEMO@1", resolved);
        org.assertj.core.api.Assertions.assertThat(policy.minConcentratedStudyDays()).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(policy.excludedStudyFormats()).contains(
                org.campaignledger.kernel.participation.ParticipationEnums.StudyActivityType.FILM);
        org.assertj.core.api.Assertions.assertThat(new CampaignPolicy("DEFAULT@1",
                CampaignPolicy.resolve("DEFAULT", Map.of())).evaluationsRequired()).hasSize(3);
    }

    @Test
    void R_EVL_06_R_EVL_07_the_evaluation_parameters_of_the_profiles_and_their_overrides() {
        var kenli = new CampaignPolicy("KENLI_DEMO@1", CampaignPolicy.resolve("KENLI_DEMO", Map.of()));
        org.assertj.core.api.Assertions.assertThat(kenli.defaultEvaluationScope()).extracting(
                org.campaignledger.kernel.evaluation.ParticipantGroup::category)
                .containsExactly("CADRE", "PARTY_MEMBER", "RESIDENT", "SERVICE_OBJECT");
        org.assertj.core.api.Assertions.assertThat(kenli.satisfactionRule())
                .isEqualTo(org.campaignledger.kernel.evaluation.SatisfactionRule.TWO_THIRDS);
        var defaults = new CampaignPolicy("DEFAULT@1", CampaignPolicy.resolve("DEFAULT", Map.of()));
        org.assertj.core.api.Assertions.assertThat(defaults.defaultEvaluationScope()).isEmpty();
        var overridden = defaults.withOverrides(Map.of("satisfactionThreshold", "3/4",
                "satisfiedOptions", "not-an-option", "defaultEvaluationScope", "MASSES=50"));
        org.assertj.core.api.Assertions.assertThat(overridden.satisfactionRule()).isEqualTo(
                new org.campaignledger.kernel.evaluation.SatisfactionRule(
                        org.campaignledger.kernel.evaluation.SatisfactionRule.TWO_THIRDS.satisfiedOptions(), 3, 4));
        org.assertj.core.api.Assertions.assertThat(overridden.defaultEvaluationScope()).containsExactly(
                new org.campaignledger.kernel.evaluation.ParticipantGroup("MASSES", 50));
        org.assertj.core.api.Assertions.assertThat(new CampaignPolicy("OLD@1", Map.of()).satisfactionRule())
                .isEqualTo(org.campaignledger.kernel.evaluation.SatisfactionRule.TWO_THIRDS);
        fixture.given(defined())
                .when(new AdoptPolicyProfile(ID, "DEFAULT", Map.of("satisfactionThreshold", "3/2"), JAN))
                .expectNoEvents().expectExceptionMessage("policy parameter satisfactionThreshold cannot be '3/2'");
        fixture.given(defined())
                .when(new AdoptPolicyProfile(ID, "DEFAULT", Map.of("defaultEvaluationScope", "MASSES=0"), JAN))
                .expectNoEvents().expectExceptionMessage("policy parameter defaultEvaluationScope cannot be 'MASSES=0'");
    }

    @Test
    void an_unknown_profile_or_parameter_is_rejected() {
        fixture.given(defined())
                .when(new AdoptPolicyProfile(ID, "ELSEWHERE", Map.of(), JAN))
                .expectNoEvents().expectExceptionMessage("unknown policy profile ELSEWHERE");
        fixture.given(defined())
                .when(new AdoptPolicyProfile(ID, "DEFAULT", Map.of("minConcentratedStudyDays", "-1"), JAN))
                .expectNoEvents().expectExceptionMessage("policy parameter minConcentratedStudyDays cannot be '-1'");
        fixture.given(defined())
                .when(new AdoptPolicyProfile(ID, "DEFAULT", Map.of("colour", "red"), JAN))
                .expectNoEvents().expectExceptionMessage("unknown policy parameter colour");
    }

    @Test
    void a_batch_number_is_defined_once() {
        fixture.given(defined(), batch2())
                .when(new DefineBatch(ID, 2, "again", YearMonth.of(2014, 1), YearMonth.of(2014, 9),
                        Set.of(UnitType.SCHOOL)))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void a_campaign_starts_only_with_a_batch_and_a_policy() {
        fixture.given(defined(), batch2())
                .when(new StartCampaign(ID, JAN))
                .expectNoEvents()
                .expectExceptionMessage("adopt a policy profile before starting the campaign");
        fixture.given(defined(), batch2(), new PolicyProfileAdopted(ID, "DEFAULT", 1, Map.of(), JAN))
                .when(new StartCampaign(ID, JAN))
                .expectEvents(new CampaignStarted(ID, JAN));
    }

    @Test
    void a_running_campaign_does_not_start_again() {
        fixture.given(defined(), batch2(), new PolicyProfileAdopted(ID, "DEFAULT", 1, Map.of(), JAN),
                        new CampaignStarted(ID, JAN))
                .when(new StartCampaign(ID, JAN))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }
}
