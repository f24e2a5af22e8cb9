package io.nanoclaw.admin.drift;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service notices changes others make to the install (NanoClaw's host, {@code ncl}, an editor).
 *
 * @param enabled false = only our own changes and the full scans update the report
 * @param interval how often the DB's change counter and the file events are looked at (changes show within about
 *        twice this)
 * @param pollEvery every how many intervals the group folders are also polled (stat of every container.json), for
 *        file systems that deliver no events; every interval when the watch service could not be set up
 */
@ConfigurationProperties("nanoclaw.watch")
public record WatchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration interval,
        @DefaultValue("4") int pollEvery) {
}
