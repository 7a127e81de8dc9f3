package org.campaignledger.command.clock;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.campaignledger.command.domain.Deadlines;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link Clock} every rule and envelope reads, and, with the simulated clock, the deadline manager that
 * follows it (DOMAIN-ERRATA B9). In system mode no DeadlineManager is defined here, so Axon's db-scheduler
 * auto-configuration supplies its wall-clock DbSchedulerDeadlineManager.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {
    static final String MODE = "ledger.clock.mode";

    @Bean
    ClockMode clockMode(@Value("${" + MODE + ":system}") String mode) {
        return ClockMode.parse(mode);
    }

    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "system", matchIfMissing = true)
    Clock systemClock() {
        return Clock.system(Deadlines.ZONE);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = MODE, havingValue = "simulated")
    static class Simulated {

        /** JdbcTemplate waits for Flyway (Boot orders them), so the clock's table exists when it loads. */
        @Bean
        SimulatedClock simulatedClock(JdbcTemplate jdbc, @Value("${ledger.clock.start}") String start) {
            return new SimulatedClock(jdbc, OffsetDateTime.parse(start).toInstant(), Deadlines.ZONE);
        }

        /** Replaces the db-scheduler deadline manager, whose auto-configuration backs off from any other one. */
        @Bean
        SimulatedDeadlineManager deadlineManager(JdbcTemplate jdbc, SimulatedClock clock,
                                                 org.axonframework.config.Configuration axon,
                                                 @Qualifier("eventSerializer") Serializer serializer,
                                                 TransactionManager transactions,
                                                 List<CorrelationDataProvider> correlation) {
            SimulatedDeadlineManager manager = new SimulatedDeadlineManager(jdbc, clock,
                    new ConfigurationScopeAwareProvider(axon), serializer, transactions);
            manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlation));
            return manager;
        }
    }
}
