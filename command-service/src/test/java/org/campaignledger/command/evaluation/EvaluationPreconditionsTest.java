package org.campaignledger.command.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentEvent.DocumentApproved;
import org.campaignledger.kernel.document.SubjectRef;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationDimension;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationPreconditionKey;
import org.campaignledger.kernel.evaluation.EvaluationEnums.NotificationSection;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.ParticipantGroup;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.CreditEvaluationPrecondition;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPlanned;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.DocumentId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationId;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The EvaluationPreconditionSaga (DOMAIN §4.19) over an in-memory lookup that records what the JDBC lookup does,
 * with the events in the order they happen: first into the lookup (same transaction), then into the handler.
 */
class EvaluationPreconditionsTest {
    private static final UnitId TOWN = UnitId.of("town");
    private static final ParticipationId PARTICIPATION = ParticipationId.of(CampaignId.of("mlc"), 2, TOWN);
    private static final EvaluationId STAGE_1 = EvaluationId.of(PARTICIPATION, EvaluationType.STAGE_1, 1);
    private static final EvaluationId POST_MEETING = EvaluationId.of(PARTICIPATION, EvaluationType.POST_MEETING, 1);
    private static final String MEETING = "mlc:2:town:M:1";
    private static final LocalDate ON = LocalDate.of(2014, 6, 10);
    private static final MetaData SOURCE =
            MetaData.from(Map.of("occurredAt", "2014-06-10T02:00:00Z", "correlationId", "c-1"));

    private final CommandGateway commands = mock(CommandGateway.class);
    private final FakeFacts facts = new FakeFacts();
    private final EvaluationPreconditions preconditions = new EvaluationPreconditions(commands, facts);

    /** What JdbcEvaluationPreconditionFacts and JdbcEvaluationAttempts keep, in memory. */
    private static final class FakeFacts extends JdbcEvaluationPreconditionFacts {
        private final List<PreconditionFact> recorded = new ArrayList<>();
        private final List<EvaluationPlanned> planned = new ArrayList<>();

        FakeFacts() {
            super(null);
        }

        @Override
        List<PreconditionFact> satisfying(EvaluationId evaluationId, String meetingId) {
            return recorded.stream().filter(f -> f.subject().kind() == SubjectRef.Kind.EVALUATION
                    ? f.subject().id().equals(evaluationId.value()) : f.subject().id().equals(meetingId)).toList();
        }

        @Override
        List<EvaluationId> evaluationsOf(SubjectRef subject) {
            return planned.stream().filter(p -> subject.kind() == SubjectRef.Kind.EVALUATION
                            ? p.evaluationId().value().equals(subject.id()) : subject.id().equals(p.meetingId()))
                    .map(EvaluationPlanned::evaluationId).toList();
        }

        @Override
        void on(DocumentApproved event) {
            PreconditionFact.of(event).filter(f -> satisfying(EvaluationId.of(f.subject().id()), null).stream()
                    .noneMatch(g -> g.key() == f.key())).ifPresent(recorded::add);
        }
    }

    private static DocumentApproved approved(String documentId, DocType type, SubjectRef subject) {
        return new DocumentApproved(DocumentId.of(documentId), type, PARTICIPATION, TOWN, subject, 1, ON);
    }

    private static SubjectRef about(EvaluationId evaluationId) {
        return new SubjectRef(SubjectRef.Kind.EVALUATION, evaluationId.value());
    }

    private static EvaluationPlanned planned(EvaluationId id, EvaluationType type, String meetingId) {
        return new EvaluationPlanned(id, PARTICIPATION, TOWN, type, 1, meetingId,
                List.of(new ParticipantGroup("MASSES", 80)),
                type == EvaluationType.POST_MEETING ? List.copyOf(EnumSet.allOf(EvaluationDimension.class)) : List.of(),
                type == EvaluationType.POST_MEETING ? EnumSet.of(EvaluationPreconditionKey.NOTIFICATION_APPROVED,
                        EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED, EvaluationPreconditionKey.MEETING_HELD,
                        EvaluationPreconditionKey.SG_FEEDBACK_DELIVERED)
                        : EnumSet.of(EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED), null, null);
    }

    private void happen(DocumentApproved event, String eventId) {
        facts.on(event);
        preconditions.on(event, eventId, SOURCE);
    }

