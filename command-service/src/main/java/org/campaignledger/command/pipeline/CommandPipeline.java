package org.campaignledger.command.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.command.access.AccessControl;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.kernel.Catalog;
import org.campaignledger.kernel.command.CreationCommand;
import org.campaignledger.kernel.command.DerivedIdentity;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UuidV7;
import org.campaignledger.kernel.json.StrictJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one command end to end: envelope, idempotency, dispatch, outcome. The events, the lookup updates and
 * the ACCEPTED outcome commit in one transaction; a rejection rolls all of it back and then records the
 * REJECTED outcome on its own, so a rejected command stores no event but is still audited.
 */
@Service
public class CommandPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(CommandPipeline.class);
    private static final String[] ENVELOPE_FIELDS = {"commandId", "expectedVersion", "occurredAt", "exceptionId"};

    private final CommandGateway gateway;
    private final CommandOutcomeStore outcomes;
    private final CommandFailures failures;
    private final ObjectMapper json;
    private final ObjectMapper payloads;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AccessControl access;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate inNewTransaction;
    private final Map<Class<?>, RecordComponent> targetFields = new ConcurrentHashMap<>();

    CommandPipeline(CommandGateway gateway, CommandOutcomeStore outcomes, CommandFailures failures, ObjectMapper json,
                    JdbcTemplate jdbc, Clock clock, AccessControl access, PlatformTransactionManager transactions) {
        this.gateway = gateway;
        this.outcomes = outcomes;
        this.failures = failures;
        this.json = json;
        this.payloads = StrictJson.copyOf(json);
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.inTransaction = new TransactionTemplate(transactions);
        this.inNewTransaction = new TransactionTemplate(transactions);
        this.inNewTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public CommandResult execute(CommandRequest request) {
        Class<? extends LedgerCommand> type = Catalog.command(request.commandType())
                .orElseThrow(() -> new UnknownCommandException(request.commandType()));
        ObjectNode body = request.body().deepCopy();
        UUID commandId = commandId(body, request.idempotencyKey());
        Long expectedVersion = expectedVersion(body, request.ifMatch());
        Instant occurredAt = occurredAt(body);
        // A command may own a field of the same name (GrantPolicyException.exceptionId): then it is payload.
        boolean usesException = !hasComponent(type, "exceptionId") && body.hasNonNull("exceptionId");
        String exceptionId = usesException ? text(body, "exceptionId", "an exception id") : null;
        for (String field : ENVELOPE_FIELDS) {
            if (!hasComponent(type, field)) {
                body.remove(field);
            }
        }
        String payloadSha256 = sha256(body);

        Optional<CommandOutcomeStore.Stored> earlier = outcomes.find(commandId);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request.commandType(), payloadSha256, commandId);
        }

        String aggregateId = null;
        try {
            LedgerCommand command = toCommand(type, body);
            Object targetId = targetIdOf(command);
            aggregateId = String.valueOf(targetId);
            String target = aggregateId;
            // The roles come from the domain as of the business date; the token only names the person.
            Actor actor = request.actor().withRoles(access.authorise(request.commandType(), command, targetId,
                    PersonId.of(request.actor().personId()), request.actor().roles(),
                    Deadlines.businessDate(occurredAt.toString()), request.admission() != null));
            Map<String, Object> metaData = metaData(actor, request, commandId, expectedVersion, occurredAt);
            if (exceptionId != null) {
                metaData.put(MetaDataKeys.EXCEPTION_ID, ExceptionId.of(exceptionId).value());
            }
            return inTransaction.execute(tx -> {
                if (request.admission() != null) {
                    request.admission().spend(command);
                }
                gateway.sendAndWait(new GenericCommandMessage<>(new GenericMessage<>(commandId.toString(), command,
                        metaData), type.getName()));
                Long version = jdbc.queryForObject(
                        "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                        Long.class, target);
                CommandResult accepted = accepted(commandId, request.commandType(), target, version,
                        CreationCommand.class.isAssignableFrom(type));
                outcomes.insert(commandId, request.commandType(), payloadSha256, actor, accepted);
                return accepted;
            });
        } catch (DuplicateKeyException concurrentSameCommand) {
            return outcomes.find(commandId)
                    .map(stored -> replay(stored, request.commandType(), payloadSha256, commandId))
                    .orElseThrow(() -> concurrentSameCommand);
        } catch (RuntimeException e) {
            CommandResult rejected = failures.toResult(e, commandId, request.commandType(), aggregateId,
                    CreationCommand.class.isAssignableFrom(type));
            if (rejected.httpStatus() >= 500) {
                return rejected; // not an outcome of the command: the client may retry with the same commandId
            }
            recordRejection(commandId, request, payloadSha256, rejected);
            return rejected;
        }
    }

    private void recordRejection(UUID commandId, CommandRequest request, String payloadSha256, CommandResult rejected) {
        try {
            inNewTransaction.executeWithoutResult(tx ->
                    outcomes.insert(commandId, request.commandType(), payloadSha256, request.actor(), rejected));
        } catch (DuplicateKeyException raceLostToAnAcceptedTwin) {
            LOG.debug("command {} already has an outcome", commandId);
        }
    }

    private CommandResult replay(CommandOutcomeStore.Stored stored, String commandType, String payloadSha256,
                                 UUID commandId) {
        if (!stored.commandType().equals(commandType) || !stored.payloadSha256().equals(payloadSha256)) {
            throw new InvalidEnvelopeException(PlatformRules.IDEMPOTENCY, "commandId",
                    "commandId " + commandId + " was already used for a different command");
        }
        return stored.result().asReplay();
    }

    private LedgerCommand toCommand(Class<? extends LedgerCommand> type, ObjectNode body) {
        // Jackson reports an unknown field only after the record's constructor ran, whose own checks would name
        // another field first; a field the command does not have is the first thing wrong with it.
        body.fieldNames().forEachRemaining(field -> {
            if (!hasComponent(type, field)) {
                throw new InvalidCommandException(field, "is not a field of this command");
            }
        });
        RecordComponent target = targetField(type);
        // Only an absent id is generated: anything else in its place is read, and refused unless it is an id.
        if (CreationCommand.class.isAssignableFrom(type) && !DerivedIdentity.class.isAssignableFrom(type)
                && !body.hasNonNull(target.getName())) {
            body.put(target.getName(), UuidV7.next(clock).toString());
        }
        try {
            return payloads.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw failures.invalidPayload(e);
        } catch (IllegalArgumentException e) {
            throw failures.invalidPayload(e);
        }
    }

    private static boolean hasComponent(Class<?> type, String name) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private Object targetIdOf(LedgerCommand command) {
        try {
            return targetField(command.getClass()).getAccessor().invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the target of " + command.getClass(), e);
        }
    }

    private RecordComponent targetField(Class<?> type) {
        return targetFields.computeIfAbsent(type, t -> {
            // The annotation targets fields, so on a record it lands on the component's private field.
            for (RecordComponent component : t.getRecordComponents()) {
                try {
                    if (t.getDeclaredField(component.getName()).isAnnotationPresent(TargetAggregateIdentifier.class)) {
                        return component;
                    }
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException(t + " has no @TargetAggregateIdentifier component");
        });
    }

    private Map<String, Object> metaData(Actor actor, CommandRequest request, UUID commandId, Long expectedVersion,
                                         Instant occurredAt) {
        Map<String, Object> metaData = new HashMap<>(actor.asMetaData());
        metaData.put(MetaDataKeys.COMMAND_ID, commandId.toString());
        metaData.put(MetaDataKeys.CAUSATION_ID, commandId.toString());
        metaData.put(MetaDataKeys.CORRELATION_ID,
                request.correlationId() == null ? commandId.toString() : request.correlationId());
        metaData.put(MetaDataKeys.OCCURRED_AT, occurredAt.toString());
        if (expectedVersion != null) {
            metaData.put(MetaDataKeys.EXPECTED_VERSION, expectedVersion.toString());
        }
        return metaData;
    }

    private CommandResult accepted(UUID commandId, String commandType, String aggregateId, Long version,
                                   boolean created) {
        ObjectNode body = json.createObjectNode()
                .put("commandId", commandId.toString())
                .put("commandType", commandType)
                .put("outcome", CommandResult.Outcome.ACCEPTED.name())
                .put("aggregateId", aggregateId);
        if (version != null) {
            body.put("version", version);
        }
        return new CommandResult(CommandResult.Outcome.ACCEPTED, created ? 201 : 200, null, aggregateId,
                body.toString(), false);
    }

    private UUID commandId(ObjectNode body, String idempotencyKey) {
        String inBody = text(body, "commandId", "a UUID");
        String value = inBody != null ? inBody : idempotencyKey;
        if (value == null || value.isBlank()) {
            return UuidV7.next(clock);
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidEnvelopeException(PlatformRules.VALIDATION, "commandId", "commandId must be a UUID");
        }
    }

    private static Long expectedVersion(ObjectNode body, String ifMatch) {
        JsonNode inBody = body.get("expectedVersion");
        if (inBody != null && !inBody.isNull() && !(inBody.isIntegralNumber() && inBody.canConvertToLong())) {
            throw new InvalidEnvelopeException(PlatformRules.VALIDATION, "expectedVersion",
                    "expectedVersion must be a JSON integer");
        }
        String value = inBody != null && !inBody.isNull() ? inBody.asText()
                : ifMatch == null ? null : ifMatch.replace("W/", "").replace("\"", "").trim();
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidEnvelopeException(PlatformRules.VALIDATION, "expectedVersion",
                    "expectedVersion (or If-Match) must be a non-negative integer");
        }
    }

    private Instant occurredAt(ObjectNode body) {
        String inBody = text(body, "occurredAt", "an ISO-8601 instant");
        if (inBody == null) {
            return clock.instant();
        }
        try {
            return Instant.parse(inBody);
        } catch (DateTimeParseException e) {
            throw new InvalidEnvelopeException(PlatformRules.VALIDATION, "occurredAt",
                    "occurredAt must be an ISO-8601 instant such as 2014-03-01T08:00:00Z");
        }
    }

    /** An envelope field as a JSON string, null when absent or null; any other JSON type is refused, not coerced. */
    private static String text(ObjectNode body, String field, String what) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEnvelopeException(PlatformRules.VALIDATION, field,
                    field + " must be " + what + " as a JSON string");
        }
        return value.asText();
    }

    private static String sha256(JsonNode body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path named a command type the catalog does not know. */
    static final class UnknownCommandException extends RuntimeException {
        UnknownCommandException(String type) {
            super("unknown command type '" + type + "'");
        }
    }

    /** The envelope (commandId, expectedVersion, occurredAt) is malformed, or a commandId is reused. */
    static final class InvalidEnvelopeException extends InvalidCommandException {
        private final String ruleId;

        InvalidEnvelopeException(String ruleId, String field, String message) {
            super(field, message);
            this.ruleId = ruleId;
        }

        String ruleId() {
            return ruleId;
        }
    }
}
