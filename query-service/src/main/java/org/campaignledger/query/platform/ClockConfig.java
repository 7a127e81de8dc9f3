package org.campaignledger.query.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Business dates are Asia/Shanghai dates (DOMAIN §5 conventions); read-time fields count days in that zone. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock businessClock() {
        return Clock.system(ZONE);
    }
}
