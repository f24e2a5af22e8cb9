package io.nanoclaw.admin.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may carry.
 *
 * @param maxBody the largest request body accepted (413 beyond); container.json itself is read up to 1 MiB
 */
@ConfigurationProperties("nanoclaw.requests")
public record RequestLimitsProperties(@DefaultValue("2MB") DataSize maxBody) {
}
