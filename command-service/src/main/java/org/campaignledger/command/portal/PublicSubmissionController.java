package org.campaignledger.command.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.evaluation.FormTokens;
import org.campaignledger.command.pipeline.Actor;
import org.campaignledger.command.pipeline.CommandPipeline;
import org.campaignledger.command.pipeline.CommandRequest;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationDimension;
import org.campaignledger.kernel.evaluation.EvaluationEnums.Rating;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.RecordEvaluationForm;
import org.campaignledger.kernel.id.UuidV7;
import org.campaignledger.kernel.opinion.OpinionChannel;
import org.campaignledger.kernel.opinion.OpinionMode;
import org.campaignledger.kernel.opinion.SubmitterCategory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Submissions of the public without an account (DOMAIN §7, PUBLIC): a small payload becomes the command and runs
 * through the same pipeline as every other one (idempotency, audit, problems), sent by the one anonymous actor.
 * Nothing of the client (address, headers) reaches the command, its events or its audit record (R-OPN-02,
 * R-EVL-10); the optional name and contact of a named opinion go to the vault, as for any opinion.
 */
@RestController
@RequestMapping(path = "/api/public", consumes = MediaType.APPLICATION_JSON_VALUE)
class PublicSubmissionController {
    /** Every public submission is this actor's; the envelope cannot tell two submitters apart. */
    static final Actor ANONYMOUS = new Actor("anonymous", List.of("PUBLIC"), "PORTAL");

    private final CommandPipeline pipeline;
    private final FormTokens formTokens;
    private final ObjectMapper json;
    private final Clock clock;

    PublicSubmissionController(CommandPipeline pipeline, FormTokens formTokens, ObjectMapper json, Clock clock) {
        this.pipeline = pipeline;
        this.formTokens = formTokens;
        this.json = json;
        this.clock = clock;
    }

    /** {@code name} makes the opinion NAMED; without it the opinion is back-to-back (ANONYMOUS). */
    record PublicOpinion(String campaignId, String collectedAtUnitId, String rawText,
                         SubmitterCategory submitterCategory, String name, String contact) {
    }

    record PublicForm(String token, String participantCategory, Rating overall,
                      Map<EvaluationDimension, Rating> dimensionRatings) {
    }

    @Operation(summary = "Submit an opinion without an account", description = "Recorded as received through the "
            + "online platform today; Idempotency-Key makes a retry safe.")
    @PostMapping("/opinions")
    ResponseEntity<String> opinion(@RequestBody PublicOpinion opinion,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        boolean named = opinion.name() != null && !opinion.name().isBlank();
        ObjectNode body = json.createObjectNode()
                .put("campaignId", opinion.campaignId())
                .put("collectedAtUnitId", opinion.collectedAtUnitId())
                .put("rawText", opinion.rawText())
                .put("receivedOn", Deadlines.businessDate(clock.instant().toString()).toString())
                .put("channel", OpinionChannel.ONLINE_PLATFORM.name());
        body.set("mode", json.valueToTree(new OpinionMode(named ? OpinionMode.Naming.NAMED
                : OpinionMode.Naming.ANONYMOUS, OpinionMode.Setting.INDIVIDUAL, OpinionMode.Approach.DELIVERED_TO_DOOR)));
        if (opinion.submitterCategory() != null) {
            body.put("submitterCategory", opinion.submitterCategory().name());
        }
        if (named) {
            body.set("submitterPii", json.createObjectNode().put("name", opinion.name())
                    .put("contact", opinion.contact()));
        }
        return pipeline.execute(new CommandRequest("RecordOpinion", body, idempotencyKey, null, null, ANONYMOUS,
                null)).toResponse();
    }

    @Operation(summary = "Submit an evaluation form with a one-time session token",
            description = "The token names the session; it is spent with the form and cannot be used again.")
    @PostMapping("/evaluation-forms")
    ResponseEntity<String> form(@RequestBody PublicForm form,
                                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        InvalidCommandException.requiredText(form.token(), "token", 100);
        EvaluationId evaluation = formTokens.evaluationOf(form.token()).orElseThrow(() -> new RuleViolation(
                FormTokens.UNKNOWN, "no evaluation session issued this form token", Map.of("field", "token")));
        // The form id follows the command id, so a retry is the same command; it says nothing about the token.
        String commandId = idempotencyKey == null || idempotencyKey.isBlank()
                ? UuidV7.next(clock).toString() : idempotencyKey.trim();
        ObjectNode body = json.createObjectNode()
                .put("commandId", commandId)
                .put("evaluationId", evaluation.value())
                .put("formId", "form-" + formIdOf(commandId))
                .put("participantCategory", form.participantCategory());
        body.set("overall", json.valueToTree(form.overall()));
        body.set("dimensionRatings", json.valueToTree(form.dimensionRatings()));
        return pipeline.execute(new CommandRequest("RecordEvaluationForm", body, null, null, null, ANONYMOUS,
                command -> formTokens.spend(form.token(), ((RecordEvaluationForm) command).evaluationId())))
                .toResponse();
    }

    private static String formIdOf(String commandId) {
        try {
            return UUID.fromString(commandId).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("Idempotency-Key", "must be a UUID");
        }
    }
}
