package org.campaignledger.command.access;

/**
 * The roles of DOMAIN §7, each with where it comes from. A role is always held within a scope; only the
 * platform roles are taken from the identity provider's token, every other one is resolved from the domain
 * (rosters, supervision groups, campaign offices, leading groups) as of the command's business date.
 */
public enum Role {
    PUBLIC(Source.EVERYONE),
    PARTY_MEMBER(Source.UNIT),
    UNIT_SECRETARY(Source.UNIT),
    LEADERSHIP_MEMBER(Source.UNIT),
    UNIT_OFFICE_STAFF(Source.UNIT),
    SG_MEMBER(Source.SUPERVISION),
    SG_LEADER(Source.SUPERVISION),
    GUIDANCE_GROUP_MEMBER(Source.SUPERVISION),
    CAMPAIGN_OFFICE_STAFF(Source.JURISDICTION),
    CAMPAIGN_OFFICE_APPROVER(Source.JURISDICTION),
    /** Resolved per review step by the aggregate (R-REV-02); the API lets the command through to it. */
    HIGHER_REVIEWER(Source.STEP),
    PARTY_GROUP_HEAD(Source.STEP),
    /** Responsible for rectification items (a later stage); resolved per item by its aggregate. */
    RESPONSIBLE_PERSON(Source.STEP),
    DISCIPLINE_ORG_RECIPIENT(Source.TOKEN),
    AUDITOR(Source.TOKEN),
    SYSTEM_ADMIN(Source.TOKEN),
    /**
     * The PII officer of DOMAIN §7 (R-OPN-02): reads personal data in the vault and orders its crypto-shredding;
     * a platform role, because the vault holds no unit to scope it by (docs/adr/0011-crypto-shredding.md).
     */
    PII_OFFICER(Source.TOKEN),
    /**
     * Bulk load of records kept elsewhere (the paper ledgers of a running campaign, the demo county): may send
     * any command, and every event it causes carries this role in its envelope so auditors can tell imported
     * facts apart (docs/adr/0010-authorisation.md).
     */
    DATA_IMPORT(Source.TOKEN),
    /** Deadlines and gate handlers; never granted to a token. */
    SYSTEM(Source.INTERNAL);

    /** Where holding the role is decided. */
    public enum Source { EVERYONE, UNIT, SUPERVISION, JURISDICTION, STEP, TOKEN, INTERNAL }

    private final Source source;

    Role(Source source) {
        this.source = source;
    }

    public Source source() {
        return source;
    }
}
