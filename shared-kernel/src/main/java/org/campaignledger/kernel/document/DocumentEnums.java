package org.campaignledger.kernel.document;

/** Enumerations of the review chains of documents (DOMAIN §4.10.2, §4.11, Appendix A). */
public final class DocumentEnums {
    private DocumentEnums() {
    }

    /** REVIEW passes or returns the document; READ takes note of it; FILE lodges it with a recipient. */
    public enum StepVerb { REVIEW, READ, FILE }

    /** Who may act on a step, resolved as of a business date; {@code roleCode} is the §7 role acting. */
    public enum ReviewerSelector {
        /** A current member of the SG assigned to the unit. */
        SG_OF_UNIT("SG_MEMBER"),
        /** An approver of the campaign office of the unit's jurisdiction. */
        OFFICE_OF_JURISDICTION("CAMPAIGN_OFFICE_APPROVER"),
        /** The unit's main leader (the unit secretary), to whom the SG delivers its feedback. */
        UNIT_MAIN_LEADER("UNIT_SECRETARY"),
        /** The unit reporting upwards: its main leader or the document's drafter. */
        UNIT_FILER("UNIT_SECRETARY");

        private final String roleCode;

        ReviewerSelector(String roleCode) {
            this.roleCode = roleCode;
        }

        public String roleCode() {
            return roleCode;
        }
    }

    public enum RecipientKind { CAMPAIGN_OFFICE, DISCIPLINE_COMMISSION, ORGANISATION_DEPARTMENT }

    public enum ReturnMode { REVISE, REWRITE }

    public enum ReturnReason {
        PROBLEMS_INCOMPLETE_OR_SHALLOW, NO_SPECIFIC_MANIFESTATIONS, ROOT_CAUSE_SHALLOW, MEASURES_NOT_RESPONSIVE,
        MEASURES_NOT_OPERABLE, WRITTEN_AS_WORK_SUMMARY, AVOIDS_SERIOUS_ISSUES, COPIED_OR_PATCHED, SIX_NOTS_EVASIVE,
        SIX_NOTS_EMPTY, SIX_NOTS_FALSE, SIX_NOTS_SELF_PRAISE, SIX_NOTS_SHALLOW, SIX_NOTS_VAGUE, OTHER
    }
}
