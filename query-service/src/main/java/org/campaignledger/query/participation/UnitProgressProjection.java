package org.campaignledger.query.participation;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import org.bson.Document;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReparented;
import org.campaignledger.kernel.participation.ParticipationEvent.GateFactCredited;
import org.campaignledger.kernel.participation.ParticipationEvent.GateFactRevoked;
import org.campaignledger.kernel.participation.ParticipationEvent.OrganisationalRectificationCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.ParticipationConcluded;
import org.campaignledger.kernel.participation.ParticipationEvent.ParticipationRegistered;
import org.campaignledger.kernel.participation.ParticipationEvent.ParticipationWithdrawn;
import org.campaignledger.kernel.participation.ParticipationEvent.PreparationStarted;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkOrdered;
import org.campaignledger.kernel.participation.ParticipationEvent.RuleWarningRaised;
import org.campaignledger.kernel.participation.ParticipationEvent.StageCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.StageExtended;
import org.campaignledger.kernel.participation.ParticipationEvent.StageReopened;
import org.campaignledger.kernel.participation.ParticipationEvent.StageStarted;
import org.campaignledger.kernel.participation.ParticipationEvent.StageWindowExceeded;
import org.campaignledger.kernel.participation.ParticipationEvent.StudyActivityRecorded;
import org.campaignledger.kernel.participation.ParticipationEvent.UnitLeadingGroupFormed;
import org.campaignledger.kernel.participation.ParticipationEvent.WeakOrganisationFlagged;
import org.campaignledger.kernel.participation.ParticipationEvent;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.organisation.AncestorPaths;
import org.campaignledger.query.platform.ReadModelIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code rm_unit_progress} (DOMAIN §5.2): one document per participation with its state, stages (with their
 * extensions and reopenings), gate facts, study counters, open reworks and warnings. Every event of a
 * participation applies in sequence, once. Counters fed by other aggregates are {@link ProgressCounters}'; a
 * moved unit's path is re-stamped by {@link AncestorPaths}.
 */
@Component
class UnitProgressProjection implements Projection {
    static final String COLLECTION = "rm_unit_progress";
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private final ReadModels readModels;
    private final AncestorPaths paths;
    private final MongoTemplate mongo;

    UnitProgressProjection(ReadModels readModels, AncestorPaths paths, MongoTemplate mongo) {
        this.readModels = readModels;
        this.paths = paths;
        this.mongo = mongo;
    }

    /** DOMAIN §5.2's indexes. */
    @EventListener(ApplicationReadyEvent.class)
    void indexes() {
        ReadModelIndexes.ensure(mongo, COLLECTION, Indexes.ascending("jurisdictionId", "state"),
                Indexes.ascending("ancestorIds", "state"), Indexes.ascending("unitType", "state"));
    }

