package org.campaignledger.command.lookback;

import org.axonframework.config.ConfigurerModule;
import org.campaignledger.command.lookback.domain.LookBackReview;
import org.campaignledger.command.pipeline.AggregateRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LookBackConfig {
    @Bean
    ConfigurerModule lookBackReviewAggregate() {
        return AggregateRegistration.of(LookBackReview.class);
    }
}
