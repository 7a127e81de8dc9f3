package org.campaignledger.command.pipeline;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.campaignledger.command.access.AccessDenied;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.web.RequestParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors that happen before a command exists: every one an RFC 9457 problem, never a stack trace. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(CommandPipeline.UnknownCommandException.class)
    ResponseEntity<ProblemDetail> unknownCommand(CommandPipeline.UnknownCommandException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                e.getMessage() + "; GET /api/commands lists the command types");
        return json(problem);
    }

    @ExceptionHandler(CommandPipeline.InvalidEnvelopeException.class)
    ResponseEntity<ProblemDetail> invalidEnvelope(CommandPipeline.InvalidEnvelopeException e) {
        HttpStatus status = PlatformRules.IDEMPOTENCY.equals(e.ruleId())
                ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setProperty("ruleId", e.ruleId());
        problem.setProperty("message", e.getMessage());
        problem.setProperty("details", Map.of("field", e.field()));
        return json(problem);
    }

    /** Rules checked outside a command, e.g. before a public submission becomes one. */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setType(URI.create("urn:campaign-ledger:rule:" + e.ruleId()));
        problem.setProperty("ruleId", e.ruleId());
        problem.setProperty("message", e.getMessage());
        problem.setProperty("details", e.details());
        return json(problem);
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDenied e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setProperty("ruleId", AccessDenied.RULE_ID);
        return json(problem);
    }

    @ExceptionHandler(InvalidCommandException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCommandException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("ruleId", PlatformRules.VALIDATION);
        problem.setProperty("details", Map.of("field", e.field()));
        return json(problem);
    }

    /** A body that is no JSON, or whose values do not have the type of their field: named by its JSON path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = "body";
        String detail = "the request body must be one JSON object";
        if (ex.getCause() instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !mismatch.getPath().isEmpty()) {
            field = JsonPaths.of(mismatch);
            detail = field + " must be " + JsonPaths.describe(mismatch.getTargetType());
        } else if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = JsonPaths.of(mapping);
            detail = field + (mapping instanceof UnrecognizedPropertyException ? " is not a known field"
                    : " is malformed");
        } else if (ex.getCause() instanceof JsonParseException parse && parse.getMessage().startsWith("Duplicate field")) {
            detail = "the request body names a field twice";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("ruleId", PlatformRules.VALIDATION);
        problem.setProperty("message", detail);
        problem.setProperty("details", Map.of("field", field));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * Spring's own refusals (wrong method or media type, a missing or ill-typed parameter or header) as problem
     * documents whatever the client accepts, naming the parameter where there is one.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response == null || !(response.getBody() instanceof ProblemDetail problem)) {
            return response;
        }
        String field = RequestParts.nameOf(ex);
        if (field != null) {
            problem.setProperty("ruleId", PlatformRules.VALIDATION);
            problem.setProperty("details", Map.of("field", field));
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("request failed, error id {}", errorId, e);
        return json(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the request could not be processed; quote error id " + errorId));
    }

    private static ResponseEntity<ProblemDetail> json(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
