package org.campaignledger.command.document.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentCommand.AcknowledgeDocumentStep;
import org.campaignledger.kernel.document.DocumentCommand.ApproveDocumentStep;
import org.campaignledger.kernel.document.DocumentCommand.DeliverDocument;
import org.campaignledger.kernel.document.DocumentCommand.DraftDocument;
import org.campaignledger.kernel.document.DocumentCommand.FileDocument;
import org.campaignledger.kernel.document.DocumentCommand.ReturnDocument;
import org.campaignledger.kernel.document.DocumentCommand.ReviseDocument;
import org.campaignledger.kernel.document.DocumentCommand.SubmitDocument;
import org.campaignledger.kernel.document.DocumentEnums.RecipientKind;
import org.campaignledger.kernel.document.DocumentEnums.ReturnMode;
import org.campaignledger.kernel.document.DocumentEnums.ReturnReason;
import org.campaignledger.kernel.document.DocumentEnums.ReviewerSelector;
import org.campaignledger.kernel.document.DocumentEnums.StepVerb;
import org.campaignledger.kernel.document.DocumentEvent.DocumentApproved;
import org.campaignledger.kernel.document.DocumentEvent.DocumentBecameOverdue;
import org.campaignledger.kernel.document.DocumentEvent.DocumentDelivered;
import org.campaignledger.kernel.document.DocumentEvent.DocumentDrafted;
import org.campaignledger.kernel.document.DocumentEvent.DocumentFiled;
import org.campaignledger.kernel.document.DocumentEvent.DocumentReturned;
import org.campaignledger.kernel.document.DocumentEvent.DocumentRevised;
import org.campaignledger.kernel.document.DocumentEvent.DocumentStepAcknowledged;
import org.campaignledger.kernel.document.DocumentEvent.DocumentStepApproved;
import org.campaignledger.kernel.document.DocumentEvent.DocumentSubmitted;
import org.campaignledger.kernel.document.ResolvedStep;
import org.campaignledger.kernel.document.SubjectRef;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.DocumentId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.participation.ParticipationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewableDocumentTest {
    private static final DocumentId ID = DocumentId.of("doc-1");
    private static final CampaignId CAMPAIGN = CampaignId.of("mlc");
    private static final UnitId TOWN = UnitId.of("town");
    private static final UnitId COUNTY = UnitId.of("county");
    private static final ParticipationId PARTICIPATION = ParticipationId.of("mlc:2:town");
    private static final SubjectRef MEETING = new SubjectRef(SubjectRef.Kind.MEETING, "mlc:2:town:M:1");
    private static final String TEXT = "实施方案：分三个环节推进";
    private static final LocalDate ON = LocalDate.of(2014, 3, 10);
    private static final PersonId DRAFTER = PersonId.of("sec-1");

    private AggregateTestFixture<ReviewableDocument> fixture;
    private InMemoryDirectories directories;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReviewableDocument.class);
        directories = new InMemoryDirectories().campaign("mlc")
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY)
                .unit("town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "county")
                .unit("discipline", Level.COUNTY, UnitType.LEADING_BODY);
        fixture.registerInjectableResource(directories);
        fixture.registerInjectableResource(new InMemoryReviewers()
                .sg("sg-1", "town", LocalDate.of(2014, 1, 1), "sg-a", "sg-b")
                .office("rollout:mlc:2:county", "off-1")
                .mainLeader("town", "sec-1")
                .participation("mlc:2:town"));
    }

    private static Map<String, Object> by(String personId) {
        return Map.of("actorId", personId, "occurredAt", "2014-03-10T02:00:00Z");
    }

    private static DocumentDrafted drafted(DocType type, SubjectRef subject, PersonId drafter) {
        return new DocumentDrafted(ID, type, PARTICIPATION, TOWN, subject, 2, drafter, 1, "vlt_1",
                InMemoryDirectories.sha256(TEXT), TEXT.getBytes(StandardCharsets.UTF_8).length, null);
    }

    private static ResolvedStep step(int no, String code, StepVerb verb, ReviewerSelector selector,
                                     String... eligible) {
        return new ResolvedStep(no, code, verb, selector, Arrays.stream(eligible).map(PersonId::of).toList());
    }

    private static final ResolvedStep SG_REVIEW =
            step(1, "SG_REVIEW", StepVerb.REVIEW, ReviewerSelector.SG_OF_UNIT, "sg-a", "sg-b");
    private static final ResolvedStep OFFICE_REVIEW =
            step(2, "OFFICE_REVIEW", StepVerb.REVIEW, ReviewerSelector.OFFICE_OF_JURISDICTION, "off-1");

    private static DocumentSubmitted submitted(DocType type, SubjectRef subject, int version, int startStepNo,
                                               ResolvedStep... steps) {
        return new DocumentSubmitted(ID, type, PARTICIPATION, TOWN, subject, version, List.of(steps), startStepNo,
                ON, DRAFTER);
    }

    private static DocumentSubmitted meetingPlanSubmitted() {
        return submitted(DocType.MEETING_PLAN, MEETING, 1, 1, SG_REVIEW, OFFICE_REVIEW);
    }

    @Test
    void the_text_goes_to_the_vault_and_the_event_carries_its_reference_digest_and_size() {
        fixture.givenNoPriorActivity()
                .when(new DraftDocument(ID, DocType.IMPLEMENTATION_PLAN, CAMPAIGN, 2, TOWN, null, TEXT, null),
                        by("sec-1"))
                .expectEvents(drafted(DocType.IMPLEMENTATION_PLAN, null, DRAFTER))
                .expectState(document -> assertThat(directories.vaultContents).containsExactly(TEXT));
    }

    @Test
    void a_document_belongs_to_a_participation_of_its_unit() {
        fixture.givenNoPriorActivity()
                .when(new DraftDocument(ID, DocType.IMPLEMENTATION_PLAN, CAMPAIGN, 1, TOWN, null, TEXT, null),
                        by("sec-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("town takes no part in batch 1 of campaign mlc");
    }

    @Test
    void submission_copies_the_eligible_reviewers_of_every_step_into_the_event() {
        fixture.given(drafted(DocType.MEETING_PLAN, MEETING, DRAFTER))
                .when(new SubmitDocument(ID), by("sec-1"))
                .expectEvents(meetingPlanSubmitted());
    }

    @Test
    void R_REV_01_steps_are_performed_in_order() {
        fixture.given(drafted(DocType.MEETING_PLAN, MEETING, DRAFTER), meetingPlanSubmitted())
                .when(new ApproveDocumentStep(ID, 2, null), by("off-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("step 1 (SG_REVIEW) is pending; steps are performed in order");
    }

    @Test
    void R_REV_02_the_reviewer_satisfies_the_step_selector_when_acting() {
        fixture.given(drafted(DocType.MEETING_PLAN, MEETING, DRAFTER), meetingPlanSubmitted())
                .when(new ApproveDocumentStep(ID, 1, null), by("off-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("off-1 is not a member of the SG assigned to the unit on 2014-03-10");
    }

    @Test
    void R_REV_02_the_drafter_never_reviews_their_own_document() {
        fixture.given(drafted(DocType.MEETING_PLAN, MEETING, PersonId.of("sg-a")), meetingPlanSubmitted())
                .when(new ApproveDocumentStep(ID, 1, null), by("sg-a"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("sg-a wrote this document and cannot review it (SoD-1)");
    }

    @Test
    void R_REV_02_nor_does_anyone_who_revised_it() {
        fixture.given(drafted(DocType.MEETING_PLAN, MEETING, DRAFTER),
                        new DocumentRevised(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 2, "vlt_2", "ab",
                                2, PersonId.of("sg-b")),
                        submitted(DocType.MEETING_PLAN, MEETING, 2, 1, SG_REVIEW, OFFICE_REVIEW))
                .when(new ApproveDocumentStep(ID, 1, null), by("sg-b"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("sg-b wrote this document and cannot review it (SoD-1)");
    }

    @Test
    void R_REV_03_a_review_step_is_not_passed_by_merely_reading_it() {
        fixture.given(drafted(DocType.MEETING_PLAN, MEETING, DRAFTER), meetingPlanSubmitted())
                .when(new AcknowledgeDocumentStep(ID, 1, null), by("sg-a"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("step 1 (SG_REVIEW) is a REVIEW step and is not passed by a READ");
    }

    @Test
    void R_REV_03_a_step_nobody_can_perform_is_never_skipped() {
        // The town's SG is dispatched only after the submission date.
        fixture = new AggregateTestFixture<>(ReviewableDocument.class);
        fixture.registerInjectableResource(directories);
        fixture.registerInjectableResource(new InMemoryReviewers()
                .sg("sg-1", "town", LocalDate.of(2014, 4, 1), "sg-a", "sg-b")
                .mainLeader("town", "sec-1").participation("mlc:2:town"));
        fixture.given(drafted(DocType.IMPLEMENTATION_PLAN, null, DRAFTER))
                .when(new SubmitDocument(ID), by("sec-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("step 1 (SG_REVIEW) has no eligible reviewer on 2014-03-10; a step is "
                        + "never skipped, so the document cannot be submitted yet");
    }

    @Test
    void R_REV_06_a_return_names_at_least_one_reason() {
        fixture.given(drafted(DocType.MEETING_PLAN, MEETING, DRAFTER), meetingPlanSubmitted())
                .when(new ReturnDocument(ID, 1, ReturnMode.REVISE, List.of(), "too vague"), by("sg-a"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a return names at least one reason");
    }

    @Test
    void R_REV_06_a_return_says_whether_to_revise_or_rewrite() {
        fixture.given(drafted(DocType.MEETING_PLAN, MEETING, DRAFTER), meetingPlanSubmitted())
                .when(new ReturnDocument(ID, 1, null, List.of(ReturnReason.OTHER), "too vague"), by("sg-a"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a return says whether to revise or rewrite");
    }

    @Test
    void a_returned_document_goes_back_to_its_drafter_with_the_reasons() {
        fixture.given(drafted(DocType.MEETING_PLAN, MEETING, DRAFTER), meetingPlanSubmitted())
                .when(new ReturnDocument(ID, 1, ReturnMode.REWRITE, List.of(ReturnReason.MEASURES_NOT_OPERABLE),
                        "measures are slogans"), by("sg-a"))
                .expectEvents(new DocumentReturned(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 1,
                        ReturnMode.REWRITE, List.of(ReturnReason.MEASURES_NOT_OPERABLE), PersonId.of("sg-a"),
                        "vlt_1", 1, ON));
    }

    private Object[] returnedAtStepTwo() {
        return new Object[] {drafted(DocType.MEETING_PLAN, MEETING, DRAFTER), meetingPlanSubmitted(),
                new DocumentStepApproved(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 1,
                        PersonId.of("sg-a"), "SG_MEMBER", 1, null, ON),
                new DocumentReturned(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 2, ReturnMode.REVISE,
                        List.of(ReturnReason.OTHER), PersonId.of("off-1"), null, 1, ON),
                new DocumentRevised(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 2, "vlt_2", "ab", 2,
                        DRAFTER)};
    }

    @Test
    void R_REV_07_after_a_return_the_chain_restarts_at_the_first_step() {
        fixture.given(returnedAtStepTwo())
                .when(new SubmitDocument(ID), by("sec-1"))
                .expectEvents(submitted(DocType.MEETING_PLAN, MEETING, 2, 1, SG_REVIEW, OFFICE_REVIEW));
    }

    @Test
    void R_REV_07_or_resumes_at_the_returning_step_when_the_policy_says_so() {
        directories.policy("mlc", "DEFAULT", Map.of("restartChainOnReturn", "false"));
        fixture.given(returnedAtStepTwo())
                .when(new SubmitDocument(ID), by("sec-1"))
                .expectEvents(submitted(DocType.MEETING_PLAN, MEETING, 2, 2, SG_REVIEW, OFFICE_REVIEW));
    }

    @Test
    void a_returned_document_is_revised_before_it_is_submitted_again() {
        fixture.given(Arrays.copyOf(returnedAtStepTwo(), 4))
                .when(new SubmitDocument(ID), by("sec-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the document is RETURNED; revise the returned document first");
    }

    @Test
    void the_sg_approval_of_the_implementation_plan_approves_it() {
        fixture.given(drafted(DocType.IMPLEMENTATION_PLAN, null, DRAFTER),
                        submitted(DocType.IMPLEMENTATION_PLAN, null, 1, 1, SG_REVIEW))
                .when(new ApproveDocumentStep(ID, 1, null), by("sg-b"))
                .expectEvents(new DocumentStepApproved(ID, DocType.IMPLEMENTATION_PLAN, PARTICIPATION, TOWN, null, 1,
                                PersonId.of("sg-b"), "SG_MEMBER", 1, null, ON),
                        new DocumentApproved(ID, DocType.IMPLEMENTATION_PLAN, PARTICIPATION, TOWN, null, 1, ON));
    }

    private static final ResolvedStep SG_READ =
            step(1, "SG_READ", StepVerb.READ, ReviewerSelector.SG_OF_UNIT, "sg-a", "sg-b");
    private static final ResolvedStep OFFICE_FILE =
            step(2, "OFFICE_FILE", StepVerb.FILE, ReviewerSelector.UNIT_FILER, "sec-1");

    @Test
    void the_special_report_reaches_the_office_only_after_the_sg_has_read_it() {
        fixture.given(drafted(DocType.SPECIAL_REPORT, MEETING, DRAFTER),
                        submitted(DocType.SPECIAL_REPORT, MEETING, 1, 1, SG_READ, OFFICE_FILE))
                .when(new FileDocument(ID, RecipientKind.CAMPAIGN_OFFICE, null), by("sec-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("step 1 (SG_READ) is pending; steps are performed in order");
    }

    @Test
    void the_special_report_is_filed_with_the_office_of_the_jurisdiction_and_copied_once() {
        DocumentStepAcknowledged read = new DocumentStepAcknowledged(ID, DocType.SPECIAL_REPORT, PARTICIPATION, TOWN,
                MEETING, 1, PersonId.of("sg-a"), 1, null, ON);
        DocumentFiled filed = new DocumentFiled(ID, DocType.SPECIAL_REPORT, PARTICIPATION, TOWN, MEETING, 1, COUNTY,
                RecipientKind.CAMPAIGN_OFFICE, ON, DRAFTER);
        fixture.given(drafted(DocType.SPECIAL_REPORT, MEETING, DRAFTER),
                        submitted(DocType.SPECIAL_REPORT, MEETING, 1, 1, SG_READ, OFFICE_FILE), read)
                .when(new FileDocument(ID, RecipientKind.CAMPAIGN_OFFICE, null), by("sec-1"))
                .expectEvents(filed);
        fixture.given(drafted(DocType.SPECIAL_REPORT, MEETING, DRAFTER),
                        submitted(DocType.SPECIAL_REPORT, MEETING, 1, 1, SG_READ, OFFICE_FILE), read, filed)
                .when(new FileDocument(ID, RecipientKind.DISCIPLINE_COMMISSION, UnitId.of("discipline")),
                        by("sec-1"))
                .expectEvents(new DocumentFiled(ID, DocType.SPECIAL_REPORT, PARTICIPATION, TOWN, MEETING, 1,
                        UnitId.of("discipline"), RecipientKind.DISCIPLINE_COMMISSION, ON, DRAFTER));
        fixture.given(drafted(DocType.SPECIAL_REPORT, MEETING, DRAFTER),
                        submitted(DocType.SPECIAL_REPORT, MEETING, 1, 1, SG_READ, OFFICE_FILE), read, filed)
                .when(new FileDocument(ID, RecipientKind.CAMPAIGN_OFFICE, null), by("sec-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the document is already filed with CAMPAIGN_OFFICE");
    }

    private static final ResolvedStep SECRETARY_READ =
            step(1, "UNIT_SECRETARY_READ", StepVerb.READ, ReviewerSelector.UNIT_MAIN_LEADER, "sec-1");

    @Test
    void the_sg_feedback_is_delivered_to_the_unit_secretary_before_they_take_note_of_it() {
        DocumentDrafted feedback = drafted(DocType.SG_MEETING_FEEDBACK, MEETING, PersonId.of("sg-a"));
        DocumentSubmitted submitted = submitted(DocType.SG_MEETING_FEEDBACK, MEETING, 1, 1, SECRETARY_READ);
        fixture.given(feedback, submitted)
                .when(new AcknowledgeDocumentStep(ID, 1, null), by("sec-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the SG delivers its feedback before the unit secretary takes note of it");
        DocumentDelivered delivered = new DocumentDelivered(ID, DocType.SG_MEETING_FEEDBACK, PARTICIPATION, TOWN,
                MEETING, 1, PersonId.of("sec-1"), ON, PersonId.of("sg-a"));
        fixture.given(feedback, submitted)
                .when(new DeliverDocument(ID, null), by("sg-a"))
                .expectEvents(delivered);
        fixture.given(feedback, submitted, delivered)
                .when(new AcknowledgeDocumentStep(ID, 1, null), by("sec-1"))
                .expectEvents(new DocumentStepAcknowledged(ID, DocType.SG_MEETING_FEEDBACK, PARTICIPATION, TOWN,
                                MEETING, 1, PersonId.of("sec-1"), 1, null, ON),
                        new DocumentApproved(ID, DocType.SG_MEETING_FEEDBACK, PARTICIPATION, TOWN, MEETING, 1, ON));
    }

    @Test
    void the_unit_secretary_cannot_send_the_sg_feedback_back() {
        fixture.given(drafted(DocType.SG_MEETING_FEEDBACK, MEETING, PersonId.of("sg-a")),
                        submitted(DocType.SG_MEETING_FEEDBACK, MEETING, 1, 1, SECRETARY_READ))
                .when(new ReturnDocument(ID, 1, ReturnMode.REVISE, List.of(ReturnReason.OTHER), null), by("sec-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void a_document_not_done_by_its_due_date_becomes_overdue() {
        LocalDate due = LocalDate.of(2014, 3, 20);
        Instant firesAt = Instant.parse("2014-03-20T16:00:00Z");
        fixture.givenCurrentTime(Instant.parse("2014-03-05T02:00:00Z"))
                .andGivenCommands(GenericCommandMessage.asCommandMessage(new DraftDocument(ID, DocType.SPECIAL_REPORT,
                        CAMPAIGN, 2, TOWN, MEETING, TEXT, due)).andMetaData(by("sec-1")))
                .whenThenTimeAdvancesTo(firesAt)
                .expectEvents(new DocumentBecameOverdue(ID, DocType.SPECIAL_REPORT, PARTICIPATION, TOWN, MEETING, due,
                        firesAt));
    }

    @Test
    void a_revision_is_a_new_version_in_the_vault_and_never_touches_a_document_under_review() {
        fixture.given(drafted(DocType.MEETING_PLAN, MEETING, DRAFTER))
                .when(new ReviseDocument(ID, "修改稿"), by("clerk-1"))
                .expectEvents(new DocumentRevised(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 2, "vlt_1",
                        InMemoryDirectories.sha256("修改稿"), 9, PersonId.of("clerk-1")));
        fixture.given(drafted(DocType.MEETING_PLAN, MEETING, DRAFTER), meetingPlanSubmitted())
                .when(new ReviseDocument(ID, "修改稿"), by("sec-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the document is IN_REVIEW; only a document being drafted or sent back is "
                        + "revised");
    }

    @Test
    void a_document_is_filed_only_with_the_recipients_its_type_has() {
        fixture.given(drafted(DocType.EVALUATION_REPORT, null, DRAFTER),
                        submitted(DocType.EVALUATION_REPORT, null, 1, 1,
                                step(1, "OFFICE_FILE", StepVerb.FILE, ReviewerSelector.UNIT_FILER, "sec-1")))
                .when(new FileDocument(ID, RecipientKind.DISCIPLINE_COMMISSION, UnitId.of("discipline")),
                        by("sec-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("EVALUATION_REPORT is not filed with DISCIPLINE_COMMISSION");
    }

    @Test
    void a_state_violation_names_the_state() {
        fixture.given(drafted(DocType.IMPLEMENTATION_PLAN, null, DRAFTER))
                .when(new ApproveDocumentStep(ID, 1, null), by("sg-a"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the document is DRAFTING");
        assertThat(PlatformRules.STATE).isEqualTo("R-API-STATE");
    }
}
