package org.campaignledger.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.campaignledger.query.access.ReadAccessFixtures.IN;
import static org.campaignledger.query.access.ReadAccessFixtures.OUT;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.campaignledger.query.platform.ForbiddenException;
import org.campaignledger.query.platform.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One redaction per data class, the same on detail and list endpoints, and the scope rules of lists: filtered to
 * the reader's units, refused when a filter names a unit out of scope; a detail out of scope is refused.
 */
class ReadRedactionTest {
    private final ReadAccessFixtures fixtures = new ReadAccessFixtures();

    @BeforeEach
    void opinions() {
        for (String unit : List.of(IN, OUT)) {
            fixtures.mongo.getCollection("rm_opinions").insertOne(new Document("_id", "op-" + unit)
                    .append("unitId", unit).append("rawTextRef", "vault:text-" + unit).append("referred", true)
                    .append("receivedOn", "2014-02-20"));
        }
    }

    @AfterEach
    void stop() {
        fixtures.close();
    }

    @Test
    void INTERNAL_fields_are_withheld_from_a_reader_outside_INTERNAL() {
        Document unit = new Document("_id", IN).append("unitId", IN)
                .append("flags", new Document("weakAndLax", true));
        Document asAdmin = fixtures.access(ReadRole.SYSTEM_ADMIN).detail(ReadEndpoint.UNIT, new Document(unit));
        assertThat(asAdmin.get("flags")).isEqualTo(DataClasses.marker(DataClass.INTERNAL));
        Document asSecretary = fixtures.access(ReadRole.UNIT_SECRETARY).detail(ReadEndpoint.UNIT, new Document(unit));
        assertThat(asSecretary.get("flags")).isEqualTo(new Document("weakAndLax", true));
    }

    @Test
    void CONFIDENTIAL_referrals_are_seen_by_the_SG_and_cleared_auditors_only_on_detail_and_list_alike() {
        for (ReadRole role : List.of(ReadRole.UNIT_SECRETARY, ReadRole.LEADERSHIP_MEMBER, ReadRole.UNIT_OFFICE_STAFF,
                ReadRole.CAMPAIGN_OFFICE_STAFF, ReadRole.CAMPAIGN_OFFICE_APPROVER, ReadRole.AUDITOR)) {
            assertThat(referred(fixtures.access(role))).as(role.name())
                    .containsOnly(DataClasses.marker(DataClass.CONFIDENTIAL));
        }
        for (ReadAccess cleared : List.of(fixtures.access(ReadRole.SG_MEMBER), fixtures.access(ReadRole.SG_LEADER),
                fixtures.access(ReadRole.GUIDANCE_GROUP_MEMBER), fixtures.access(ReadRole.DISCIPLINE_ORG_RECIPIENT),
                fixtures.access(ReadRole.AUDITOR, ReadRole.AUDITOR_CONFIDENTIAL))) {
            assertThat(referred(cleared)).containsOnly(true);
        }
    }

    /** The referral flag as the opinion detail and the opinion list answer it. */
    private List<Object> referred(ReadAccess access) {
        List<Object> seen = new ArrayList<>();
        Document detail = fixtures.mongo.getCollection("rm_opinions").find(Filters.eq("_id", "op-" + IN)).first();
        seen.add(access.detail(ReadEndpoint.OPINION, detail).get("referred"));
        Map<String, Object> page = access.page(ReadEndpoint.OPINIONS, Paging.page(
                fixtures.mongo.getCollection("rm_opinions"), access.scope(ReadEndpoint.OPINIONS,
                        Filters.eq("unitId", IN), IN), Sorts.ascending("_id"), 0, 50));
        Paging.items(page).forEach(item -> seen.add(item.get("referred")));
        assertThat(seen).hasSize(2);
        return seen;
    }

    @Test
    void PII_vault_tokens_reach_the_PII_officer_and_auditors_with_a_grant_only() {
        for (ReadAccess access : List.of(fixtures.access(ReadRole.AUDITOR),
                fixtures.access(ReadRole.AUDITOR, ReadRole.AUDITOR_CONFIDENTIAL),
                fixtures.access(ReadRole.SYSTEM_ADMIN))) {
            assertThat(personRegistered(access)).isEqualTo(DataClasses.marker(DataClass.PII));
        }
        assertThat(personRegistered(fixtures.access(ReadRole.AUDITOR, ReadRole.PII_ACCESS))).isEqualTo("vault:pii-1");
        Document opinion = new Document("eventType", "OpinionRecorded").append("actorPersonId", "citizen");
        assertThat(DataClasses.redact("rm_timeline", opinion, ReadRole.PII_OFFICER.audience(java.util.Set.of()))
                .get("actorPersonId")).isEqualTo("citizen");
    }

    private Object personRegistered(ReadAccess access) {
        Map<String, Object> event = new java.util.LinkedHashMap<>(Map.of("eventType", "PersonRegistered",
                "payload", new java.util.LinkedHashMap<>(Map.of("piiRef", "vault:pii-1"))));
        access.redact(ReadEndpoint.AUDIT_STREAM, event, null);
        return ((Map<?, ?>) event.get("payload")).get("piiRef");
    }

    @Test
    void lists_hold_the_readers_units_only_and_a_filter_naming_another_unit_is_refused() {
        ReadAccess staff = fixtures.access(ReadRole.CAMPAIGN_OFFICE_STAFF);
        Map<String, Object> page = staff.page(ReadEndpoint.OPINIONS, Paging.page(
                fixtures.mongo.getCollection("rm_opinions"), staff.scope(ReadEndpoint.OPINIONS, new Document()),
                Sorts.ascending("_id"), 0, 50));
        assertThat(Paging.items(page)).extracting(d -> d.getString("unitId")).containsExactly(IN);
        assertThat(page.get("total")).isEqualTo(1L);
        assertThatThrownBy(() -> staff.scope(ReadEndpoint.OPINIONS, new Document(), OUT))
                .isInstanceOf(ForbiddenException.class).hasMessageNotContaining(OUT);
        Map<String, Object> all = fixtures.access(ReadRole.AUDITOR).page(ReadEndpoint.OPINIONS, Paging.page(
                fixtures.mongo.getCollection("rm_opinions"), fixtures.access(ReadRole.AUDITOR)
                        .scope(ReadEndpoint.OPINIONS, new Document()), Sorts.ascending("_id"), 0, 50));
        assertThat(all.get("total")).isEqualTo(2L);
    }

    @Test
    void a_detail_out_of_scope_is_refused_naming_roles_but_no_unit() {
        Document foreign = fixtures.mongo.getCollection("rm_opinions").find(Filters.eq("_id", "op-" + OUT)).first();
        assertThatThrownBy(() -> fixtures.access(ReadRole.UNIT_SECRETARY).detail(ReadEndpoint.OPINION, foreign))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.requiredRoles()).contains("UNIT_SECRETARY", "AUDITOR");
                    assertThat(e.getMessage()).doesNotContain(OUT);
                });
    }
}