    private void happen(EvaluationPlanned event, String eventId) {
        facts.planned.add(event);
        preconditions.on(event, eventId, SOURCE);
    }

    private List<CreditEvaluationPrecondition> sent() {
        ArgumentCaptor<CreditEvaluationPrecondition> command = ArgumentCaptor.forClass(CreditEvaluationPrecondition.class);
        verify(commands, org.mockito.Mockito.atLeast(0)).sendAndWait(command.capture(), any(MetaData.class));
        return command.getAllValues();
    }

    @Test
    void B1_a_plan_approved_before_the_evaluation_is_planned_is_credited_at_planning() {
        happen(approved("plan-1", DocType.EVALUATION_PLAN, about(STAGE_1)), "evt-1");
        verify(commands, never()).sendAndWait(any(), any(MetaData.class));

        happen(planned(STAGE_1, EvaluationType.STAGE_1, null), "evt-2");
        ArgumentCaptor<MetaData> metaData = ArgumentCaptor.forClass(MetaData.class);
        verify(commands).sendAndWait(org.mockito.ArgumentMatchers.eq(new CreditEvaluationPrecondition(STAGE_1,
                EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED, "plan-1", Set.of())), metaData.capture());
        assertThat(metaData.getValue()).containsEntry("actorId", "SYSTEM").containsEntry("causationId", "evt-2")
                .containsEntry("correlationId", "c-1").containsEntry("occurredAt", "2014-06-10T02:00:00Z");
    }

    @Test
    void a_plan_approved_after_the_evaluation_is_planned_is_credited_when_approved() {
        happen(planned(STAGE_1, EvaluationType.STAGE_1, null), "evt-1");
        verify(commands, never()).sendAndWait(any(), any(MetaData.class));

        happen(approved("plan-1", DocType.EVALUATION_PLAN, about(STAGE_1)), "evt-2");
        assertThat(sent()).containsExactly(new CreditEvaluationPrecondition(STAGE_1,
                EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED, "plan-1", Set.of()));
    }

    @Test
    void R_EVL_03_the_approved_notification_material_credits_its_post_meeting_evaluation_with_its_sections() {
        happen(approved("note-1", DocType.NOTIFICATION_MATERIAL, about(POST_MEETING)), "evt-1");
        happen(approved("plan-1", DocType.EVALUATION_PLAN, about(POST_MEETING)), "evt-2");
        happen(planned(POST_MEETING, EvaluationType.POST_MEETING, MEETING), "evt-3");
        assertThat(sent()).containsExactlyInAnyOrder(
                new CreditEvaluationPrecondition(POST_MEETING, EvaluationPreconditionKey.NOTIFICATION_APPROVED,
                        "note-1", EnumSet.allOf(NotificationSection.class)),
                new CreditEvaluationPrecondition(POST_MEETING, EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED,
                        "plan-1", Set.of()));
    }

    @Test
    void I6_a_seeded_fact_the_type_does_not_wait_for_is_not_sent() {
        happen(approved("note-1", DocType.NOTIFICATION_MATERIAL, about(STAGE_1)), "evt-1");
        happen(planned(STAGE_1, EvaluationType.STAGE_1, null), "evt-2");
        verify(commands, never()).sendAndWait(any(), any(MetaData.class));
    }

    @Test
    void a_document_credits_only_the_evaluation_it_names() {
        happen(planned(STAGE_1, EvaluationType.STAGE_1, null), "evt-1");
        happen(approved("plan-1", DocType.EVALUATION_PLAN, null), "evt-2");
        happen(approved("plan-2", DocType.EVALUATION_PLAN, about(POST_MEETING)), "evt-3");
        happen(approved("rules-1", DocType.RULE_BUILDING_PLAN, null), "evt-4");
        verify(commands, never()).sendAndWait(any(), any(MetaData.class));
    }

    @Test
    void meeting_facts_credit_the_post_meeting_evaluations_of_that_meeting_when_they_are_planned() {
        facts.recorded.add(new PreconditionFact(new SubjectRef(SubjectRef.Kind.MEETING, MEETING),
                EvaluationPreconditionKey.MEETING_HELD, MEETING));
        happen(planned(POST_MEETING, EvaluationType.POST_MEETING, MEETING), "evt-1");
        assertThat(sent()).containsExactly(new CreditEvaluationPrecondition(POST_MEETING,
                EvaluationPreconditionKey.MEETING_HELD, MEETING, Set.of()));
    }
}
