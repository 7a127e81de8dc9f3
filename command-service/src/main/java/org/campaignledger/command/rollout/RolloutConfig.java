package org.campaignledger.command.rollout;

import org.axonframework.config.ConfigurerModule;
import org.campaignledger.command.pipeline.AggregateRegistration;
import org.campaignledger.command.rollout.domain.JurisdictionRollout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RolloutConfig {
    @Bean
    ConfigurerModule jurisdictionRolloutAggregate() {
        return AggregateRegistration.of(JurisdictionRollout.class);
    }
}
