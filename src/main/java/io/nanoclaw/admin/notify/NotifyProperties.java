package io.nanoclaw.admin.notify;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook notifications when a group becomes BROKEN or gets a new ERROR, and when it is fixed.
 *
 * @param webhookUrl where to POST them (http or https); unset = none. The Notifications page can set another.
 * @param format {@code json} (our body) or {@code slack} ({@code {"text": …}} for a Slack-compatible incoming webhook)
 * @param maxAttempts tries per notification before it is given up (and audited as failed)
 * @param backoff the wait before the second try; doubled before each further one
 * @param timeout how long one try may take
 */
@ConfigurationProperties("nanoclaw.notify")
public record NotifyProperties(URI webhookUrl, @DefaultValue("json") String format, @DefaultValue("5") int maxAttempts,
        @DefaultValue("2s") Duration backoff, @DefaultValue("5s") Duration timeout) {
}
