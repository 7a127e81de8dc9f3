package org.campaignledger.query.evaluation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.query.access.ReadAccess;
import org.campaignledger.query.access.ReadEndpoint;
import org.campaignledger.query.platform.BadRequestException;
import org.campaignledger.query.platform.Paging;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public evaluation attempts and their satisfaction results (rm_evaluations, DOMAIN §5.8). */
@RestController
@RequestMapping("/api/evaluations")
class EvaluationController {
    private final MongoTemplate mongo;
    private final ReadAccess access;

    EvaluationController(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @Operation(summary = "One evaluation attempt with its tally, result and rework status")
    @GetMapping("/{evaluationId}")
    Document evaluation(@PathVariable String evaluationId) {
        Document evaluation = access.detail(ReadEndpoint.EVALUATION,
                Paging.one(mongo.getCollection(EvaluationProjection.EVALUATIONS), evaluationId, "evaluation"));
        withReworkStatus(List.of(evaluation));
        return evaluation;
    }

    @Operation(summary = "Evaluation attempts of a unit, optionally of one type, by type and attempt")
    @GetMapping
    Map<String, Object> evaluations(@RequestParam(required = false) String unitId,
                                    @RequestParam(required = false) String type,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        List<Bson> filters = new ArrayList<>();
        if (unitId != null) {
            filters.add(Filters.eq("unitId", unitId));
        }
        if (type != null) {
            try {
                filters.add(Filters.eq("type", EvaluationType.valueOf(type).name()));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("type", "must be one of " + List.of(EvaluationType.values()));
            }
        }
        Map<String, Object> body = access.page(ReadEndpoint.EVALUATIONS, Paging.page(
                mongo.getCollection(EvaluationProjection.EVALUATIONS), access.scope(ReadEndpoint.EVALUATIONS,
                        filters.isEmpty() ? new Document() : Filters.and(filters), unitId),
                Sorts.ascending("unitId", "type", "attemptNo"), page, size));
        withReworkStatus(Paging.items(body));
        return body;
    }

    /**
     * NONE: no rework is due (an SG_ASSESSMENT is never a gate, R-EVL-12); REQUIRED: the attempt failed and the SG has not ordered rework yet (R-UNP-22);
     * ORDERED: a rework is open; COMPLETED: every rework ordered after the attempt is done.
     */
    private void withReworkStatus(List<Document> evaluations) {
        Map<String, List<Document>> byEvaluation = new HashMap<>();
        mongo.getCollection(EvaluationProjection.REWORKS)
                .find(Filters.in("evaluationId", evaluations.stream().map(d -> d.getString("_id")).toList()))
                .forEach(r -> byEvaluation.computeIfAbsent(r.getString("evaluationId"), k -> new ArrayList<>()).add(r));
        for (Document evaluation : evaluations) {
            List<Document> reworks = byEvaluation.getOrDefault(evaluation.getString("_id"), List.of());
            String status;
            if (!reworks.isEmpty()) {
                status = reworks.stream().allMatch(r -> Boolean.TRUE.equals(r.getBoolean("completed")))
                        ? "COMPLETED" : "ORDERED";
            } else {
                boolean gating = !EvaluationType.SG_ASSESSMENT.name().equals(evaluation.getString("type"));
                status = gating && Boolean.FALSE.equals(evaluation.getBoolean("passed")) ? "REQUIRED" : "NONE";
            }
            evaluation.append("reworkStatus", status)
                    .append("reworks", reworks.stream().map(r -> new Document("reworkId", r.getString("reworkId"))
                            .append("orderedAt", r.get("orderedAt")).append("completedAt", r.get("completedAt")))
                            .toList());
        }
    }
}
