package org.campaignledger.command.publishing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the two topics when they are missing: delete policy with infinite retention, never compacted
 * (DOMAIN §3.1). Runs in the background and retries, so the service starts and takes commands while the
 * broker is still down; publication waits in the event store meanwhile.
 */
@Component
class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private final LedgerKafkaProperties kafka;

    TopicProvisioner(LedgerKafkaProperties kafka) {
        this.kafka = kafka;
    }

    @EventListener(ApplicationReadyEvent.class)
    void provisionInBackground() {
        Thread provisioner = new Thread(this::provisionUntilDone, "topic-provisioner");
        provisioner.setDaemon(true);
        provisioner.start();
    }

    private void provisionUntilDone() {
        long backoffMillis = 500;
        while (!Thread.currentThread().isInterrupted()) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                Map<String, String> forever = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");
                List<NewTopic> missing = List.of(kafka.eventsTopic(), kafka.commandAuditTopic()).stream()
                        .filter(t -> !existing.contains(t))
                        .map(t -> new NewTopic(t, kafka.partitions(), kafka.replicationFactor()).configs(forever))
                        .toList();
                if (!missing.isEmpty()) {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                    LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
                    return;
                }
                LOG.warn("topics not provisioned yet ({}); retrying", e.getCause().toString());
            } catch (Exception e) {
                LOG.warn("topics not provisioned yet ({}); retrying", e.toString());
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, 10_000);
        }
    }
}
