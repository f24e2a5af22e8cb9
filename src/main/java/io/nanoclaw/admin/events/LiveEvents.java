package io.nanoclaw.admin.events;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.nanoclaw.admin.drift.DriftListener;
import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.DriftSummary;
import io.nanoclaw.admin.drift.GroupChange;
import io.nanoclaw.admin.drift.GroupStatus;

/**
 * The server-sent events pages and scripts subscribe to: one {@code group} event per group a scan or a re-check
 * changed (or re-checked), an {@code install} event when install-level findings changed, a {@code scan} event after
 * every full scan. Sent from one thread of their own, so a slow subscriber never holds up a scan or a change; a
 * subscriber whose connection broke is dropped.
 */
@Component
public class LiveEvents implements DriftListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    /** At most this many open streams; one more is refused rather than slowing every other. */
    static final int MAX_SUBSCRIBERS = 200;
    private static final long STREAM_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(30);

    /** A group event's data: the group, its status now (null when gone) and before, and a sentence. */
    public record GroupEvent(String id, String folder, GroupStatus status, GroupStatus previousStatus, String summary,
            int findings, Instant at) {
    }

    /** A scan event's data: the whole install's counts after a full scan. */
    public record ScanEvent(int groups, int aligned, int drifted, int broken, int findings, Instant at) {
    }

    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new java.util.concurrent.LinkedBlockingQueue<>(10_000), runnable -> daemon(runnable, "live-events"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "live-events-heartbeat"));
    private final Clock clock = Clock.systemUTC();

    LiveEvents() {
        // A comment every 15 s keeps proxies from closing an idle stream and finds the broken ones.
        heartbeat.scheduleWithFixedDelay(() -> submit(() -> sendAll(SseEmitter.event().comment("keep-alive"))), 15, 15,
                TimeUnit.SECONDS);
    }

    /** A new stream, or empty when {@link #MAX_SUBSCRIBERS} are open. */
    java.util.Optional<SseEmitter> subscribe() {
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            return java.util.Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        subscribers.add(emitter);
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(error -> subscribers.remove(emitter));
        submit(() -> send(emitter, SseEmitter.event().name("hello").data(new Hello(clock.instant()))));
        return java.util.Optional.of(emitter);
    }

    record Hello(Instant at) {
    }

    int subscribers() {
        return subscribers.size();
    }

    @Override
    public void driftChanged(DriftReport report, List<GroupChange> changes, Cause cause) {
        if (subscribers.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        for (GroupChange change : changes) {
            if (change.groupId() == null) {
                submit(() -> sendAll(SseEmitter.event().name("install").data(new GroupEvent(null, null, null, null,
                        change.findings().size() + " install-level finding(s)", change.findings().size(), at))));
            } else {
                GroupEvent event = new GroupEvent(change.groupId(), change.folder(), change.after(), change.before(),
                        change.summary(), change.findings().size(), at);
                submit(() -> sendAll(SseEmitter.event().name("group").id(change.groupId()).data(event)));
            }
        }
        if (cause == Cause.FULL_SCAN) {
            DriftSummary summary = report.summary();
            ScanEvent event = new ScanEvent(summary.groups(), summary.aligned(), summary.drifted(), summary.broken(),
                    report.findings().size(), at);
            submit(() -> sendAll(SseEmitter.event().name("scan").data(event)));
        }
    }

    private void submit(Runnable send) {
        try {
            sender.execute(send);
        } catch (RejectedExecutionException e) {
            // 10,000 events behind: subscribers are far too slow; they re-read the page at their next event.
            log.debug("Live events queue full; an event was dropped");
        }
    }

    private void sendAll(SseEmitter.SseEventBuilder event) {
        for (SseEmitter emitter : subscribers) {
            send(emitter, event);
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(emitter);
            emitter.completeWithError(e);
        }
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        sender.shutdownNow();
        subscribers.forEach(SseEmitter::complete);
        subscribers.clear();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
