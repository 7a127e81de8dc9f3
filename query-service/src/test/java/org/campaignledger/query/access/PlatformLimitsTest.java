package org.campaignledger.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import org.bson.Document;
import org.campaignledger.query.platform.ForbiddenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN §7: the discipline organ and organisation department read filed reports and referrals only; an auditor
 * reads every document of the same endpoints.
 */
class PlatformLimitsTest {
    private final ReadAccessFixtures fixtures = new ReadAccessFixtures();
    private final ReadAccess discipline = new ReadAccess(() ->
            fixtures.reader(ReadRole.DISCIPLINE_ORG_RECIPIENT, ReadAccessFixtures.ON));
    private final ReadAccess auditor = new ReadAccess(() -> fixtures.reader(ReadRole.AUDITOR, ReadAccessFixtures.ON));

    @AfterEach
    void stop() {
        fixtures.close();
    }

    @Test
    void the_discipline_organ_reads_filed_documents_and_referred_opinions_only() {
        Document filed = new Document("_id", "report-1").append("unitId", "town-out").append("state", "FILED");
        Document plan = new Document("_id", "plan-1").append("unitId", "town-out").append("state", "APPROVED");
        assertThat(discipline.detail(ReadEndpoint.DOCUMENT, filed).getString("_id")).isEqualTo("report-1");
        assertThatThrownBy(() -> discipline.detail(ReadEndpoint.DOCUMENT, plan)).isInstanceOf(ForbiddenException.class);
        assertThat(auditor.detail(ReadEndpoint.DOCUMENT, plan).getString("_id")).isEqualTo("plan-1");

        Document referred = new Document("_id", "op-1").append("collectedAtUnitId", "town-out").append("referred", true);
        Document routine = new Document("_id", "op-2").append("collectedAtUnitId", "town-out");
        assertThat(discipline.detail(ReadEndpoint.OPINION, referred).getString("_id")).isEqualTo("op-1");
        assertThatThrownBy(() -> discipline.detail(ReadEndpoint.OPINION, routine))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void their_lists_hold_filed_documents_only() {
        var documents = fixtures.mongo.getCollection("rm_documents");
        documents.insertOne(new Document("_id", "report-1").append("unitId", "town-out").append("state", "FILED"));
        documents.insertOne(new Document("_id", "plan-1").append("unitId", "town-out").append("state", "APPROVED"));
        assertThat(documents.find(discipline.scope(ReadEndpoint.DOCUMENTS, new Document())).into(new ArrayList<>()))
                .extracting(d -> d.getString("_id")).containsExactly("report-1");
        assertThat(documents.find(auditor.scope(ReadEndpoint.DOCUMENTS, new Document())).into(new ArrayList<>()))
                .hasSize(2);
    }
}
