package org.campaignledger.command.opinion;

import org.axonframework.config.ConfigurerModule;
import org.campaignledger.command.opinion.domain.Opinion;
import org.campaignledger.command.pipeline.AggregateRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpinionConfig {
    @Bean
    ConfigurerModule opinionAggregate() {
        return AggregateRegistration.of(Opinion.class);
    }
}
