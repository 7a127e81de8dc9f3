package org.campaignledger.query.evaluation;

import com.mongodb.client.model.Updates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationBecameReady;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationFailed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationFormRecorded;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationOutcomeChanged;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPaperTallyConfirmed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPaperTallyRecorded;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPassed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPlanned;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPreconditionCredited;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPreconditionRevoked;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationReportFiled;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationResultsFedBack;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationSessionOpened;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallied;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallyCorrected;
import org.campaignledger.kernel.evaluation.RatingCounts;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkOrdered;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.platform.Ratios;
import org.springframework.stereotype.Component;

/**
 * {@code rm_evaluations} (DOMAIN §5.8): one document per evaluation attempt, never an individual form (DOMAIN §3).
 * The reworks ordered after an attempt come from the participation, another aggregate with its own sequence, so
 * they live in {@code rm_evaluation_reworks} (one document per rework) and are joined when read.
 */
@Component
class EvaluationProjection implements Projection {
    static final String EVALUATIONS = "rm_evaluations";
    static final String REWORKS = "rm_evaluation_reworks";

    private final ReadModels readModels;

    EvaluationProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void apply(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof ReworkOrdered r && r.evaluationId() != null) {
            readModels.insertOnce(REWORKS, event, new Document("_id", reworkKey(r.participationId().value(),
                    r.reworkId())).append("evaluationId", r.evaluationId()).append("reworkId", r.reworkId())
                    .append("orderedAt", event.recordedAt()).append("completed", false).append("completedAt", null));
        } else if (payload instanceof ReworkCompleted r) {
            readModels.updateInOrder(REWORKS, reworkKey(r.participationId().value(), r.reworkId()), event,
                    Updates.set("completed", true), Updates.set("completedAt", event.recordedAt()));
        } else if (payload instanceof EvaluationPlanned e) {
            planned(event, e);
        } else if (payload instanceof PublicEvaluationEvent e) {
            String id = e.evaluationId().value();
            Bson[] updates = updates(event, e);
            if (updates.length > 0) {
                readModels.updateInOrder(EVALUATIONS, id, event, updates);
            }
        }
    }

    static String reworkKey(String participationId, String reworkId) {
        return participationId + "|" + reworkId;
    }

    private void planned(LedgerEvent event, EvaluationPlanned e) {
        Map<String, Object> preconditions = new LinkedHashMap<>();
        e.requiredPreconditions().stream().sorted().forEach(key -> preconditions.put(key.name(), false));
        readModels.insertOnce(EVALUATIONS, event, new Document("_id", e.evaluationId().value())
                .append("evaluationId", e.evaluationId().value())
                .append("participationId", e.participationId().value())
                .append("campaignId", e.participationId().campaignId().value())
                .append("unitId", e.unitId().value())
                .append("type", e.type().name())
                .append("attemptNo", e.attemptNo())
                .append("meetingId", e.meetingId())
                .append("participantScope", e.participantScope().stream().map(g -> new Document("category",
                        g.category()).append("plannedCount", g.plannedCount())).toList())
                .append("dimensions", e.dimensions().stream().map(Enum::name).toList())
                .append("preconditions", new Document(preconditions))
                .append("state", "PLANNED")
                .append("plannedAt", event.recordedAt())
                .append("session", null)
                .append("electronicForms", counts(RatingCounts.NONE))
                .append("paperTallies", List.of())
                .append("counts", null)
                .append("invalid", null)
                .append("numerator", null)
                .append("denominator", null)
                .append("ratio", null)
                .append("passed", null)
                .append("perDimension", null)
                .append("corrections", 0)
                .append("feedbackAt", null)
                .append("reportFiledAt", null));
    }

    private Bson[] updates(LedgerEvent event, PublicEvaluationEvent e) {
        if (e instanceof EvaluationPreconditionCredited c) {
            return new Bson[] {Updates.set("preconditions." + c.key().name(), true)};
        } else if (e instanceof EvaluationPreconditionRevoked r) {
            return new Bson[] {Updates.set("preconditions." + r.key().name(), false), Updates.set("state", "PLANNED")};
        } else if (e instanceof EvaluationBecameReady) {
            return new Bson[] {Updates.set("state", "READY"), Updates.set("readyAt", event.recordedAt())};
        } else if (e instanceof EvaluationSessionOpened s) {
            return new Bson[] {Updates.set("state", "IN_SESSION"), Updates.set("session",
                    new Document("date", s.date().toString()).append("hostPersonId", s.hostPersonId().value())
                            .append("participantsByCategory", new Document(new LinkedHashMap<>(
                                    s.participantsByCategory()))))};
        } else if (e instanceof EvaluationFormRecorded f) {
            return new Bson[] {Updates.inc("electronicForms." + f.overall().name(), 1)};
        } else if (e instanceof EvaluationPaperTallyRecorded p) {
            return new Bson[] {Updates.push("paperTallies", new Document("tallyId", p.tallyId())
                    .append("counts", counts(p.counts())).append("invalid", p.invalid())
                    .append("enteredByPersonId", p.enteredByPersonId().value()))};
        } else if (e instanceof EvaluationPaperTallyConfirmed c) {
            return new Bson[] {Updates.addToSet("confirmedTallyIds", c.tallyId())};
        } else if (e instanceof EvaluationTallied t) {
            Document perDimension = new Document();
            t.perDimension().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> perDimension.append(
                    d.getKey().name(), counts(d.getValue()).append("ratio",
                            Ratios.decimal(t.ruleApplied().satisfied(d.getValue()), d.getValue().valid()))));
            return result(new RatingCounts(t.satisfied(), t.basicallySatisfied(), t.dissatisfied()), t.invalid(),
                    t.numerator(), t.denominator(), t.passed(), Updates.set("state", t.passed() ? "PASSED" : "FAILED"),
                    Updates.set("perDimension", perDimension), Updates.set("talliedAt", event.recordedAt()));
        } else if (e instanceof EvaluationPassed) {
            return new Bson[] {Updates.set("shortfallForms", 0)};
        } else if (e instanceof EvaluationFailed f) {
            return new Bson[] {Updates.set("shortfallForms", f.shortfallForms())};
        } else if (e instanceof EvaluationResultsFedBack f) {
            return new Bson[] {Updates.set("feedbackAt", f.date().toString()),
                    Updates.set("feedbackToPersonId", f.toPersonId().value())};
        } else if (e instanceof EvaluationReportFiled r) {
            return new Bson[] {Updates.set("state", "REPORTED"), Updates.set("reportFiledAt", event.recordedAt()),
                    Updates.set("reportDocumentId", r.documentId())};
        } else if (e instanceof EvaluationTallyCorrected c) {
            // A reported evaluation stays REPORTED; otherwise its state follows the corrected outcome.
            Document current = readModels.find(EVALUATIONS, c.evaluationId().value());
            String state = current != null && "REPORTED".equals(current.getString("state")) ? "REPORTED"
                    : c.passed() ? "PASSED" : "FAILED";
            return result(c.newCounts(), c.newInvalid(), c.numerator(), c.denominator(), c.passed(),
                    Updates.inc("corrections", 1),
                    Updates.set("state", state));
        } else if (e instanceof EvaluationOutcomeChanged) {
            return new Bson[] {Updates.set("outcomeChangedAt", event.recordedAt())};
        }
        return new Bson[0];
    }

    /** The numerator counts the options the policy counted as satisfied, as decided on the command side. */
    private static Bson[] result(RatingCounts counts, int invalid, int numerator, int denominator, boolean passed,
                                 Bson... more) {
        List<Bson> updates = new java.util.ArrayList<>(List.of(Updates.set("counts", counts(counts)),
                Updates.set("invalid", invalid), Updates.set("numerator", numerator),
                Updates.set("denominator", denominator), Updates.set("ratio", Ratios.decimal(numerator, denominator)),
                Updates.set("passed", passed)));
        updates.addAll(List.of(more));
        return updates.toArray(Bson[]::new);
    }

    private static Document counts(RatingCounts counts) {
        return new Document("SATISFIED", counts.satisfied())
                .append("BASICALLY_SATISFIED", counts.basicallySatisfied())
                .append("DISSATISFIED", counts.dissatisfied());
    }
}
