package org.campaignledger.command.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.campaignledger.command.pipeline.ProblemResponses;
import org.campaignledger.command.pipeline.WebProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client address in front of {@code /api/public/**}: beyond the burst a client waits for the
 * refill, and is told how long in {@code Retry-After} of a 429 problem. The address is the peer's, or, when the
 * peer is a configured trusted proxy, the right-most address in {@code X-Forwarded-For} that is not one. The
 * buckets live in this instance's memory only and never leave it: several instances each count on their own.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 2)
class PublicRateLimit extends OncePerRequestFilter {
    static final String RULE_ID = "R-API-RATE-LIMIT";
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final ObjectMapper json;
    private final RateLimitProperties limits;
    private final Set<String> trustedProxies;
    private final Clock ticker;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    PublicRateLimit(ObjectMapper json, RateLimitProperties limits, WebProperties web) {
        this(json, limits, web, Clock.systemUTC());
    }

    /** {@code ticker} measures elapsed real time; it is never the business clock, which a simulation may move. */
    PublicRateLimit(ObjectMapper json, RateLimitProperties limits, WebProperties web, Clock ticker) {
        this.json = json;
        this.limits = limits;
        this.trustedProxies = Set.copyOf(web.trustedProxies());
        this.ticker = ticker;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/public/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = ticker.millis() * 1_000_000L;
        if (buckets.size() >= limits.maxClients()) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        long waitNanos = buckets.computeIfAbsent(clientOf(request), c -> new Bucket(limits, now)).take(now);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ProblemResponses.write(json, request, response, HttpStatus.TOO_MANY_REQUESTS, RULE_ID,
                    "too many submissions from this address; retry in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    String clientOf(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = List.of(forwarded.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** Tokens are counted in nanos of refill time, so integer arithmetic keeps fractions of a token. */
    private static final class Bucket {
        private final long nanosPerToken;
        private final long capacityNanos;
        private long available;
        private long at;

        Bucket(RateLimitProperties limits, long now) {
            this.nanosPerToken = NANOS_PER_MINUTE / limits.refillPerMinute();
            this.capacityNanos = nanosPerToken * limits.capacity();
            this.available = capacityNanos;
            this.at = now;
        }

        /** Takes one token and answers 0, or answers how long until one is there. */
        synchronized long take(long now) {
            refill(now);
            if (available >= nanosPerToken) {
                available -= nanosPerToken;
                return 0;
            }
            return nanosPerToken - available;
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return available >= capacityNanos;
        }

        private void refill(long now) {
            if (now > at) {
                available = Math.min(capacityNanos, available + (now - at));
                at = now;
            }
        }
    }
}
