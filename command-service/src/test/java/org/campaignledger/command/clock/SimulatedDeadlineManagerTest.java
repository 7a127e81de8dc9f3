package org.campaignledger.command.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.campaignledger.command.TestDatabase;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The simulated deadline manager over its real tables (V10): order, once only, cancellation, restarts. */
class SimulatedDeadlineManagerTest {
    private static final Instant START = OffsetDateTime.parse("2013-12-01T00:00:00+08:00").toInstant();
    private static final ScopeDescriptor UNIT_A = new AggregateScopeDescriptor("UnitParticipation", "cmp:2:a");
    private static final ScopeDescriptor UNIT_B = new AggregateScopeDescriptor("UnitParticipation", "cmp:2:b");

    record Due(String label) {
    }

    /** What reached the aggregates: the payload, the clock at that moment and the envelope's occurredAt. */
    record Fired(String label, String scope, Instant clockAt, String occurredAt, String actor) {
    }

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final List<Fired> fired = new ArrayList<>();
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager springTransactions;
    private TransactionManager transactions;
    private SimulatedClock clock;
    private SimulatedDeadlineManager manager;

    @BeforeEach
    void cleanTables() {
        jdbc = TestDatabase.jdbc("simulated_clock", "simulated_deadline");
        springTransactions = new DataSourceTransactionManager(TestDatabase.dataSource());
        transactions = new SpringTransactionManager(springTransactions);
        start(START);
    }

    /** A new clock and manager over the tables; after the first start, {@code start} no longer matters. */
    private void start(Instant start) {
        clock = new SimulatedClock(jdbc, start, Deadlines.ZONE);
        manager = new SimulatedDeadlineManager(jdbc, clock, this::aggregates, serializer, transactions);
    }

    private Stream<ScopeAware> aggregates(ScopeDescriptor scope) {
        return Stream.of(new ScopeAware() {
            @Override
            public void send(Message<?> message, ScopeDescriptor target) {
                Due due = (Due) message.getPayload();
                if (due.label().equals("broken")) {
                    throw new IllegalStateException("the handler fails");
                }
                if (due.label().equals("reschedules")) {
                    manager.schedule(clock.instant().plus(java.time.Duration.ofDays(1)), "itemDue",
                            new Due("rescheduled"), target);
                }
                fired.add(new Fired(due.label(), ((AggregateScopeDescriptor) target).getIdentifier().toString(),
                        clock.instant(), (String) message.getMetaData().get(MetaDataKeys.OCCURRED_AT),
                        (String) message.getMetaData().get(MetaDataKeys.ACTOR_ID)));
            }

            @Override
            public boolean canResolve(ScopeDescriptor target) {
                return target instanceof AggregateScopeDescriptor;
            }
        });
    }

    private static Instant on(String date) {
        return Deadlines.firesAfter(java.time.LocalDate.parse(date));
    }

    private List<String> firedLabels() {
        return fired.stream().map(Fired::label).toList();
    }

    @Test
    void deadlines_fire_in_trigger_order_exactly_once_and_not_before_the_clock_passes_them() {
        manager.schedule(on("2014-06-30"), "stageWindowEnd", new Due("third"), UNIT_A);
        manager.schedule(on("2014-04-30"), "stageWindowEnd", new Due("first"), UNIT_B);
        manager.schedule(on("2014-05-31"), "documentDue", new Due("second"), UNIT_A);
        manager.schedule(on("2014-05-31"), "documentDue", new Due("second-same-instant"), UNIT_B);

        assertThat(manager.advanceClockTo(on("2014-04-30").minusSeconds(1))).isZero();
        assertThat(fired).isEmpty();

        assertThat(manager.advanceClockTo(on("2014-06-01"))).isEqualTo(3);
        assertThat(firedLabels()).containsExactly("first", "second", "second-same-instant");
        assertThat(fired.get(0).clockAt()).isEqualTo(on("2014-04-30"));
        assertThat(fired.get(0).occurredAt()).isEqualTo(on("2014-04-30").toString());
        assertThat(fired.get(0).actor()).isEqualTo("SYSTEM");
        assertThat(clock.instant()).isEqualTo(on("2014-06-01"));

        assertThat(manager.advanceClockTo(on("2014-08-01"))).isEqualTo(1);
        assertThat(manager.advanceClockTo(on("2014-09-01"))).isZero();
        assertThat(firedLabels()).containsExactly("first", "second", "second-same-instant", "third");
        assertThat(manager.pendingIds()).isEmpty();
    }

