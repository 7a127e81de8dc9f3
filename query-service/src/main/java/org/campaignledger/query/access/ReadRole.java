package org.campaignledger.query.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of DOMAIN §7 that read the query side, each with the data classes it sees. Domain roles are held in
 * units and resolved from the read models ({@link Readers}); platform roles come from the token and hold
 * everywhere. A reader sees a field only if one of the roles that grant the read covers the field's class.
 */
public enum ReadRole {
    UNIT_SECRETARY(false, DataClass.PUBLIC, DataClass.INTERNAL),
    LEADERSHIP_MEMBER(false, DataClass.PUBLIC, DataClass.INTERNAL),
    UNIT_OFFICE_STAFF(false, DataClass.PUBLIC, DataClass.INTERNAL),
    /** R-TLK-06: the assigned SG sees CONFIDENTIAL talk and meeting content of its units, never vault PII. */
    SG_MEMBER(false, DataClass.PUBLIC, DataClass.INTERNAL, DataClass.CONFIDENTIAL),
    SG_LEADER(false, DataClass.PUBLIC, DataClass.INTERNAL, DataClass.CONFIDENTIAL),
    GUIDANCE_GROUP_MEMBER(false, DataClass.PUBLIC, DataClass.INTERNAL, DataClass.CONFIDENTIAL),
    CAMPAIGN_OFFICE_STAFF(false, DataClass.PUBLIC, DataClass.INTERNAL),
    /** §7: "CONFIDENTIAL only by clearance"; the clearance is per document (outlines), not a read-model grant. */
    CAMPAIGN_OFFICE_APPROVER(false, DataClass.PUBLIC, DataClass.INTERNAL),
    /** Receives filed reports and referrals (R-OPN-07), which are CONFIDENTIAL and addressed to it. */
    DISCIPLINE_ORG_RECIPIENT(true, DataClass.PUBLIC, DataClass.INTERNAL, DataClass.CONFIDENTIAL),
    /** CONFIDENTIAL with the AUDITOR_CONFIDENTIAL clearance, PII with a PII_ACCESS grant (§6). */
    AUDITOR(true, DataClass.PUBLIC, DataClass.INTERNAL),
    /** R-OPN-02: the only role that may resolve a submitter's vault token. */
    PII_OFFICER(true, DataClass.PUBLIC, DataClass.INTERNAL, DataClass.PII),
    /** Operational metadata only: no INTERNAL or CONFIDENTIAL content, no PII (§7). */
    SYSTEM_ADMIN(true, DataClass.PUBLIC),
    DATA_IMPORT(true, DataClass.PUBLIC);

    /** Token claims that widen an auditor's audience (DOMAIN §6). */
    public static final String AUDITOR_CONFIDENTIAL = "AUDITOR_CONFIDENTIAL";
    public static final String PII_ACCESS = "PII_ACCESS";

    private final boolean platform;
    private final Set<DataClass> audience;

    ReadRole(boolean platform, DataClass first, DataClass... more) {
        this.platform = platform;
        this.audience = EnumSet.of(first, more);
    }

    /** Taken from the token and held platform-wide, rather than resolved per unit from the domain. */
    public boolean platform() {
        return platform;
    }

    public Set<DataClass> audience(Set<String> clearances) {
        Set<DataClass> classes = EnumSet.copyOf(audience);
        if (this == AUDITOR && clearances.contains(AUDITOR_CONFIDENTIAL)) {
            classes.add(DataClass.CONFIDENTIAL);
        }
        if (this == AUDITOR && clearances.contains(PII_ACCESS)) {
            classes.add(DataClass.PII);
        }
        return classes;
    }
}
