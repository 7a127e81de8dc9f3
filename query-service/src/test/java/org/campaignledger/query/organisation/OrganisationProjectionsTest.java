package org.campaignledger.query.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.OrgUnitEvent.ContactPointDesignated;
import org.campaignledger.kernel.organisation.OrgUnitEvent.PortfolioAssigned;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMemberAppointed;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMembershipEnded;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitFlagged;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitMerged;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitRegistered;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReparented;
import org.campaignledger.kernel.organisation.PartyOrgKind;
import org.campaignledger.kernel.organisation.RosterEndReason;
import org.campaignledger.kernel.organisation.RosterPosition;
import org.campaignledger.kernel.organisation.UnitFlag;
import org.campaignledger.kernel.organisation.UnitFlags;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.campaignledger.query.ingest.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** rm_org_tree and rm_roster from a unit's events, re-delivered as at-least-once delivery may do. */
class OrganisationProjectionsTest {
    private static final UnitId TOWN = UnitId.of("town");
    private static final PersonId LI = PersonId.of("li");
    private static final PersonId ZHAO = PersonId.of("zhao");
    private static final LocalDate JAN_1 = LocalDate.of(2014, 1, 1);
    private static final LocalDate MAR_31 = LocalDate.of(2014, 3, 31);
    private static final LocalDate APR_1 = LocalDate.of(2014, 4, 1);

    private MongoServer server;
    private MongoClient client;
    private ReadModels readModels;
    private Projection tree;
    private Projection rosters;
    private long sequence;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        readModels = new ReadModels(new MongoTemplate(client, "test"));
        MongoTemplate mongo = new MongoTemplate(client, "test");
        tree = ReadModelsForTests.batched(readModels, new OrgTreeProjection(readModels, new AncestorPaths(readModels)));
        rosters = ReadModelsForTests.batched(readModels, new RosterProjection(readModels));
        sequence = 0;
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    /** Delivers each event twice, so every assertion also checks idempotency. */
    private void deliver(Object... payloads) {
        for (Object payload : payloads) {
            long seq = sequence++;
            LedgerEvent event = new LedgerEvent("e" + seq, payload.getClass().getSimpleName(), null, "1", "OrgUnit",
                    TOWN.value(), seq, 100L + seq, "2014-01-01T00:00:00Z", Map.of(), payload, ReadModelsForTests.nextPosition());
            for (int i = 0; i < 2; i++) {
                tree.apply(event);
                rosters.apply(event);
            }
        }
    }

    private static UnitRegistered town() {
        return new UnitRegistered(TOWN, "TOWN", "Town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET,
                PartyOrgKind.COMMITTEE, UnitId.of("county"), UnitId.of("county"), UnitFlags.NONE,
                List.of(UnitId.of("province"), UnitId.of("county")));
    }

    private Document unit() {
        return readModels.find(OrgTreeProjection.COLLECTION, TOWN.value());
    }

    private List<Document> rosterOn(LocalDate date) {
        return RosterProjection.activeOn(readModels.find(RosterProjection.COLLECTION, TOWN.value())
                .getList(RosterProjection.ENTRIES, Document.class), date);
    }

    @Test
    void the_tree_document_holds_the_current_roster_and_portfolios_by_person_id() {
        deliver(town(),
                new RosterMemberAppointed(TOWN, LI, RosterPosition.SECRETARY, true, JAN_1),
                new RosterMemberAppointed(TOWN, ZHAO, RosterPosition.MEMBER, false, JAN_1),
                new PortfolioAssigned(TOWN, ZHAO, List.of(UnitId.of("office")), JAN_1),
                new PortfolioAssigned(TOWN, ZHAO, List.of(UnitId.of("office"), UnitId.of("school")), APR_1),
                new PortfolioAssigned(TOWN, LI, List.of(UnitId.of("school")), APR_1),
                new RosterMembershipEnded(TOWN, LI, MAR_31, RosterEndReason.ELECTION),
                new ContactPointDesignated(TOWN, PersonId.of("county-head"), Level.COUNTY, JAN_1),
                new UnitFlagged(TOWN, UnitFlag.WEAK_AND_LAX, true, "review"));
        Document unit = unit();
        assertThat(unit.getList("roster", Document.class)).extracting(d -> d.getString("personId"))
                .containsExactly("zhao");
        assertThat(unit.getList("portfolios", Document.class)).singleElement()
                .satisfies(p -> assertThat(p.getList("departmentUnitIds", String.class)).containsExactly("office", "school"));
        assertThat(unit.getList("contactPoints", Document.class)).extracting(d -> d.getString("leaderPersonId"))
                .containsExactly("county-head");
        assertThat(unit.get("flags", Document.class).getBoolean("weakAndLax")).isTrue();
        assertThat(unit.get("flags", Document.class).getBoolean("enforcement")).isFalse();
    }

