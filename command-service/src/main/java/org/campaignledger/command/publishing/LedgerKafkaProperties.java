package org.campaignledger.command.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ledger.kafka.*}: where events and command outcomes go (documented in application.yml). */
@ConfigurationProperties("ledger.kafka")
record LedgerKafkaProperties(String bootstrapServers, String eventsTopic, String commandAuditTopic, int partitions,
                             short replicationFactor, Duration auditRelayInterval) {
}
