package org.campaignledger.command.evaluation;

import org.axonframework.config.ConfigurerModule;
import org.campaignledger.command.evaluation.domain.PublicEvaluation;
import org.campaignledger.command.pipeline.AggregateRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EvaluationConfig {
    @Bean
    ConfigurerModule publicEvaluationAggregate() {
        return AggregateRegistration.of(PublicEvaluation.class);
    }
}
