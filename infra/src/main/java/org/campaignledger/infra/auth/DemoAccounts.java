package org.campaignledger.infra.auth;

import java.util.List;
import java.util.Optional;

/**
 * Demo accounts of the embedded identity provider, one per role of DOMAIN §7, and the importer that loads the
 * demo county. Each is an OAuth2 client (client-credentials grant) whose tokens carry the account's person id and
 * roles; the services take only the platform roles from a token and resolve the others from the domain.
 */
public final class DemoAccounts {
    public record Account(String clientId, String personId, List<String> roles) {
    }

    public static final List<Account> ALL = List.of(
            new Account("public", "demo-public", List.of("PUBLIC")),
            new Account("party-member", "demo-party-member", List.of("PARTY_MEMBER")),
            new Account("unit-secretary", "demo-unit-secretary", List.of("UNIT_SECRETARY")),
            new Account("leadership-member", "demo-leadership-member", List.of("LEADERSHIP_MEMBER")),
            new Account("unit-office-staff", "demo-unit-office-staff", List.of("UNIT_OFFICE_STAFF")),
            new Account("sg-member", "demo-sg-member", List.of("SG_MEMBER")),
            new Account("sg-leader", "demo-sg-leader", List.of("SG_LEADER")),
            new Account("office-staff", "demo-office-staff", List.of("CAMPAIGN_OFFICE_STAFF")),
            new Account("office-approver", "demo-office-approver", List.of("CAMPAIGN_OFFICE_APPROVER")),
            new Account("higher-reviewer", "demo-higher-reviewer", List.of("HIGHER_REVIEWER")),
            new Account("party-group-head", "demo-party-group-head", List.of("PARTY_GROUP_HEAD")),
            new Account("responsible-person", "demo-responsible-person", List.of("RESPONSIBLE_PERSON")),
            new Account("auditor", "demo-auditor", List.of("AUDITOR")),
            // DOMAIN §6: vault PII needs a separately approved grant on top of the auditor role
            new Account("auditor-pii", "demo-auditor-pii", List.of("AUDITOR", "PII_ACCESS")),
            new Account("pii-officer", "demo-pii-officer", List.of("PII_OFFICER")),
            new Account("system-admin", "demo-system-admin", List.of("SYSTEM_ADMIN")),
            new Account("discipline-org", "demo-discipline-org", List.of("DISCIPLINE_ORG_RECIPIENT")),
            new Account("importer", "demo-importer", List.of("DATA_IMPORT")));

    private DemoAccounts() {
    }

    /** The authorization server insists on distinct secrets, so each is the client id plus the stack's suffix. */
    public static String secretOf(Account account, String suffix) {
        return account.clientId() + "-" + suffix;
    }

    public static Optional<Account> byClientId(String clientId) {
        return ALL.stream().filter(a -> a.clientId().equals(clientId)).findFirst();
    }
}
