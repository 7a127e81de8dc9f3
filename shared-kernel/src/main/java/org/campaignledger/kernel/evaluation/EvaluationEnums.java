package org.campaignledger.kernel.evaluation;

/** Enumerations of public evaluations (DOMAIN §4.13, Appendix A, DOMAIN-ERRATA I6). */
public final class EvaluationEnums {
    private EvaluationEnums() {
    }

    /**
     * The rating scale of a form, {@code [ASM]} (DOMAIN Q3); which options count as satisfied is the policy's
     * {@code satisfiedOptions} (SatisfactionRule).
     */
    public enum Rating { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED }

    /** What a POST_MEETING form rates besides the overall rating (R-EVL-05). */
    public enum EvaluationDimension {
        PROBLEM_IDENTIFICATION, MATERIAL_WRITING, MEETINGS, CRITICISM_SELF_CRITICISM, LEARN_AND_RECTIFY
    }

    public enum EvaluationPreconditionKey {
        NOTIFICATION_APPROVED, EVALUATION_PLAN_APPROVED, MEETING_HELD, SG_FEEDBACK_DELIVERED, REWORK_COMPLETED
    }

    /** The three mandatory sections of the notification material (R-EVL-04). */
    public enum NotificationSection { PRE_MEETING_PREPARATION, CRITICISM_AND_SELF_CRITICISM, RECTIFICATION_MEASURES }

    public enum EvaluationState { PLANNED, READY, IN_SESSION, PASSED, FAILED, REPORTED }
}
