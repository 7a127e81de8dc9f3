package org.campaignledger.command.campaign;

import org.axonframework.config.ConfigurerModule;
import org.campaignledger.command.campaign.domain.Campaign;
import org.campaignledger.command.pipeline.AggregateRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CampaignConfig {
    @Bean
    ConfigurerModule campaignAggregate() {
        return AggregateRegistration.of(Campaign.class);
    }
}
