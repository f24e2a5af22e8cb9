package io.nanoclaw.admin.restart;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service talks to NanoClaw's host.
 *
 * @param hostSocketTimeout how long a request on {@code data/ncl.sock} may take, connect to answer; the host stops a
 *        group's containers one after another before it answers
 */
@ConfigurationProperties("nanoclaw")
public record HostSocketProperties(@DefaultValue("30s") Duration hostSocketTimeout) {
}
