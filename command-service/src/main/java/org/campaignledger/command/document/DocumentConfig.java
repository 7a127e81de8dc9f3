package org.campaignledger.command.document;

import org.axonframework.config.ConfigurerModule;
import org.campaignledger.command.document.domain.ReviewableDocument;
import org.campaignledger.command.pipeline.AggregateRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentConfig {
    @Bean
    ConfigurerModule reviewableDocumentAggregate() {
        return AggregateRegistration.of(ReviewableDocument.class);
    }
}
