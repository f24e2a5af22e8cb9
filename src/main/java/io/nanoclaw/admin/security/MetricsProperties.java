package io.nanoclaw.admin.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read {@code /actuator/prometheus}.
 *
 * @param open {@code true}: anybody, for a local scraper without a token; {@code false} (the default): callers with a
 *        bearer API token of any role
 */
@ConfigurationProperties("nanoclaw.metrics")
public record MetricsProperties(@DefaultValue("false") boolean open) {
}
