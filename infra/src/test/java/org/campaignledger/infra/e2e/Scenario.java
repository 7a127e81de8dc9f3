package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The set-up every Stage-1 scenario needs, through the command API: a campaign with its batch and policy, units
 * with their main leaders, and participations prepared up to the start of Stage 1. Ids carry a random suffix so
 * scenarios share one stack without meeting.
 */
final class Scenario {
    final LedgerClient client;
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String campaign = "cmp-" + suffix;

    Scenario(LedgerClient client) {
        this.client = client;
    }

    Scenario campaign(String profile, List<String> categories) {
        ok(client.command("DefineCampaign", Map.of("campaignId", campaign, "name", "Mass line", "theme", "Serve")));
        ok(client.command("DefineBatch", Map.of("campaignId", campaign, "batchNo", 2, "scope", "below the province",
                "plannedStart", "2014-01", "plannedBasicCompletion", "2014-09", "participatingCategories", categories)));
        ok(client.command("AdoptPolicyProfile", Map.of("campaignId", campaign, "profileId", profile,
                "effectiveFrom", "2014-01-01")));
        return this;
    }

    String id(String prefix) {
        return prefix + "-" + suffix;
    }

    /** A unit whose main leader, {@code sec-<unitId>}, is on its roster since 2013. */
    void unitWithSecretary(String unitId, String level, String unitType, String partyOrgKind, String parentUnitId) {
        Map<String, Object> unit = new LinkedHashMap<>(Map.of("unitId", unitId, "code", unitId, "name", "Unit " + unitId,
                "level", level, "unitType", unitType, "partyOrgKind", partyOrgKind));
        if (parentUnitId != null) {
            unit.put("parentUnitId", parentUnitId);
        }
        ok(client.command("RegisterUnit", unit));
        ok(client.command("RegisterPerson", Map.of("personId", secretaryOf(unitId), "name", "Secretary " + unitId,
                "contact", "0546-0000000", "partyMember", true, "homeBranchUnitId", unitId)));
        ok(client.command("AppointRosterMember", Map.of("unitId", unitId, "personId", secretaryOf(unitId),
                "position", "SECRETARY", "mainLeader", true, "effectiveFrom", "2013-01-01")));
    }

    /** The county's rollout of batch 2 with its leading group and a campaign office of these staff. */
    void countyOffice(String county, List<String> staffIds) {
        String rollout = "rollout:" + campaign + ":2:" + county;
        ok(client.command("OpenRollout", Map.of("campaignId", campaign, "batchNo", 2, "jurisdictionUnitId", county)));
        ok(client.command("EstablishLeadingGroup", Map.of("rolloutId", rollout, "headPersonId", secretaryOf(county),
                "memberIds", List.of(), "date", "2014-01-02")));
        ok(client.command("EstablishCampaignOffice", Map.of("rolloutId", rollout, "directorPersonId",
                secretaryOf(county), "staffIds", staffIds, "approverIds", List.of("demo-office-approver"),
                "date", "2014-01-02")));
    }

    /** Two counties with a township each; county A's office is staffed by the office-staff account's person. */
    record TwoCounties(String countyA, String townA, String countyB, String townB) {
    }

    TwoCounties twoCounties() {
        TwoCounties units = new TwoCounties(id("county-a"), id("town-a"), id("county-b"), id("town-b"));
        unitWithSecretary(units.countyA(), "COUNTY", "LEADING_BODY", "COMMITTEE", null);
        unitWithSecretary(units.townA(), "TOWNSHIP", "TOWNSHIP_STREET", "COMMITTEE", units.countyA());
        unitWithSecretary(units.countyB(), "COUNTY", "LEADING_BODY", "COMMITTEE", null);
        unitWithSecretary(units.townB(), "TOWNSHIP", "TOWNSHIP_STREET", "COMMITTEE", units.countyB());
        countyOffice(units.countyA(), List.of("demo-office-staff"));
        countyOffice(units.countyB(), List.of("staff-" + suffix));
        return units;
    }

    static String secretaryOf(String unitId) {
        return "sec-" + unitId;
    }

    /** Registers the unit's participation and takes it through preparation, ready for StartStage(1). */
    String preparedParticipation(String unitId, int tierNo) {
        var registered = client.command("RegisterParticipation", Map.of("campaignId", campaign, "batchNo", 2,
                "unitId", unitId, "tierNo", tierNo));
        ok(registered);
        String participation = registered.body().get("aggregateId").asText();
        ok(client.command("StartPreparation", Map.of("participationId", participation, "date", "2014-01-10")));
        ok(client.command("FormUnitLeadingGroup", Map.of("participationId", participation,
                "headPersonId", secretaryOf(unitId), "officeHeadPersonId", secretaryOf(unitId), "date", "2014-01-12")));
        ok(client.command("RecordMobilisation", Map.of("participationId", participation, "date", "2014-01-15")));
        ok(client.command("CreditGateFact", Map.of("participationId", participation,
                "fact", "IMPLEMENTATION_PLAN_APPROVED", "sourceAggregateType", "ReviewableDocument",
                "sourceAggregateId", "plan-" + participation, "sourceEventId", UUID.randomUUID().toString())));
        return participation;
    }

    static void ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.raw().body()).isBetween(200, 201);
    }
}
