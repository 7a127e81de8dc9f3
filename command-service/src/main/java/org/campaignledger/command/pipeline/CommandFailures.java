package org.campaignledger.command.pipeline;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.campaignledger.command.access.AccessDenied;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Turns whatever stopped a command into its outcome: an RFC 9457 problem naming the field or the rule. */
@Component
class CommandFailures {
    private static final Logger LOG = LoggerFactory.getLogger(CommandFailures.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final ObjectMapper json;

    CommandFailures(ObjectMapper json) {
        this.json = json;
    }

    CommandResult toResult(Throwable failure, UUID commandId, String commandType, String aggregateId,
                           boolean creation) {
        Throwable e = unwrap(failure);
        if (e instanceof RuleViolation v) {
            return rejected(HttpStatus.UNPROCESSABLE_ENTITY, v.ruleId(), v.getMessage(), v.details(), commandId,
                    commandType, aggregateId);
        }
        if (e instanceof AccessDenied v) {
            return rejected(HttpStatus.FORBIDDEN, AccessDenied.RULE_ID, v.getMessage(), Map.of(), commandId,
                    commandType, aggregateId);
        }
        if (e instanceof CommandPipeline.InvalidEnvelopeException v) {
            return rejected(HttpStatus.BAD_REQUEST, v.ruleId(), v.getMessage(), Map.of("field", v.field()),
                    commandId, commandType, aggregateId);
        }
        if (e instanceof InvalidCommandException v) {
            return rejected(HttpStatus.BAD_REQUEST, PlatformRules.VALIDATION, v.getMessage(),
                    Map.of("field", v.field()), commandId, commandType, aggregateId);
        }
        if (e instanceof ConflictingAggregateVersionException v) {
            return rejected(HttpStatus.CONFLICT, PlatformRules.VERSION,
                    "expected version " + v.getExpectedVersion() + " but the aggregate is at version "
                            + v.getActualVersion(),
                    Map.of("expectedVersion", v.getExpectedVersion(), "actualVersion", v.getActualVersion()),
                    commandId, commandType, aggregateId);
        }
        if (e instanceof AggregateNotFoundException) {
            return rejected(HttpStatus.NOT_FOUND, PlatformRules.NOT_FOUND, "no aggregate with id " + aggregateId,
                    Map.of("field", "id"), commandId, commandType, aggregateId);
        }
        if (e instanceof ConcurrencyException || isUniqueViolation(e)) {
            return creation
                    ? rejected(HttpStatus.CONFLICT, PlatformRules.EXISTS, aggregateId + " exists already",
                    Map.of(), commandId, commandType, aggregateId)
                    : rejected(HttpStatus.CONFLICT, PlatformRules.VERSION,
                    "another command changed " + aggregateId + " at the same time; reload and retry",
                    Map.of(), commandId, commandType, aggregateId);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("command {} ({}) failed unexpectedly, error id {}", commandId, commandType, errorId, e);
        ObjectNode problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, null,
                "the command could not be processed; quote error id " + errorId, Map.of(), commandId, commandType);
        return new CommandResult(CommandResult.Outcome.REJECTED, 500, null, aggregateId, problem.toString(), false);
    }

    /** The body did not map onto the command record: name the field (its JSON path) and what is wrong with it. */
    InvalidCommandException invalidPayload(Exception e) {
        if (e instanceof JsonMappingException mapping) {
            String field = JsonPaths.of(mapping);
            if (e.getCause() instanceof InvalidCommandException invalid) {
                return field.equals("body") ? invalid : within(field, mapping, invalid);
            }
            if (e instanceof UnrecognizedPropertyException) {
                return new InvalidCommandException(field, "is not a field of this command");
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return new InvalidCommandException(field, "must be " + JsonPaths.describe(mismatch.getTargetType()));
            }
            return new InvalidCommandException(field, "is malformed");
        }
        return new InvalidCommandException("body", "is malformed");
    }

    /**
     * A record nested in the body refused its value: an identifier names the field it sits in
     * ({@code parentUnitId}, not {@code unitId}), any other record the path down to its own field.
     */
    private static InvalidCommandException within(String path, JsonMappingException e, InvalidCommandException invalid) {
        String reason = invalid.getMessage().substring(invalid.field().length() + 2);
        boolean identifier = e instanceof ValueInstantiationException v && JsonPaths.isScalar(v.getType().getRawClass());
        return new InvalidCommandException(identifier ? path : path + "." + invalid.field(), reason);
    }

    ObjectNode problem(HttpStatus status, String ruleId, String message, Map<String, Object> details,
                       UUID commandId, String commandType) {
        ObjectNode problem = json.createObjectNode()
                .put("type", ruleId == null ? "about:blank" : "urn:campaign-ledger:rule:" + ruleId)
                .put("title", status.getReasonPhrase())
                .put("status", status.value())
                .put("detail", message);
        if (ruleId != null) {
            problem.put("ruleId", ruleId);
        }
        problem.put("message", message);
        problem.set("details", json.valueToTree(details));
        if (commandId != null) {
            problem.put("commandId", commandId.toString());
        }
        if (commandType != null) {
            problem.put("commandType", commandType);
        }
        return problem;
    }

    private CommandResult rejected(HttpStatus status, String ruleId, String message, Map<String, Object> details,
                                   UUID commandId, String commandType, String aggregateId) {
        return new CommandResult(CommandResult.Outcome.REJECTED, status.value(), ruleId, aggregateId,
                problem(status, ruleId, message, details, commandId, commandType).toString(), false);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof CommandExecutionException || current instanceof EventStoreException
                && !(current instanceof ConcurrencyException)) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
