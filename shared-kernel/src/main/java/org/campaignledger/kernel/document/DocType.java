package org.campaignledger.kernel.document;

/**
 * The kinds of reviewable document (DOMAIN §4.11), each with the kind of subject it may name. The SG's
 * feedback to the unit is {@code SG_MEETING_FEEDBACK}, not SG_ASSESSMENT, which is an evaluation type
 * (DOMAIN-ERRATA M11).
 */
public enum DocType {
    IMPLEMENTATION_PLAN(SubjectRef.Kind.NONE),
    MEETING_PLAN(SubjectRef.Kind.MEETING),
    NOTIFICATION_MATERIAL(SubjectRef.Kind.EVALUATION),
    EVALUATION_PLAN(SubjectRef.Kind.EVALUATION),
    SG_MEETING_FEEDBACK(SubjectRef.Kind.MEETING),
    EVALUATION_REPORT(SubjectRef.Kind.EVALUATION),
    SPECIAL_REPORT(SubjectRef.Kind.MEETING),
    RULE_BUILDING_PLAN(SubjectRef.Kind.NONE);

    private final SubjectRef.Kind subjectKind;

    DocType(SubjectRef.Kind subjectKind) {
        this.subjectKind = subjectKind;
    }

    public SubjectRef.Kind subjectKind() {
        return subjectKind;
    }
}
