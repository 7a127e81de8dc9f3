package org.campaignledger.kernel.opinion;

public enum SubmitterCategory {
    SERVICE_OBJECT, WORK_OBJECT, PARTY_MEMBER, CADRE, RESIDENT, ENTERPRISE, DEPUTY_OR_CPPCC_MEMBER,
    LOWER_LEVEL_ORG, SUPERVISION_GROUP, INSTITUTIONAL, UNKNOWN;

    /** R-OPN-08: the work and service objects' opinions are heard first. */
    public boolean isPriority() {
        return this == SERVICE_OBJECT || this == WORK_OBJECT;
    }
}
