package org.campaignledger.infra.bench;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far query-service has projected, read from the broker: the offsets its consumer group committed on the
 * events topic (it commits after applying each batch, docs/adr/0005), against the topic's end offsets. Watching a
 * drain this way costs the query-service nothing, whereas polling a read model would compete with the very
 * projection being measured (the MongoDB-wire server scans a collection for every filtered read).
 */
final class ConsumerProgress implements AutoCloseable {
    private static final String TOPIC = "ledger.events.v1";
    /** The query-service's projection group under the default prefix ({@code ledger.kafka.consumer-group}). */
    private static final String GROUP = "ledger-events";

    private final Admin admin;

    ConsumerProgress(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Events of the topic the group has committed, over all partitions. */
    long committed() {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata());
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Events in the topic, over all partitions (the publisher is idempotent, not transactional: no markers). */
    long end() {
        int partitions = get(admin.describeTopics(java.util.List.of(TOPIC)).allTopicNames()).get(TOPIC)
                .partitions().size();
        Map<TopicPartition, OffsetSpec> latest = java.util.stream.IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p), p -> OffsetSpec.latest()));
        return get(admin.listOffsets(latest).all()).values().stream().mapToLong(o -> o.offset()).sum();
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the progress of " + GROUP + " on " + TOPIC, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
