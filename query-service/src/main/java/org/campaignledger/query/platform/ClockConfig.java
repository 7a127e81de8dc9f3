package org.campaignledger.query.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Business dates are Asia/Shanghai dates (DOMAIN §5 conventions); read-time fields count days from this clock.
 * Under the simulated clock (docs/adr/0009) both services must agree on "today", so the query side reads the
 * command side's clock from the event store, which it already reads for AQ-1.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock businessClock(@Value("${ledger.clock.mode:system}") String mode, JdbcTemplate eventStore) {
        return switch (mode) {
            case "system" -> Clock.system(ZONE);
            case "simulated" -> new EventStoreClock(eventStore, ZONE);
            default -> throw new IllegalArgumentException("ledger.clock.mode must be system or simulated, not " + mode);
        };
    }

    /** The command service's simulated "now"; before it has started once, the wall clock. */
    static final class EventStoreClock extends Clock {
        private final JdbcTemplate eventStore;
        private final ZoneId zone;

        EventStoreClock(JdbcTemplate eventStore, ZoneId zone) {
            this.eventStore = eventStore;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            List<Timestamp> now = eventStore.queryForList("SELECT now FROM simulated_clock WHERE id = 1",
                    Timestamp.class);
            return now.isEmpty() ? Instant.now() : now.get(0).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EventStoreClock(eventStore, other);
        }
    }
}
