package org.campaignledger.command.participation;

import org.axonframework.config.ConfigurerModule;
import org.campaignledger.command.participation.domain.UnitParticipation;
import org.campaignledger.command.pipeline.AggregateRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ParticipationConfig {
    @Bean
    ConfigurerModule unitParticipationAggregate() {
        return AggregateRegistration.of(UnitParticipation.class);
    }
}
