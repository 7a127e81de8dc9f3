package org.campaignledger.command.supervision;

import org.axonframework.config.ConfigurerModule;
import org.campaignledger.command.pipeline.AggregateRegistration;
import org.campaignledger.command.supervision.domain.SupervisionGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SupervisionConfig {
    @Bean
    ConfigurerModule supervisionGroupAggregate() {
        return AggregateRegistration.of(SupervisionGroup.class);
    }
}
