package org.campaignledger.command.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentEnums.RecipientKind;
import org.campaignledger.kernel.document.DocumentEvent.DocumentApproved;
import org.campaignledger.kernel.document.DocumentEvent.DocumentFiled;
import org.campaignledger.kernel.document.SubjectRef;
import org.campaignledger.kernel.id.DocumentId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationCommand.CreditGateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationId;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DocumentGatesTest {
    private static final DocumentId ID = DocumentId.of("doc-1");
    private static final ParticipationId PARTICIPATION = ParticipationId.of("mlc:2:town");
    private static final UnitId TOWN = UnitId.of("town");
    private static final LocalDate ON = LocalDate.of(2014, 3, 10);
    private static final MetaData SOURCE =
            MetaData.from(Map.of("occurredAt", "2014-03-10T02:00:00Z", "correlationId", "c-1"));

    private final CommandGateway commands = mock(CommandGateway.class);
    private final DocumentGates gates = new DocumentGates(commands);

    @Test
    void R_UNP_06_the_sg_approved_implementation_plan_credits_the_participation() {
        gates.on(new DocumentApproved(ID, DocType.IMPLEMENTATION_PLAN, PARTICIPATION, TOWN, null, 1, ON), "evt-1",
                SOURCE);
        ArgumentCaptor<MetaData> metaData = ArgumentCaptor.forClass(MetaData.class);
        verify(commands).sendAndWait(org.mockito.ArgumentMatchers.eq(new CreditGateFact(PARTICIPATION,
                GateFact.IMPLEMENTATION_PLAN_APPROVED, "ReviewableDocument", "doc-1", "evt-1")), metaData.capture());
        assertThat(metaData.getValue()).containsEntry("actorId", "SYSTEM").containsEntry("actorChannel", "SYSTEM")
                .containsEntry("causationId", "evt-1").containsEntry("correlationId", "c-1")
                .containsEntry("occurredAt", "2014-03-10T02:00:00Z");
    }

    @Test
    void other_approved_documents_credit_nothing_here() {
        gates.on(new DocumentApproved(ID, DocType.RULE_BUILDING_PLAN, PARTICIPATION, TOWN, null, 1, ON), "evt-1",
                SOURCE);
        verify(commands, never()).sendAndWait(any(), any(MetaData.class));
    }

    @Test
    void the_special_report_counts_as_submitted_when_it_reaches_the_campaign_office() {
        SubjectRef meeting = new SubjectRef(SubjectRef.Kind.MEETING, "mlc:2:town:M:1");
        gates.on(new DocumentFiled(ID, DocType.SPECIAL_REPORT, PARTICIPATION, TOWN, meeting, 1,
                UnitId.of("discipline"), RecipientKind.DISCIPLINE_COMMISSION, ON, PersonId.of("sec-1")), "evt-1",
                SOURCE);
        verify(commands, never()).sendAndWait(any(), any(MetaData.class));
        gates.on(new DocumentFiled(ID, DocType.SPECIAL_REPORT, PARTICIPATION, TOWN, meeting, 1, UnitId.of("county"),
                RecipientKind.CAMPAIGN_OFFICE, ON, PersonId.of("sec-1")), "evt-2", SOURCE);
        verify(commands).sendAndWait(org.mockito.ArgumentMatchers.eq(new CreditGateFact(PARTICIPATION,
                GateFact.SPECIAL_REPORT_SUBMITTED, "ReviewableDocument", "doc-1", "evt-2")), any(MetaData.class));
    }
}
