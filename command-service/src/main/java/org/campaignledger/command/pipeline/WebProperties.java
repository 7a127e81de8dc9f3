package org.campaignledger.command.pipeline;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code ledger.web.*}: the origins of the dashboards allowed to call the API from a browser (none by default), the
 * reverse proxies whose {@code X-Forwarded-For} is believed (none by default), and the largest request body.
 */
@ConfigurationProperties("ledger.web")
public record WebProperties(List<String> allowedOrigins, List<String> trustedProxies, DataSize maxRequestBody) {
    public WebProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(1) : maxRequestBody;
    }
}
