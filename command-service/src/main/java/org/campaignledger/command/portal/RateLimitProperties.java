package org.campaignledger.command.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.public.rate-limit.*}: each client address may burst {@code capacity} public submissions and then
 * gets {@code refillPerMinute} more per minute; {@code maxClients} bounds the memory the buckets take.
 */
@ConfigurationProperties("ledger.public.rate-limit")
public record RateLimitProperties(Integer capacity, Integer refillPerMinute, Integer maxClients) {
    public RateLimitProperties {
        capacity = capacity == null ? 10 : capacity;
        refillPerMinute = refillPerMinute == null ? 10 : refillPerMinute;
        maxClients = maxClients == null ? 100_000 : maxClients;
        if (capacity < 1 || refillPerMinute < 1 || maxClients < 1) {
            throw new IllegalArgumentException("ledger.public.rate-limit values must be positive");
        }
    }
}
