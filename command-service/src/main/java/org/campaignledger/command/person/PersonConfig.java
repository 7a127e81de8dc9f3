package org.campaignledger.command.person;

import org.axonframework.config.ConfigurerModule;
import org.campaignledger.command.person.domain.Person;
import org.campaignledger.command.pipeline.AggregateRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonConfig {
    @Bean
    ConfigurerModule personAggregate() {
        return AggregateRegistration.of(Person.class);
    }
}
