package org.campaignledger.query.access;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.supervision.SgKind;
import org.campaignledger.kernel.supervision.SgMember;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupFormed;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupMemberAdded;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.UnitAssignedToSupervisionGroup;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.campaignledger.query.organisation.RosterRoles;
import org.campaignledger.query.participation.UnitOfficeRoles;
import org.campaignledger.query.rollout.CampaignOfficeRoles;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two counties with a town each; every domain role of §7 is held in {@code town-in} (or its county) through the
 * read model it really comes from, by person {@code p-<ROLE>}, from 2013-01-01 or 2014-01-02.
 */
final class ReadAccessFixtures implements AutoCloseable {
    static final LocalDate ON = LocalDate.of(2014, 4, 1);
    /** Before any role began: domain roles are held nowhere. */
    static final LocalDate BEFORE = LocalDate.of(2012, 6, 1);
    static final String IN = "town-in";
    static final String OUT = "town-out";

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
    final MongoTemplate mongo = new MongoTemplate(client, "test");
    final Readers readers;

    ReadAccessFixtures() {
        unit("county-in");
        unit(IN, "county-in");
        unit("county-out");
        unit(OUT, "county-out");
        mongo.getCollection("rm_roster").insertOne(new Document("_id", IN).append("unitId", IN).append("entries",
                List.of(entry("p-UNIT_SECRETARY", true, null), entry("p-LEADERSHIP_MEMBER", false, null),
                        entry("p-former", false, "2014-03-01"))));
        mongo.getCollection("rm_unit_progress").insertOne(new Document("_id", "mlc:2:" + IN).append("unitId", IN)
                .append("leadingGroup", new Document("headPersonId", "p-UNIT_SECRETARY")
                        .append("officeHeadPersonId", "p-UNIT_OFFICE_STAFF").append("formedOn", "2014-01-12")));
        mongo.getCollection("rm_rollouts").insertOne(new Document("_id", "rollout:mlc:2:county-in")
                .append("jurisdictionUnitId", "county-in").append("state", "ACTIVE")
                .append("office", new Document("directorPersonId", "p-director").append("staffIds",
                                List.of("p-CAMPAIGN_OFFICE_STAFF")).append("approverIds",
                                List.of("p-CAMPAIGN_OFFICE_APPROVER"))
                        .append("establishedOn", "2014-01-02")));
        ReadModels readModels = ReadModelsForTests.over(mongo);
        Projection groups = ReadModelsForTests.batched(readModels, new SupervisionGroupProjection(readModels, mongo));
        group(groups, "sg-1", SgKind.SUPERVISION, "p-SG_LEADER", "p-SG_MEMBER");
        group(groups, "gg-1", SgKind.GUIDANCE, "p-gg-leader", "p-GUIDANCE_GROUP_MEMBER");
        readers = new Readers(mongo, null,
                List.of(new RosterRoles(mongo), new UnitOfficeRoles(mongo), new CampaignOfficeRoles(mongo)));
    }

    /** The reader person {@code p-<role>} is today: a platform role through the token, a domain role from here. */
    Reader reader(ReadRole role, LocalDate on, String... clearances) {
        List<String> token = new java.util.ArrayList<>(List.of(clearances));
        if (role.platform()) {
            token.add(role.name());
        }
        return readers.resolve("p-" + role.name(), token, on);
    }

    ReadAccess access(ReadRole role, String... clearances) {
        Reader reader = reader(role, ON, clearances);
        return new ReadAccess(() -> reader);
    }

    private void unit(String id, String... ancestors) {
        mongo.getCollection("rm_org_tree").insertOne(new Document("_id", id).append("unitId", id)
                .append("ancestorIds", List.of(ancestors)));
    }

    private static Document entry(String person, boolean mainLeader, String to) {
        return new Document("personId", person).append("position", "MEMBER").append("mainLeader", mainLeader)
                .append("effectiveFrom", "2013-01-01").append("effectiveTo", to);
    }

    private static void group(Projection groups, String sg, SgKind kind, String leader,
                              String member) {
        LocalDate from = LocalDate.of(2014, 1, 2);
        List<Object> payloads = List.of(
                new SupervisionGroupFormed(SgId.of(sg), kind, UnitId.of("county-in"), Level.COUNTY, sg,
                        PersonId.of(leader), List.of(new SgMember(PersonId.of(leader), UnitId.of("county-out"))),
                        from),
                new SupervisionGroupMemberAdded(SgId.of(sg), PersonId.of(member), UnitId.of("county-out"), from),
                new UnitAssignedToSupervisionGroup(SgId.of(sg), UnitId.of(IN), from));
        for (int i = 0; i < payloads.size(); i++) {
            groups.apply(new LedgerEvent(sg + "-e" + i, payloads.get(i).getClass().getSimpleName(), null, "1",
                    "SupervisionGroup", sg, i, 100L + i, "2014-01-02T00:00:00Z", Map.of(), payloads.get(i), ReadModelsForTests.nextPosition()));
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
