package org.campaignledger.command.organisation;

import org.axonframework.config.ConfigurerModule;
import org.campaignledger.command.pipeline.AggregateRegistration;
import org.campaignledger.command.organisation.domain.OrgUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganisationConfig {
    @Bean
    ConfigurerModule orgUnitAggregate() {
        return AggregateRegistration.of(OrgUnit.class);
    }
}
