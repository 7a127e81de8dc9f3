package org.campaignledger.query.participation;

import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.kernel.document.DocumentEvent;
import org.campaignledger.kernel.document.DocumentEvent.DocumentApproved;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationOutcomeChanged;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPlanned;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallied;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallyCorrected;
import org.campaignledger.kernel.lookback.LookBackEvent;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackConcluded;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOpened;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeAmended;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeDecided;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackRuleWarningRaised;
import org.campaignledger.kernel.lookback.LookBackOutcome;
import org.campaignledger.kernel.participation.ParticipationEvent;
import org.campaignledger.kernel.participation.ParticipationId;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.platform.Ratios;
import org.springframework.stereotype.Component;

/**
 * The counters of {@code rm_unit_progress} (DOMAIN §5.2) that other aggregates' events feed, matched by the
 * participation id their payloads carry (DOMAIN-ERRATA B2):
 * <ul>
 *   <li>{@code evaluation.<type>}: {@code attempts} (the highest attempt planned), {@code lastRatio
 *       {numerator, denominator, value}}, {@code passed} and {@code lastAttemptNo} of the latest attempt's
 *       latest result;</li>
 *   <li>{@code lookBack}: {@code open} (opened, not yet concluded), and the latest {@code outcome} with its
 *       {@code reviewedStage} and {@code lookBackId};</li>
 *   <li>{@code documentsApproved.<docType>}: documents approved, each counted once however often re-approved;</li>
 *   <li>{@code exceptionsUsed {count, exceptionIds}}: events of the participation that went through under a
 *       policy exception (the envelope's {@code exceptionId});</li>
 *   <li>{@code warningCount} and {@code warnings}: advisory rule warnings of the participation and its
 *       look-backs, the last {@value #RECENT_WARNINGS} kept in the list (the list documents already hold).</li>
 * </ul>
 * These aggregates' events arrive in no particular order relative to the participation's, so every write is an
 * upsert: increments counted once per event, and latest values guarded by a version that grows with the
 * attempt (or reviewed stage) and the aggregate sequence.
 */
@Component
class ProgressCounters implements Projection {
    static final int RECENT_WARNINGS = 5;
    private static final String APPROVED_DOCUMENTS = "approvedDocumentIds";

    private final ReadModels readModels;

