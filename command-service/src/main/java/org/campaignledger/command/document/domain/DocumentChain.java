package org.campaignledger.command.document.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentEnums.RecipientKind;
import org.campaignledger.kernel.document.DocumentEnums.ReviewerSelector;
import org.campaignledger.kernel.document.DocumentEnums.StepVerb;

/**
 * The review chain of each document type (DOMAIN §4.11 table). {@code copies} are the recipients a FILE-ending
 * chain also lodges the document with, outside the chain (the special report's copies, 「同时按程序报」).
 */
record DocumentChain(List<Step> steps, Set<RecipientKind> copies) {

    record Step(String code, StepVerb verb, ReviewerSelector selector) {
    }

    /**
     * Only the supervising bodies send a document back; the unit secretary takes note of the SG's feedback and
     * the unit files its own report.
     */
    static boolean mayReturn(ReviewerSelector selector) {
        return selector == ReviewerSelector.SG_OF_UNIT || selector == ReviewerSelector.OFFICE_OF_JURISDICTION;
    }

    /** The SG hands its feedback over before the unit secretary can take note of it. */
    static boolean isDelivery(ReviewerSelector selector) {
        return selector == ReviewerSelector.UNIT_MAIN_LEADER;
    }

    private static final Step SG_REVIEW = new Step("SG_REVIEW", StepVerb.REVIEW, ReviewerSelector.SG_OF_UNIT);
    private static final Step OFFICE_REVIEW =
            new Step("OFFICE_REVIEW", StepVerb.REVIEW, ReviewerSelector.OFFICE_OF_JURISDICTION);
    private static final Step SG_READ = new Step("SG_READ", StepVerb.READ, ReviewerSelector.SG_OF_UNIT);
    private static final Step SECRETARY_READ =
            new Step("UNIT_SECRETARY_READ", StepVerb.READ, ReviewerSelector.UNIT_MAIN_LEADER);
    private static final Step OFFICE_FILE = new Step("OFFICE_FILE", StepVerb.FILE, ReviewerSelector.UNIT_FILER);

    private static final Map<DocType, DocumentChain> CHAINS = chains();

    static DocumentChain of(DocType docType) {
        return CHAINS.get(docType);
    }

    /** Recipients the document may be filed with: the chain's office and the copies. */
    Set<RecipientKind> recipients() {
        Set<RecipientKind> recipients = EnumSet.noneOf(RecipientKind.class);
        recipients.addAll(copies);
        if (steps.stream().anyMatch(s -> s.verb() == StepVerb.FILE)) {
            recipients.add(RecipientKind.CAMPAIGN_OFFICE);
        }
        return recipients;
    }

    private static Map<DocType, DocumentChain> chains() {
        Set<RecipientKind> none = Set.of();
        Map<DocType, DocumentChain> chains = new EnumMap<>(DocType.class);
        chains.put(DocType.IMPLEMENTATION_PLAN, new DocumentChain(List.of(SG_REVIEW), none));
        chains.put(DocType.MEETING_PLAN, new DocumentChain(List.of(SG_REVIEW, OFFICE_REVIEW), none));
        chains.put(DocType.NOTIFICATION_MATERIAL, new DocumentChain(List.of(SG_REVIEW), none));
        chains.put(DocType.EVALUATION_PLAN, new DocumentChain(List.of(SG_REVIEW), none));
        chains.put(DocType.SG_MEETING_FEEDBACK, new DocumentChain(List.of(SECRETARY_READ), none));
        chains.put(DocType.EVALUATION_REPORT, new DocumentChain(List.of(OFFICE_FILE), none));
        chains.put(DocType.SPECIAL_REPORT, new DocumentChain(List.of(SG_READ, OFFICE_FILE),
                EnumSet.of(RecipientKind.DISCIPLINE_COMMISSION, RecipientKind.ORGANISATION_DEPARTMENT)));
        chains.put(DocType.RULE_BUILDING_PLAN, new DocumentChain(List.of(SG_REVIEW), none));
        return chains;
    }
}