    @Test
    void a_reparented_unit_is_restamped() {
        deliver(town(), new UnitReparented(TOWN, UnitId.of("county"), UnitId.of("county-b"),
                List.of(UnitId.of("province"), UnitId.of("county-b")), UnitId.of("county-b"), APR_1, null));
        Document unit = unit();
        assertThat(unit.getString("parentUnitId")).isEqualTo("county-b");
        assertThat(unit.getString("jurisdictionId")).isEqualTo("county-b");
        assertThat(unit.getList("ancestorIds", String.class)).containsExactly("province", "county-b");
        assertThat(unit.getInteger("depth")).isEqualTo(2);
    }

    @Test
    void R_ORG_04_the_roster_collection_answers_as_of_a_date() {
        deliver(town(),
                new RosterMemberAppointed(TOWN, LI, RosterPosition.SECRETARY, true, JAN_1),
                new RosterMembershipEnded(TOWN, LI, MAR_31, RosterEndReason.ELECTION),
                new RosterMemberAppointed(TOWN, ZHAO, RosterPosition.SECRETARY, true, APR_1));
        assertThat(rosterOn(LocalDate.of(2013, 12, 31))).isEmpty();
        assertThat(rosterOn(MAR_31)).extracting(d -> d.getString("personId")).containsExactly("li");
        assertThat(rosterOn(APR_1)).extracting(d -> d.getString("personId")).containsExactly("zhao");
    }

    @Test
    void a_merged_unit_has_no_current_roster() {
        deliver(town(),
                new RosterMemberAppointed(TOWN, LI, RosterPosition.SECRETARY, true, JAN_1),
                new UnitMerged(TOWN, UnitId.of("town-b"), MAR_31));
        assertThat(unit().getString("status")).isEqualTo("MERGED");
        assertThat(unit().getList("roster", Document.class)).isEmpty();
        assertThat(rosterOn(MAR_31)).hasSize(1);
        assertThat(rosterOn(APR_1)).isEmpty();
    }

    @Test
    void a_move_restamps_the_units_below_and_a_stale_move_changes_nothing() {
        UnitId village = UnitId.of("village");
        UnitId team = UnitId.of("team");
        deliver(town());
        deliverAs(village, new UnitRegistered(village, "V", "Village", Level.VILLAGE, UnitType.VILLAGE_COMMUNITY,
                PartyOrgKind.COMMITTEE, TOWN, UnitId.of("county"), UnitFlags.NONE,
                List.of(UnitId.of("province"), UnitId.of("county"), TOWN)), 0);
        deliverAs(team, new UnitRegistered(team, "T", "Team", Level.VILLAGE, UnitType.VILLAGE_COMMUNITY,
                PartyOrgKind.BRANCH, village, UnitId.of("county"), UnitFlags.NONE,
                List.of(UnitId.of("province"), UnitId.of("county"), TOWN, village)), 0);
        UnitReparented toB = new UnitReparented(TOWN, UnitId.of("county"), UnitId.of("county-b"),
                List.of(UnitId.of("province"), UnitId.of("county-b")), UnitId.of("county-b"), APR_1, null);
        UnitReparented toC = new UnitReparented(TOWN, UnitId.of("county-b"), UnitId.of("county-c"),
                List.of(UnitId.of("province"), UnitId.of("county-c")), UnitId.of("county-c"), APR_1, null);
        deliver(toB);
        LedgerEvent first = new LedgerEvent("e" + (sequence - 1), "UnitReparented", null, "1", "OrgUnit",
                TOWN.value(), sequence - 1, 100L + sequence - 1, "2014-01-01T00:00:00Z", Map.of(), toB, ReadModelsForTests.nextPosition());
        deliver(toC);
        tree.apply(first);

        Document teamDoc = readModels.find(OrgTreeProjection.COLLECTION, team.value());
        assertThat(teamDoc.getList("ancestorIds", String.class))
                .containsExactly("province", "county-c", "town", "village");
        assertThat(teamDoc.getInteger("depth")).isEqualTo(4);
        assertThat(teamDoc.getString("jurisdictionId")).isEqualTo("county-c");
        assertThat(readModels.find(OrgTreeProjection.COLLECTION, village.value()).getList("ancestorIds", String.class))
                .containsExactly("province", "county-c", "town");
        assertThat(unit().getList("ancestorIds", String.class)).containsExactly("province", "county-c");
    }

    private void deliverAs(UnitId unit, Object payload, long seq) {
        LedgerEvent event = new LedgerEvent(unit.value() + "-e" + seq, payload.getClass().getSimpleName(), null, "1",
                "OrgUnit", unit.value(), seq, 500L + seq, "2014-01-01T00:00:00Z", Map.of(), payload, ReadModelsForTests.nextPosition());
        tree.apply(event);
        tree.apply(event);
    }
}
