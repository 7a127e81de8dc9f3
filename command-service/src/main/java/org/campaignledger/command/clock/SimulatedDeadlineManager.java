package org.campaignledger.command.clock;

import jakarta.annotation.Nonnull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineException;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The deadline manager of the simulated clock (DOMAIN §8.5, DOMAIN-ERRATA B9): deadlines wait in
 * {@code simulated_deadline} until {@link #advanceClockTo} moves the clock past them, never on the wall clock.
 * <p>
 * A deadline is stored in the transaction of the command that schedules it, so a rejected command leaves none
 * behind. Advancing fires the due deadlines one by one in trigger order (scheduling order for equal instants),
 * each in its own unit of work and transaction, which also deletes its row and moves the clock to its trigger
 * instant: it fires once, and handlers see the time it was due. A deadline scheduled for an instant the clock has
 * already passed waits for the next advance; advancing to the current instant releases it. As in Axon's
 * SimpleDeadlineManager, a deadline whose handler fails is logged and dropped rather than retried, so one broken
 * deadline cannot stop the clock.
 */
public class SimulatedDeadlineManager extends AbstractDeadlineManager {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedDeadlineManager.class);
    private static final String SYSTEM = "SYSTEM";

    private final JdbcTemplate jdbc;
    private final SimulatedClock clock;
    private final ScopeAwareProvider scopes;
    private final Serializer serializer;
    private final TransactionManager transactions;

    public SimulatedDeadlineManager(JdbcTemplate jdbc, SimulatedClock clock, ScopeAwareProvider scopes,
                                    Serializer serializer, TransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scopes = scopes;
        this.serializer = serializer;
        this.transactions = transactions;
    }

    private record Pending(long seq, String id, String name, Instant triggerAt, SerializedObject<byte[]> scope,
                           SerializedObject<byte[]> payload, SerializedObject<byte[]> metaData) {
    }

    @Override
    public String schedule(@Nonnull Instant triggerDateTime, @Nonnull String deadlineName, Object messageOrPayload,
                           @Nonnull ScopeDescriptor deadlineScope) {
        DeadlineMessage<?> message = processDispatchInterceptors(
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime));
        SerializedObject<byte[]> scope = serializer.serialize(deadlineScope, byte[].class);
        SerializedObject<byte[]> payload = message.getPayload() == null
                ? null : message.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = message.serializeMetaData(serializer, byte[].class);
        jdbc.update("INSERT INTO simulated_deadline (deadline_id, deadline_name, scope_key, scope_type, scope_revision,"
                        + " scope, payload_type, payload_revision, payload, metadata, trigger_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message.getIdentifier(), deadlineName, deadlineScope.scopeDescription(), scope.getType().getName(),
                scope.getType().getRevision(), scope.getData(),
                payload == null ? null : payload.getType().getName(),
                payload == null ? null : payload.getType().getRevision(),
                payload == null ? null : payload.getData(), metaData.getData(),
                triggerDateTime.atOffset(ZoneOffset.UTC));
        return message.getIdentifier();
    }

    @Override
    public void cancelSchedule(@Nonnull String deadlineName, @Nonnull String scheduleId) {
        jdbc.update("DELETE FROM simulated_deadline WHERE deadline_name = ? AND deadline_id = ?", deadlineName,
                scheduleId);
    }

    @Override
    public void cancelAll(@Nonnull String deadlineName) {
        jdbc.update("DELETE FROM simulated_deadline WHERE deadline_name = ?", deadlineName);
    }

    @Override
    public void cancelAllWithinScope(@Nonnull String deadlineName, @Nonnull ScopeDescriptor scope) {
        jdbc.update("DELETE FROM simulated_deadline WHERE deadline_name = ? AND scope_key = ?", deadlineName,
                scope.scopeDescription());
    }

    /** The deadlines still waiting, in the order they would fire. */
    public List<String> pendingIds() {
        return jdbc.queryForList("SELECT deadline_id FROM simulated_deadline ORDER BY trigger_at, seq", String.class);
    }

    /**
     * Fires every deadline due at or before {@code to}, in trigger order, then leaves the clock at {@code to}.
     * Deadlines that the fired handlers schedule within the window fire in the same call.
     *
     * @return how many deadlines fired
     * @throws IllegalArgumentException if {@code to} is before the clock's current instant
     */
    public synchronized int advanceClockTo(Instant to) {
        Instant current = clock.instant();
        if (to.isBefore(current)) {
            throw new IllegalArgumentException("the clock stands at " + current + " and only moves forward, not to " + to);
        }
        int fired = 0;
        for (Pending next = nextDue(to); next != null; next = nextDue(to)) {
            if (fire(next)) {
                fired++;
            }
        }
        clock.moveTo(to);
        return fired;
    }

    private Pending nextDue(Instant to) {
        List<Pending> due = jdbc.query("SELECT seq, deadline_id, deadline_name, trigger_at, scope_type, scope_revision,"
                + " scope, payload_type, payload_revision, payload, metadata FROM simulated_deadline"
                + " WHERE trigger_at <= ? ORDER BY trigger_at, seq LIMIT 1", PENDING, to.atOffset(ZoneOffset.UTC));
        return due.isEmpty() ? null : due.get(0);
    }

    private static final RowMapper<Pending> PENDING = (rs, row) -> new Pending(rs.getLong("seq"),
            rs.getString("deadline_id"), rs.getString("deadline_name"),
            rs.getObject("trigger_at", OffsetDateTime.class).toInstant(),
            new SimpleSerializedObject<>(rs.getBytes("scope"), byte[].class, rs.getString("scope_type"),
                    rs.getString("scope_revision")),
            rs.getBytes("payload") == null ? null : new SimpleSerializedObject<>(rs.getBytes("payload"), byte[].class,
                    rs.getString("payload_type"), rs.getString("payload_revision")),
            new SimpleSerializedObject<>(rs.getBytes("metadata"), byte[].class, MetaData.class.getName(), null));

    /** Fires one deadline in its own unit of work; false if it was gone (cancelled meanwhile) or failed. */
    private boolean fire(Pending pending) {
        ScopeDescriptor scope = serializer.deserialize(pending.scope());
        Object payload = pending.payload() == null ? null : serializer.deserialize(pending.payload());
        MetaData stored = serializer.deserialize(pending.metaData());
        // Whatever a deadline handler raises happened when the deadline was due, and the system raised it
        // (DOMAIN §3.4): the same envelope EnvelopeEnricher gives SystemTriggered events.
        MetaData metaData = stored.mergedWith(Map.of(MetaDataKeys.OCCURRED_AT, pending.triggerAt().toString(),
                MetaDataKeys.ACTOR_ID, SYSTEM, MetaDataKeys.ACTOR_ROLES, SYSTEM, MetaDataKeys.ACTOR_CHANNEL, SYSTEM));
        DeadlineMessage<?> message = new GenericDeadlineMessage<>(pending.name(), pending.id(), payload, metaData,
                pending.triggerAt());
        DefaultUnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(message);
        unitOfWork.attachTransaction(transactions);
        boolean[] claimed = {false};
        DefaultInterceptorChain<DeadlineMessage<?>> chain = new DefaultInterceptorChain<>(unitOfWork,
                handlerInterceptors(), deadline -> {
            claimed[0] = jdbc.update("DELETE FROM simulated_deadline WHERE seq = ?", pending.seq()) == 1;
            if (claimed[0]) {
                if (pending.triggerAt().isAfter(clock.instant())) {
                    clock.moveTo(pending.triggerAt());
                }
                dispatch(deadline, scope);
            }
            return null;
        });
        ResultMessage<?> result = unitOfWork.executeWithResult(chain::proceed);
        if (result.isExceptional()) {
            LOG.error("deadline {} ({}) due {} failed and is dropped", pending.name(), pending.id(),
                    pending.triggerAt(), result.exceptionResult());
            jdbc.update("DELETE FROM simulated_deadline WHERE seq = ?", pending.seq());
            return false;
        }
        return claimed[0];
    }

    private void dispatch(DeadlineMessage<?> message, ScopeDescriptor scope) {
        scopes.provideScopeAwareStream(scope)
                .filter(component -> component.canResolve(scope))
                .forEach(component -> {
                    try {
                        component.send(message, scope);
                    } catch (Exception e) {
                        throw new DeadlineException("deadline " + message.getDeadlineName() + " failed in "
                                + scope.scopeDescription(), e);
                    }
                });
    }
}
