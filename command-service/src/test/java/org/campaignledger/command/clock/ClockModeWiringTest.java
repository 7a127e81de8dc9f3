package org.campaignledger.command.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration;
import org.campaignledger.command.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which clock and deadline manager each mode gets, with Axon's real db-scheduler auto-configuration in the
 * context: system mode keeps the DbSchedulerDeadlineManager, simulated mode replaces it.
 */
class ClockModeWiringTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AxonDbSchedulerAutoConfiguration.class))
            .withUserConfiguration(ClockConfig.class)
            .withBean(Scheduler.class, () -> mock(Scheduler.class))
            .withBean(org.axonframework.config.Configuration.class,
                    () -> mock(org.axonframework.config.Configuration.class))
            .withBean("eventSerializer", Serializer.class, JacksonSerializer::defaultSerializer)
            .withBean(TransactionManager.class, () -> mock(TransactionManager.class))
            .withBean(DeadlineManagerSpanFactory.class, () -> mock(DeadlineManagerSpanFactory.class))
            .withBean(EventBus.class, () -> mock(EventBus.class))
            .withBean(CorrelationDataProvider.class, MessageOriginProvider::new)
            .withBean(JdbcTemplate.class, () -> TestDatabase.jdbc("simulated_clock", "simulated_deadline"));

    @Test
    void system_mode_is_the_default_and_keeps_the_wall_clock_and_db_scheduler() {
        context.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(ClockMode.class)).isEqualTo(ClockMode.SYSTEM);
            assertThat(ctx.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
            assertThat(ctx).doesNotHaveBean(SimulatedDeadlineManager.class).doesNotHaveBean(SimulatedClock.class);
            assertThat(ctx.getBean(Clock.class).getZone().getId()).isEqualTo("Asia/Shanghai");
        });
        context.withPropertyValues("ledger.clock.mode=system").run(ctx ->
                assertThat(ctx.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class));
    }

    @Test
    void simulated_mode_replaces_db_scheduler_and_starts_the_clock_at_the_configured_instant() {
        context.withPropertyValues("ledger.clock.mode=simulated", "ledger.clock.start=2013-12-01T00:00:00+08:00")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(ClockMode.class)).isEqualTo(ClockMode.SIMULATED);
                    assertThat(ctx.getBeansOfType(DeadlineManager.class)).hasSize(1);
                    assertThat(ctx.getBean(DeadlineManager.class)).isInstanceOf(SimulatedDeadlineManager.class);
                    assertThat(ctx.getBean(Clock.class)).isInstanceOf(SimulatedClock.class);
                    assertThat(ctx.getBean(Clock.class).instant())
                            .isEqualTo(OffsetDateTime.parse("2013-12-01T00:00:00+08:00").toInstant());
                });
    }

    @Test
    void an_unknown_mode_stops_the_start() {
        context.withPropertyValues("ledger.clock.mode=simulatd").run(ctx ->
                assertThat(ctx).hasFailed());
    }
}
