package org.campaignledger.command.access;

import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.supervision.domain.SupervisionDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessConfig {

    @Bean
    AccessControl accessControl(UnitDirectory units, RosterDirectory rosters, SupervisionDirectory supervision,
                                AccessLookups lookups) {
        return new AccessControl(units, rosters, supervision, lookups);
    }
}
