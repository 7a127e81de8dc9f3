package org.campaignledger.command.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.campaignledger.command.access.AccessControl;
import org.campaignledger.command.access.Role;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.id.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host of an open evaluation session issues one-time form tokens (DOMAIN §7), one per participant, to hand out
 * on paper or as QR codes. Who may open the session may issue its tokens, and only its host does, unless the
 * tokens are imported.
 */
@RestController
class FormTokenController {
    static final int MAX_PER_REQUEST = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(FormTokenController.class);

    private final FormTokens tokens;
    private final AccessControl access;
    private final Clock clock;

    FormTokenController(FormTokens tokens, AccessControl access, Clock clock) {
        this.tokens = tokens;
        this.access = access;
        this.clock = clock;
    }

    record IssueRequest(int count) {
    }

    record Issued(String evaluationId, List<String> tokens) {
    }

    @Operation(summary = "Issue one-time form tokens for an open evaluation session",
            description = "The tokens are returned once and stored only as SHA-256 digests; each records one form "
                    + "through POST /api/public/evaluation-forms until the session closes.")
    @PostMapping(path = "/api/evaluations/{evaluationId}/form-tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<Issued> issue(@PathVariable String evaluationId, @RequestBody IssueRequest request,
                                 JwtAuthenticationToken principal) {
        EvaluationId evaluation = EvaluationId.of(evaluationId);
        if (request.count() < 1 || request.count() > MAX_PER_REQUEST) {
            throw new InvalidCommandException("count", "must be between 1 and " + MAX_PER_REQUEST);
        }
        PersonId person = PersonId.of(principal.getName());
        List<String> tokenRoles = principal.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).toList();
        List<String> granted = access.authorise("OpenEvaluationSession", null, evaluation, person, tokenRoles,
                Deadlines.businessDate(clock.instant().toString()));
        PersonId host = tokens.hostOfOpenSession(evaluation).orElseThrow(() -> new RuleViolation(PlatformRules.STATE,
                "form tokens are issued while the evaluation is in session", Map.of("field", "evaluationId")));
        if (!granted.contains(Role.DATA_IMPORT.name()) && !host.equals(person)) {
            throw new RuleViolation("R-EVL-02", "the session's host issues its form tokens",
                    Map.of("field", "evaluationId"));
        }
        List<String> issued = tokens.issue(evaluation, request.count());
        LOG.info("{} form tokens issued for evaluation {} by {}", issued.size(), evaluation, person);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new Issued(evaluation.value(), issued));
    }
}
