package org.campaignledger.query.lookback;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.kernel.lookback.CheckItem;
import org.campaignledger.kernel.lookback.LookBackEvent;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackConcluded;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackCorrectiveActionBecameOverdue;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackCorrectiveActionCompleted;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackDowngradeProposed;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackFindingRecorded;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackMakeUpActivityCompleted;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOpened;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeAmended;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeDecided;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackRedoCompleted;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackRuleWarningRaised;
import org.campaignledger.kernel.lookback.OutcomeTerms;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.stereotype.Component;

/**
 * {@code rm_lookbacks}: one document per look-back (DOMAIN §4.14) with its findings, its current outcome and
 * how far that outcome is discharged. Each event rewrites the fields it changes, guarded by the aggregate
 * sequence, so a re-delivered event changes nothing.
 */
@Component
class LookBackProjection implements Projection {
    static final String LOOKBACKS = "rm_lookbacks";

    private final ReadModels readModels;

    LookBackProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void apply(LedgerEvent event) {
        if (event.payload() instanceof LookBackOpened e) {
            readModels.insertOnce(LOOKBACKS, event, new Document("_id", e.lookBackId().value())
                    .append("lookBackId", e.lookBackId().value())
                    .append("participationId", e.participationId().value())
                    .append("campaignId", e.participationId().campaignId().value())
                    .append("unitId", e.unitId().value())
                    .append("reviewedStage", e.reviewedStage())
                    .append("sgId", e.sgId().value())
                    .append("window", new Document("from", e.window().from().toString())
                            .append("to", e.window().to().toString()))
                    .append("status", "OPENED")
                    .append("findings", new Document())
                    .append("outcome", null)
                    .append("redoCompleted", false)
                    .append("pendingDowngrade", null)
                    .append("warnings", List.of())
                    .append("openedAt", event.recordedAt()));
            return;
        }
        if (!(event.payload() instanceof LookBackEvent e)) {
            return;
        }
        String id = e.lookBackId().value();
        if (e instanceof LookBackFindingRecorded f) {
            change(event, id, d -> {
                Document findings = new Document((Document) d.get("findings"));
                findings.put(f.checkItem().name(), new Document("result", f.result().name())
                        .append("notesRef", f.notesRef()).append("evidenceRefs", f.evidenceRefs()));
                d.append("findings", findings);
                if (findings.size() == CheckItem.values().length && "OPENED".equals(d.getString("status"))) {
                    d.append("status", "FINDINGS_RECORDED");
                }
            });
        } else if (e instanceof LookBackOutcomeDecided o) {
            change(event, id, d -> terms(d, o.terms(), List.of(), List.of()).append("status", "OUTCOME_DECIDED")
                    .append("decidedAt", event.recordedAt()));
        } else if (e instanceof LookBackOutcomeAmended a) {
            change(event, id, d -> terms(d, a.terms(), done(d, "correctiveActions", "actionId"),
                    done(d, "makeUpActivities", "activityId")).append("pendingDowngrade", null)
                    .append("amendments", d.getInteger("amendments", 0) + 1));
        } else if (e instanceof LookBackDowngradeProposed p) {
            change(event, id, d -> d.append("pendingDowngrade", new Document("proposalId", p.proposalId())
                    .append("newOutcome", p.terms().outcome().name())
                    .append("justification", p.justification())
                    .append("proposedByPersonId", p.proposedByPersonId().value())));
        } else if (e instanceof LookBackCorrectiveActionCompleted c) {
            change(event, id, d -> mark(d, "correctiveActions", "actionId", c.actionId(), "done")
                    .append("status", "CORRECTING"));
        } else if (e instanceof LookBackMakeUpActivityCompleted m) {
            change(event, id, d -> mark(d, "makeUpActivities", "activityId", m.activityId(), "done")
                    .append("status", "CORRECTING"));
        } else if (e instanceof LookBackCorrectiveActionBecameOverdue o) {
            change(event, id, d -> mark(d, "correctiveActions", "actionId", o.actionId(), "overdue"));
        } else if (e instanceof LookBackRedoCompleted r) {
            change(event, id, d -> d.append("redoCompleted", true).append("redoCompletedOn", r.completedOn().toString()));
        } else if (e instanceof LookBackConcluded c) {
            change(event, id, d -> d.append("status", "CONCLUDED").append("outcome", c.finalOutcome().name())
                    .append("concludedAt", event.recordedAt()));
        } else if (e instanceof LookBackRuleWarningRaised w) {
            change(event, id, d -> {
                List<Document> warnings = new ArrayList<>(d.getList("warnings", Document.class, List.of()));
                warnings.add(new Document("ruleId", w.ruleId()).append("details", w.details()));
                d.append("warnings", warnings);
            });
        }
    }

    /** The outcome's parameters; items already done under the previous terms stay done. */
    private static Document terms(Document d, OutcomeTerms terms, List<String> doneActions, List<String> doneActivities) {
        return d.append("outcome", terms.outcome().name())
                .append("deadline", terms.deadline() == null ? null : terms.deadline().toString())
                .append("newStageEnd", terms.newStageEnd() == null ? null : terms.newStageEnd().toString())
                .append("redoScope", terms.redoScope().stream().map(Enum::name).sorted().toList())
                .append("correctiveActions", terms.correctiveActions().stream().map(a -> new Document("actionId",
                        a.actionId()).append("description", a.description()).append("dueDate", a.dueDate().toString())
                        .append("done", doneActions.contains(a.actionId())).append("overdue", false)).toList())
                .append("makeUpActivities", terms.makeUpActivities().stream().map(a -> new Document("activityId",
                        a.activityId()).append("description", a.description())
                        .append("done", doneActivities.contains(a.activityId()))).toList());
    }

    private static List<String> done(Document d, String list, String key) {
        return d.getList(list, Document.class, List.of()).stream().filter(i -> Boolean.TRUE.equals(i.getBoolean("done")))
                .map(i -> i.getString(key)).toList();
    }

    private static Document mark(Document d, String list, String key, String id, String flag) {
        return d.append(list, d.getList(list, Document.class, List.of()).stream()
                .map(i -> id.equals(i.getString(key)) ? new Document(i).append(flag, true) : i).toList());
    }

    private void change(LedgerEvent event, String lookBackId, Consumer<Document> mutation) {
        Document before = readModels.find(LOOKBACKS, lookBackId);
        if (before == null) {
            throw new IllegalStateException("look-back " + lookBackId + " changed before it was opened");
        }
        if (before.get(ReadModels.LAST_SEQUENCE, Number.class).longValue() >= event.aggregateSequence()) {
            return;
        }
        Document after = new Document(before);
        mutation.accept(after);
        List<Bson> updates = new ArrayList<>();
        after.forEach((field, value) -> {
            if (!field.equals("_id") && !Objects.equals(value, before.get(field))) {
                updates.add(Updates.set(field, value));
            }
        });
        readModels.updateInOrder(LOOKBACKS, lookBackId, event, updates.toArray(Bson[]::new));
    }
}