    @Override
    public void apply(LedgerEvent event) {
        if (event.payload() instanceof UnitReparented moved) {
            paths.restamp(COLLECTION, event, moved, false);
            return;
        }
        if (!(event.payload() instanceof ParticipationEvent e)) {
            return;
        }
        String id = e.participationId().value();
        if (e instanceof ParticipationRegistered r) {
            readModels.insertOnce(COLLECTION, event, new Document("_id", id)
                    .append("participationId", id)
                    .append("campaignId", r.campaignId().value())
                    .append("batchNo", r.batchNo())
                    .append("unitId", r.unitId().value())
                    .append("unitType", r.unitType().name())
                    .append("level", r.level().name())
                    .append("tierNo", r.tierNo())
                    .append("jurisdictionId", r.jurisdictionId() == null ? null : r.jurisdictionId().value())
                    .append("ancestorIds", r.ancestorIds().stream().map(UnitId::value).toList())
                    .append("meetingType", r.meetingType().name())
                    .append("materialRequirement", r.materialRequirement().name())
                    .append("rectificationForm", r.rectificationForm().name())
                    .append("state", "REGISTERED")
                    .append("stages", new Document())
                    .append("gates", new Document())
                    .append("study", new Document("concentratedStudyHalfDays", 0).append("seminars", 0)
                            .append("activities", 0))
                    .append("openReworks", new ArrayList<>()));
        } else if (e instanceof UnitLeadingGroupFormed g) {
            // The office head is the unit's office staff for read access (UnitOfficeRoles), from the day the group
            // was formed; revision 1 of the event did not say, so its business date stands in.
            String occurredAt = event.meta(MetaDataKeys.OCCURRED_AT);
            String formedOn = g.date() != null ? g.date().toString() : Instant.parse(occurredAt == null
                    ? event.recordedAt() : occurredAt).atZone(BUSINESS_ZONE).toLocalDate().toString();
            readModels.updateInOrder(COLLECTION, id, event, Updates.set("leadingGroup", new Document("headPersonId",
                    g.headPersonId().value()).append("officeHeadPersonId", g.officeHeadPersonId() == null ? null
                    : g.officeHeadPersonId().value()).append("formedOn", formedOn)));
        } else if (e instanceof PreparationStarted p) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.set("state", "PREPARING"),
                    Updates.set("preparationStartedOn", p.date().toString()));
        } else if (e instanceof WeakOrganisationFlagged) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.set("state", "ORG_RECTIFICATION"),
                    Updates.set("weakOrganisation", true));
        } else if (e instanceof OrganisationalRectificationCompleted) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.set("state", "PREPARING"));
        } else if (e instanceof GateFactCredited g) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.set("gates." + g.fact().name(),
                    new Document("satisfied", true).append("at", event.recordedAt())
                            .append("sourceAggregateId", g.sourceAggregateId())
                            .append("sourceEventId", g.sourceEventId())));
        } else if (e instanceof GateFactRevoked g) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.set("gates." + g.fact().name(),
                    new Document("satisfied", false).append("at", event.recordedAt()).append("reason", g.reason())));
        } else if (e instanceof StageStarted s) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.set("state", "STAGE_" + s.stage()),
                    Updates.set("stages." + s.stage() + ".actualStart", s.date().toString()),
                    Updates.set("stages." + s.stage() + ".plannedTo", s.plannedTo() == null ? null : s.plannedTo().toString()));
        } else if (e instanceof StageCompleted s) {
            readModels.updateInOrder(COLLECTION, id, event,
                    Updates.set("stages." + s.stage() + ".completedAt", s.date().toString()));
        } else if (e instanceof StageExtended s) {
            readModels.updateInOrder(COLLECTION, id, event,
                    Updates.set("stages." + s.stage() + ".extendedTo", s.newPlannedTo().toString()),
                    Updates.push("stages." + s.stage() + ".extensions", new Document("from", s.oldPlannedTo().toString())
                            .append("to", s.newPlannedTo().toString()).append("lookBackId", s.lookBackId())));
        } else if (e instanceof StageReopened s) {
            reopened(event, id, s);
        } else if (e instanceof StudyActivityRecorded s) {
            readModels.updateInOrder(COLLECTION, id, event,
                    Updates.inc("study.concentratedStudyHalfDays", s.countsAsConcentratedStudy() ? s.halfDays() : 0),
                    Updates.inc("study.seminars", s.countsAsSeminar() ? 1 : 0),
                    Updates.inc("study.activities", 1));
        } else if (e instanceof ReworkOrdered r) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.push("openReworks", r.reworkId()));
        } else if (e instanceof ReworkCompleted r) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.pull("openReworks", r.reworkId()));
        } else if (e instanceof RuleWarningRaised w) {
            readModels.updateInOrder(COLLECTION, id, event, ProgressCounters.warning(w.ruleId(), w.details(), event));
        } else if (e instanceof StageWindowExceeded w) {
            readModels.updateInOrder(COLLECTION, id, event,
                    Updates.set("stages." + w.stage() + ".windowExceeded", true));
        } else if (e instanceof ParticipationConcluded c) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.set("state", "CONCLUDED"),
                    Updates.set("concludedOn", c.date().toString()),
                    Updates.set("daysSinceStage1Start", c.daysSinceStage1Start()));
        } else if (e instanceof ParticipationWithdrawn w) {
            readModels.updateInOrder(COLLECTION, id, event, Updates.set("state", "WITHDRAWN"),
                    Updates.set("withdrawnOn", w.date().toString()));
        } else {
            // Events that change nothing shown here still advance the document's sequence.
            readModels.updateInOrder(COLLECTION, id, event);
        }
    }

    /**
     * The stage runs again: the completion it had moves into the reopening, so {@code completedAt} always means
     * the stage's current completion. Events of one participation arrive in order, so reading first is safe.
     */
    private void reopened(LedgerEvent event, String id, StageReopened s) {
        Document progress = readModels.find(COLLECTION, id);
        Document stage = progress == null ? null : progress.get("stages", Document.class).get(String.valueOf(s.stage()),
                Document.class);
        String completedAt = stage == null ? null : stage.getString("completedAt");
        readModels.updateInOrder(COLLECTION, id, event, Updates.set("state", "STAGE_" + s.stage()),
                Updates.set("stages." + s.stage() + ".reopenedBy", s.lookBackId()),
                Updates.unset("stages." + s.stage() + ".completedAt"),
                Updates.push("stages." + s.stage() + ".reopenings", new Document("lookBackId", s.lookBackId())
                        .append("previousState", s.previousState().name()).append("completedAt", completedAt)
                        .append("at", event.recordedAt())));
    }
}