    ProgressCounters(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void apply(LedgerEvent event) {
        ParticipationId participation = participationOf(event.payload());
        if (participation == null) {
            return;
        }
        String id = participation.value();
        String exceptionId = event.meta(MetaDataKeys.EXCEPTION_ID);
        if (exceptionId != null && !exceptionId.isBlank()) {
            readModels.countOnce(UnitProgressProjection.COLLECTION, id, event,
                    new Document(), new Document("exceptionsUsed.count", 1),
                    Updates.addToSet("exceptionsUsed.exceptionIds", exceptionId));
        }
        if (event.payload() instanceof PublicEvaluationEvent e) {
            evaluation(event, id, e);
        } else if (event.payload() instanceof LookBackEvent e) {
            lookBack(event, id, e);
        } else if (event.payload() instanceof DocumentApproved d) {
            approved(event, id, d);
        }
    }

    /** A document approved again after it was reopened is still one approved document. */
    private void approved(LedgerEvent event, String id, DocumentApproved d) {
        Document progress = readModels.find(UnitProgressProjection.COLLECTION, id);
        List<String> counted = progress == null ? List.of()
                : progress.getList(APPROVED_DOCUMENTS, String.class, List.of());
        if (!counted.contains(d.documentId().value())) {
            readModels.countOnce(UnitProgressProjection.COLLECTION, id, event, new Document(),
                    new Document("documentsApproved." + d.docType().name(), 1),
                    Updates.addToSet(APPROVED_DOCUMENTS, d.documentId().value()));
        }
    }

    /** The updates recording one advisory warning. */
    static Bson[] warning(String ruleId, String details, LedgerEvent event) {
        return new Bson[] {Updates.inc("warningCount", 1), Updates.pushEach("warnings",
                List.of(new Document("ruleId", ruleId).append("details", details).append("at", event.recordedAt())
                        .append("eventType", event.eventType())),
                new PushOptions().slice(-RECENT_WARNINGS))};
    }

    private static ParticipationId participationOf(Object payload) {
        if (payload instanceof ParticipationEvent e) {
            return e.participationId();
        } else if (payload instanceof PublicEvaluationEvent e) {
            return e.participationId();
        } else if (payload instanceof LookBackEvent e) {
            return e.participationId();
        } else if (payload instanceof DocumentEvent e) {
            return e.participationId();
        }
        return null;
    }

    private void evaluation(LedgerEvent event, String id, PublicEvaluationEvent e) {
        String prefix = "evaluation." + e.type().name() + ".";
        if (e instanceof EvaluationPlanned) {
            readModels.countOnce(UnitProgressProjection.COLLECTION, id, event, new Document(),
                    new Document(), Updates.max(prefix + "attempts", e.attemptNo()));
        } else if (e instanceof EvaluationTallied t) {
            result(event, id, e, t.numerator(), t.denominator(), t.passed());
        } else if (e instanceof EvaluationTallyCorrected c) {
            result(event, id, e, c.numerator(), c.denominator(), c.passed());
        } else if (e instanceof EvaluationOutcomeChanged c) {
            result(event, id, e, c.numerator(), c.denominator(), c.passed());
        }
    }

    private void result(LedgerEvent event, String id, PublicEvaluationEvent e, int numerator, int denominator,
                        boolean passed) {
        String prefix = "evaluation." + e.type().name() + ".";
        readModels.setIfNewer(UnitProgressProjection.COLLECTION, id, event, prefix + "version",
                version(e.attemptNo(), event.aggregateSequence()),
                Updates.set(prefix + "lastRatio", new Document("numerator", numerator)
                        .append("denominator", denominator).append("value", Ratios.decimal(numerator, denominator))),
                Updates.set(prefix + "passed", passed),
                Updates.set(prefix + "lastAttemptNo", e.attemptNo()),
                Updates.set(prefix + "evaluationId", e.evaluationId().value()));
    }

    private void lookBack(LedgerEvent event, String id, LookBackEvent e) {
        if (e instanceof LookBackOpened) {
            readModels.countOnce(UnitProgressProjection.COLLECTION, id, event, new Document(),
                    new Document("lookBack.open", 1));
        } else if (e instanceof LookBackOutcomeDecided d) {
            outcome(event, id, e, d.reviewedStage(), d.terms().outcome());
        } else if (e instanceof LookBackOutcomeAmended a) {
            outcome(event, id, e, a.reviewedStage(), a.terms().outcome());
        } else if (e instanceof LookBackConcluded c) {
            readModels.countOnce(UnitProgressProjection.COLLECTION, id, event, new Document(),
                    new Document("lookBack.open", -1));
            outcome(event, id, e, c.reviewedStage(), c.finalOutcome());
        } else if (e instanceof LookBackRuleWarningRaised w) {
            readModels.countOnce(UnitProgressProjection.COLLECTION, id, event, new Document(),
                    new Document(), warning(w.ruleId(), w.details(), event));
        }
    }

    private void outcome(LedgerEvent event, String id, LookBackEvent e, int reviewedStage, LookBackOutcome outcome) {
        readModels.setIfNewer(UnitProgressProjection.COLLECTION, id, event, "lookBack.version",
                version(reviewedStage, event.aggregateSequence()),
                Updates.set("lookBack.outcome", outcome.name()),
                Updates.set("lookBack.reviewedStage", reviewedStage),
                Updates.set("lookBack.lookBackId", e.lookBackId().value()));
    }

    /** Orders results by attempt (or reviewed stage) first, then by the aggregate's sequence. */
    private static long version(int major, long sequence) {
        return ((long) major << 32) | sequence;
    }
}
