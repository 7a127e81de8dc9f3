package org.campaignledger.infra.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each new record of the events topic reached the broker, as seen by a consumer of the benchmark's own
 * (no group, from the end): this splits the end-to-end lag into command side (201 until published) and query
 * side (published until visible), which is how the one-second mode was located (docs/perf/lag.md).
 */
final class TopicArrivals implements AutoCloseable {
    private static final String TOPIC = "ledger.events.v1";

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Thread poller;

    TopicArrivals(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(TOPIC).forEach(p -> partitions.add(new TopicPartition(TOPIC, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "bench-topic-arrivals");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    arrivals.putIfAbsent(r.key(), System.nanoTime());
                }
            }
        } catch (WakeupException closing) {
            // close() ends the loop
        } finally {
            consumer.close();
        }
    }

    /** When the first record keyed {@code key} was received (System.nanoTime), or null if none yet. */
    Long arrival(String key) {
        return arrivals.get(key);
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