    @Test
    void cancelled_deadlines_never_fire() {
        String one = manager.schedule(on("2014-05-01"), "itemDue", new Due("cancelled-by-id"), UNIT_A);
        manager.schedule(on("2014-05-02"), "itemDue", new Due("kept"), UNIT_A);
        manager.cancelSchedule("itemDue", one);
        manager.schedule(on("2014-05-03"), "stageWindowEnd", new Due("cancelled-in-scope"), UNIT_A);
        manager.schedule(on("2014-05-03"), "stageWindowEnd", new Due("other-scope"), UNIT_B);
        manager.cancelAllWithinScope("stageWindowEnd", UNIT_A);
        manager.schedule(on("2014-05-04"), "opinionFollowUp", new Due("cancelled-all-1"), UNIT_A);
        manager.schedule(on("2014-05-04"), "opinionFollowUp", new Due("cancelled-all-2"), UNIT_B);
        manager.cancelAll("opinionFollowUp");

        manager.advanceClockTo(on("2014-12-31"));

        assertThat(firedLabels()).containsExactly("kept", "other-scope");
    }

    @Test
    void a_deadline_scheduled_in_a_rolled_back_transaction_is_not_kept() {
        new TransactionTemplate(springTransactions).executeWithoutResult(tx -> {
            manager.schedule(on("2014-05-01"), "itemDue", new Due("rejected-command"), UNIT_A);
            tx.setRollbackOnly();
        });

        manager.advanceClockTo(on("2014-12-31"));

        assertThat(fired).isEmpty();
    }

    @Test
    void pending_deadlines_and_the_clock_survive_a_restart() {
        manager.schedule(on("2014-03-01"), "itemDue", new Due("before-restart"), UNIT_A);
        manager.schedule(on("2014-07-01"), "itemDue", new Due("after-restart"), UNIT_A);
        manager.advanceClockTo(on("2014-04-01"));

        start(Instant.parse("2020-01-01T00:00:00Z"));

        assertThat(clock.instant()).isEqualTo(on("2014-04-01"));
        assertThat(manager.advanceClockTo(on("2014-08-01"))).isEqualTo(1);
        assertThat(firedLabels()).containsExactly("before-restart", "after-restart");
    }

    @Test
    void the_clock_never_moves_back() {
        manager.advanceClockTo(on("2014-04-01"));

        assertThatThrownBy(() -> manager.advanceClockTo(on("2014-03-31")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only moves forward");
        assertThat(clock.instant()).isEqualTo(on("2014-04-01"));
    }

    @Test
    void a_deadline_already_behind_the_clock_waits_for_the_next_advance_and_keeps_its_own_instant() {
        manager.advanceClockTo(on("2014-04-01"));
        manager.schedule(on("2014-03-01"), "itemDue", new Due("late"), UNIT_A);

        assertThat(fired).isEmpty();
        assertThat(manager.advanceClockTo(clock.instant())).isEqualTo(1);
        assertThat(fired.get(0).occurredAt()).isEqualTo(on("2014-03-01").toString());
        assertThat(clock.instant()).isEqualTo(on("2014-04-01"));
    }

    @Test
    void a_deadline_its_handler_schedules_inside_the_window_fires_in_the_same_advance() {
        manager.schedule(on("2014-05-01"), "itemDue", new Due("reschedules"), UNIT_A);

        assertThat(manager.advanceClockTo(on("2014-05-03"))).isEqualTo(2);
        assertThat(firedLabels()).containsExactly("reschedules", "rescheduled");
        assertThat(fired.get(1).clockAt()).isEqualTo(on("2014-05-02"));
    }

    @Test
    void a_failing_deadline_is_dropped_and_the_others_still_fire() {
        manager.schedule(on("2014-05-01"), "itemDue", new Due("broken"), UNIT_A);
        manager.schedule(on("2014-05-02"), "itemDue", new Due("healthy"), UNIT_A);

        assertThat(manager.advanceClockTo(on("2014-06-01"))).isEqualTo(1);
        assertThat(firedLabels()).containsExactly("healthy");
        assertThat(manager.pendingIds()).isEmpty();
    }
}
