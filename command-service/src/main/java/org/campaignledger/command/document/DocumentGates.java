package org.campaignledger.command.document;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.campaignledger.command.pipeline.SystemMetaData;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentEnums.RecipientKind;
import org.campaignledger.kernel.document.DocumentEvent;
import org.campaignledger.kernel.document.DocumentEvent.DocumentApproved;
import org.campaignledger.kernel.document.DocumentEvent.DocumentFiled;
import org.campaignledger.kernel.participation.ParticipationCommand.CreditGateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.springframework.stereotype.Component;

/**
 * Credits the participation's gate facts that documents own (DOMAIN §3.3, §4.11): the SG-approved implementation
 * plan (R-UNP-06) and the special report reaching the campaign office (DOMAIN-ERRATA I14). Stateless: every key
 * it needs is in the event (DOMAIN-ERRATA B2), and crediting a fact twice changes nothing.
 */
@Component
@ProcessingGroup("documents-gates")
class DocumentGates {
    private final CommandGateway commands;

    DocumentGates(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(DocumentApproved event, @MessageIdentifier String eventId, MetaData source) {
        if (event.docType() == DocType.IMPLEMENTATION_PLAN) {
            credit(event, GateFact.IMPLEMENTATION_PLAN_APPROVED, eventId, source);
        }
    }

    @EventHandler
    void on(DocumentFiled event, @MessageIdentifier String eventId, MetaData source) {
        if (event.docType() == DocType.SPECIAL_REPORT && event.recipientKind() == RecipientKind.CAMPAIGN_OFFICE) {
            credit(event, GateFact.SPECIAL_REPORT_SUBMITTED, eventId, source);
        }
    }

    private void credit(DocumentEvent event, GateFact fact, String eventId, MetaData source) {
        commands.sendAndWait(new CreditGateFact(event.participationId(), fact, "ReviewableDocument",
                event.documentId().value(), eventId), SystemMetaData.causedBy(eventId, source));
    }
}
