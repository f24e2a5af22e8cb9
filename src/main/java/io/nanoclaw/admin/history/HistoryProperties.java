package io.nanoclaw.admin.history;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long drift history is kept.
 *
 * @param retention drift points, resolved findings and outside changes older than this are deleted (at each full
 *        scan); standing findings are kept however old
 */
@ConfigurationProperties("nanoclaw.history")
public record HistoryProperties(@DefaultValue("30d") Duration retention) {
}
