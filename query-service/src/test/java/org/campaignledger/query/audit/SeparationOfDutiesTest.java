package org.campaignledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentEnums.ReviewerSelector;
import org.campaignledger.kernel.document.DocumentEnums.StepVerb;
import org.campaignledger.kernel.document.DocumentEvent.DocumentDrafted;
import org.campaignledger.kernel.document.DocumentEvent.DocumentStepAcknowledged;
import org.campaignledger.kernel.document.DocumentEvent.DocumentStepApproved;
import org.campaignledger.kernel.document.DocumentEvent.DocumentSubmitted;
import org.campaignledger.kernel.document.ResolvedStep;
import org.campaignledger.kernel.envelope.StoredEvent;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPaperTallyConfirmed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPaperTallyRecorded;
import org.campaignledger.kernel.evaluation.RatingCounts;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.DocumentId;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.LookBackId;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOpened;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeAmended;
import org.campaignledger.kernel.opinion.OpinionClassification;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassificationCorrected;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassified;
import org.campaignledger.kernel.opinion.ProblemFamily;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMemberAppointed;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMembershipEnded;
import org.campaignledger.kernel.organisation.RosterEndReason;
import org.campaignledger.kernel.organisation.RosterPosition;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationId;
import org.campaignledger.kernel.rollout.RolloutEvent.PolicyExceptionGranted;
import org.campaignledger.kernel.supervision.SgKind;
import org.campaignledger.kernel.supervision.SgMember;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupFormed;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.UnitAssignedToSupervisionGroup;
import org.junit.jupiter.api.Test;

/**
 * AQ-9 over histories built from the kernel's own event records, serialised as the event store holds them: a clean
 * history answers nothing, and each separation-of-duties breach answers exactly one row naming its rule.
 */
class SeparationOfDutiesTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final UnitId TOWN = UnitId.of("town");
    private static final ParticipationId PARTICIPATION = ParticipationId.of("mlc:2:town");
    private static final DocumentId PLAN = DocumentId.of("plan-1");
    private static final LocalDate DAY = LocalDate.of(2014, 3, 1);

    private final List<StoredEvent> history = new ArrayList<>();

    private void add(Object payload) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        history.add(new StoredEvent("e-" + history.size(), "Aggregate", "a-" + history.size(), 0,
                "2014-03-01T00:00:00Z", payload.getClass().getName(), "1", bytes,
                Map.of("unitId", TOWN.value(), "jurisdictionId", "county")));
    }

    @SuppressWarnings("unchecked")
    private List<SeparationOfDuties.Violation> violations(String jurisdictionId) {
        SeparationOfDuties check = new SeparationOfDuties(JSON);
        history.forEach(check::accept);
        return (List<SeparationOfDuties.Violation>) check.result(jurisdictionId).get("violations");
    }

    private void draftedAndSubmittedBy(String drafter) {
        add(new DocumentDrafted(PLAN, DocType.IMPLEMENTATION_PLAN, PARTICIPATION, TOWN, null, 2,
                PersonId.of(drafter), 1, "ref", "sha", 10, null));
        add(new DocumentSubmitted(PLAN, DocType.IMPLEMENTATION_PLAN, PARTICIPATION, TOWN, null, 1,
                List.of(new ResolvedStep(1, "SG", StepVerb.REVIEW, ReviewerSelector.SG_OF_UNIT, List.of()),
                        new ResolvedStep(2, "FILE", StepVerb.FILE, ReviewerSelector.UNIT_FILER, List.of())),
                1, DAY, PersonId.of(drafter)));
    }

    @Test
    void aCleanHistoryAnswersNoViolationAndSaysWhatItCouldNotCheck() {
        draftedAndSubmittedBy("drafter");
        add(new DocumentStepApproved(PLAN, DocType.IMPLEMENTATION_PLAN, PARTICIPATION, TOWN, null, 1,
                PersonId.of("sg-1"), "SG_MEMBER", 1, null, DAY));
        add(new DocumentStepAcknowledged(PLAN, DocType.IMPLEMENTATION_PLAN, PARTICIPATION, TOWN, null, 2,
                PersonId.of("drafter"), 1, null, DAY));
        SeparationOfDuties check = new SeparationOfDuties(JSON);
        history.forEach(check::accept);
        Map<String, Object> result = check.result(null);
        assertThat((List<?>) result.get("violations")).isEmpty();
        assertThat(result.get("checkedEvents")).isEqualTo(4L);
        assertThat(result.get("notChecked")).isEqualTo(SeparationOfDuties.NOT_CHECKED);
        assertThat(SeparationOfDuties.NOT_CHECKED).containsOnlyKeys("SoD-2", "SoD-3", "SoD-4");
    }

    @Test
    void SoD_1_a_step_approved_by_the_drafter() {
        draftedAndSubmittedBy("drafter");
        add(new DocumentStepApproved(PLAN, DocType.IMPLEMENTATION_PLAN, PARTICIPATION, TOWN, null, 1,
                PersonId.of("drafter"), "SG_MEMBER", 1, null, DAY));
        assertThat(violations(null)).singleElement().satisfies(v -> {
            assertThat(v.sod()).isEqualTo("SoD-1");
            assertThat(v.ruleId()).isEqualTo("R-REV-02");
            assertThat(v.personId()).isEqualTo("drafter");
            assertThat(v.eventType()).isEqualTo("DocumentStepApproved");
        });
    }

    @Test
    void SoD_5_an_exception_approved_by_a_member_of_the_unit_it_benefits() {
        add(new RosterMemberAppointed(TOWN, PersonId.of("insider"), RosterPosition.MEMBER, false,
                LocalDate.of(2013, 1, 1)));
        add(exceptionApprovedBy("insider", DAY));
        add(new RosterMembershipEnded(TOWN, PersonId.of("insider"), DAY, RosterEndReason.TRANSFER));
        add(exceptionApprovedBy("insider", DAY.plusDays(1)));
        assertThat(violations(null)).singleElement().satisfies(v -> {
            assertThat(v.sod()).isEqualTo("SoD-5");
            assertThat(v.ruleId()).isEqualTo("R-GEN-03");
        });
    }

    private static PolicyExceptionGranted exceptionApprovedBy(String approver, LocalDate on) {
        return new PolicyExceptionGranted(RolloutId.of(CampaignId.of("mlc"), 2, UnitId.of("county")),
                CampaignId.of("mlc"), UnitId.of("county"), ExceptionId.of("ex-" + on), TOWN, "R-UNP-08", "why",
                PersonId.of(approver), on, null, false);
    }

    @Test
    void SoD_6_a_classification_corrected_by_its_own_classifier() {
        OpinionId opinion = OpinionId.of("op-1");
        OpinionClassification first = new OpinionClassification(ProblemFamily.OTHER, null, null, null);
        add(new OpinionClassified(opinion, CampaignId.of("mlc"), TOWN, ProblemFamily.OTHER, null, null, null,
                PersonId.of("clerk")));
        add(new OpinionClassificationCorrected(opinion, CampaignId.of("mlc"), TOWN, first, first, "typo",
                PersonId.of("clerk")));
        add(new OpinionClassificationCorrected(opinion, CampaignId.of("mlc"), TOWN, first, first, "typo",
                PersonId.of("approver")));
        assertThat(violations(null)).extracting(SeparationOfDuties.Violation::sod).containsExactly("SoD-6");
    }

    @Test
    void SoD_7_a_paper_tally_confirmed_by_its_enterer() {
        EvaluationId evaluation = EvaluationId.of(PARTICIPATION, EvaluationType.STAGE_1, 1);
        add(new EvaluationPaperTallyRecorded(evaluation, PARTICIPATION, TOWN, EvaluationType.STAGE_1, 1, "t1",
                new RatingCounts(20, 5, 5), 0, Map.of(), PersonId.of("clerk")));
        add(new EvaluationPaperTallyConfirmed(evaluation, PARTICIPATION, TOWN, EvaluationType.STAGE_1, 1, "t1",
                PersonId.of("clerk")));
        assertThat(violations(null)).singleElement().satisfies(v -> {
            assertThat(v.sod()).isEqualTo("SoD-7");
            assertThat(v.ruleId()).isEqualTo("R-EVL-13");
        });
    }

    @Test
    void SoD_8_a_supervisor_on_the_roster_of_a_unit_their_group_supervises() {
        add(new SupervisionGroupFormed(SgId.of("sg-1"), SgKind.SUPERVISION, UnitId.of("county"), Level.COUNTY,
                "SG 1", PersonId.of("lead"), List.of(new SgMember(PersonId.of("member"), UnitId.of("county"))),
                DAY));
        add(new UnitAssignedToSupervisionGroup(SgId.of("sg-1"), TOWN, DAY));
        assertThat(violations(null)).isEmpty();
        add(new RosterMemberAppointed(TOWN, PersonId.of("member"), RosterPosition.MEMBER, false, DAY.plusDays(5)));
        assertThat(violations(null)).singleElement().satisfies(v -> {
            assertThat(v.sod()).isEqualTo("SoD-8");
            assertThat(v.ruleId()).isEqualTo("R-SG-03");
            assertThat(v.personId()).isEqualTo("member");
        });
    }

    @Test
    void SoD_9_a_downgrade_approved_inside_the_group_that_proposed_it() {
        add(new SupervisionGroupFormed(SgId.of("sg-1"), SgKind.SUPERVISION, UnitId.of("county"), Level.COUNTY,
                "SG 1", PersonId.of("lead"), List.of(new SgMember(PersonId.of("member"), UnitId.of("county"))),
                DAY));
        LookBackId lookBack = LookBackId.of("lb-1");
        add(new LookBackOpened(lookBack, PARTICIPATION, TOWN, 2, UnitId.of("county"), 1, SgId.of("sg-1"), null,
                PersonId.of("lead")));
        add(new LookBackOutcomeAmended(lookBack, PARTICIPATION, TOWN, 1, null, null, "why", PersonId.of("lead"),
                PersonId.of("office-approver")));
        assertThat(violations(null)).isEmpty();
        add(new LookBackOutcomeAmended(lookBack, PARTICIPATION, TOWN, 1, null, null, "why", PersonId.of("lead"),
                PersonId.of("member")));
        assertThat(violations(null)).extracting(SeparationOfDuties.Violation::sod).containsExactly("SoD-9");
    }

    @Test
    void theAnswerIsLimitedToTheJurisdictionAskedFor() {
        draftedAndSubmittedBy("drafter");
        add(new DocumentStepApproved(PLAN, DocType.IMPLEMENTATION_PLAN, PARTICIPATION, TOWN, null, 1,
                PersonId.of("drafter"), "SG_MEMBER", 1, null, DAY));
        assertThat(violations("county")).hasSize(1);
        assertThat(violations("another-county")).isEmpty();
    }
}
