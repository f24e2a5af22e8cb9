package io.nanoclaw.admin.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.drift.DriftListener;
import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.GroupChange;
import io.nanoclaw.admin.drift.GroupStatus;
import io.nanoclaw.admin.drift.Severity;

/**
 * Tells a webhook when a group becomes BROKEN or gets a new ERROR, and when it is fixed (leaves BROKEN, or its last
 * ERROR is resolved). Deliveries run on a thread of their own, retried with a doubling backoff, so a slow or failing
 * receiver never holds up a scan or a change; each delivery, made or given up, is in the audit trail. The first report
 * after start is the baseline: it notifies nothing.
 */
@Component
class WebhookNotifier implements DriftListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);
    static final String ACTOR = "notifier";
    private static final int MAX_PENDING = 1_000;

    private final WebhookSettings settings;
    private final NotifyProperties properties;
    private final AuditService audit;
    private final JsonMapper json;
    private final HttpClient http;
    private final ScheduledExecutorService deliveries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-notifier");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private final Clock clock = Clock.systemUTC();
    private volatile boolean baselineSeen;

    WebhookNotifier(WebhookSettings settings, NotifyProperties properties, AuditService audit, JsonMapper json) {
        this.settings = settings;
        this.properties = properties;
        this.audit = audit;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void driftChanged(DriftReport report, List<GroupChange> changes, Cause cause) {
        if (!baselineSeen) {
            baselineSeen = true;
            return;
        }
        for (Notification notification : notifications(changes)) {
            send(notification);
        }
    }

    /** What these changes are worth telling, in order. */
    List<Notification> notifications(List<GroupChange> changes) {
        List<Notification> out = new ArrayList<>();
        for (GroupChange change : changes) {
            if (change.groupId() == null) {
                continue;
            }
            Notification.Group group = new Notification.Group(change.groupId(), change.folder(), change.after(),
                    change.before());
            if (change.after() == GroupStatus.BROKEN && change.before() != GroupStatus.BROKEN) {
                out.add(new Notification("GROUP_BROKEN", group, ref(worst(change.findings())), change.summary(),
                        clock.instant()));
            }
            for (Finding appeared : change.appeared()) {
                if (appeared.severity() == Severity.ERROR) {
                    out.add(new Notification("NEW_ERROR", group, ref(appeared), appeared.message(), clock.instant()));
                }
            }
            boolean leftBroken = change.before() == GroupStatus.BROKEN && change.after() != GroupStatus.BROKEN;
            boolean lastErrorGone = change.resolved().stream().anyMatch(f -> f.severity() == Severity.ERROR)
                    && change.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR);
            if (change.after() != null && (leftBroken || lastErrorGone)) {
                out.add(new Notification("GROUP_FIXED", group, null, change.summary(), clock.instant()));
            }
        }
        return out;
    }

    /** Queues a delivery; returns false when notifications are off or too many are waiting. */
    boolean send(Notification notification) {
        WebhookSettings.Webhook webhook = settings.current();
        if (!webhook.on()) {
            return false;
        }
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            log.warn("{} webhook notifications are waiting; {} for {} dropped", MAX_PENDING, notification.event(),
                    notification.group() == null ? "-" : notification.group().folder());
            return false;
        }
        try {
            deliveries.execute(() -> attempt(webhook, notification, 1));
            return true;
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            return false;
        }
    }

    private void attempt(WebhookSettings.Webhook webhook, Notification notification, int attempt) {
        String outcome;
        try {
            String body = webhook.format().equals("slack") ? json.writeValueAsString(Map.of("text", notification.text()))
                    : json.writeValueAsString(notification);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(webhook.url()).timeout(properties.timeout())
                    .header("Content-Type", "application/json").header("User-Agent", "nanoclaw-admin")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                finished(webhook, notification, "NOTIFY_DELIVERED", "delivered (HTTP " + response.statusCode()
                        + ") after " + attempt + " attempt(s)");
                return;
            }
            outcome = "HTTP " + response.statusCode();
        } catch (IOException e) {
            outcome = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.decrementAndGet();
            return;
        } catch (RuntimeException e) {
            outcome = e.toString();
        }
        if (attempt >= properties.maxAttempts()) {
            finished(webhook, notification, "NOTIFY_FAILED", "given up after " + attempt + " attempt(s); last: "
                    + outcome);
            return;
        }
        long wait = properties.backoff().toMillis() * (1L << Math.min(attempt - 1, 16));
        log.debug("Webhook attempt {} for {} failed ({}); again in {} ms", attempt, notification.event(), outcome, wait);
        try {
            deliveries.schedule(() -> attempt(webhook, notification, attempt + 1), wait, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
        }
    }

    private void finished(WebhookSettings.Webhook webhook, Notification notification, String action, String outcome) {
        pending.decrementAndGet();
        Notification.Group group = notification.group();
        try {
            audit.record(AuditService.Entry.of(action, group == null ? null : group.id(),
                    group == null ? null : group.folder(), null, null, notification.event() + " to "
                            + WebhookSettings.redacted(webhook.url()) + ": " + outcome + " — " + notification.summary(),
                    null, null), ACTOR);
        } catch (RuntimeException e) {
            log.warn("Could not audit a webhook delivery ({}): {}", outcome, e.toString());
        }
    }

    private static Finding worst(List<Finding> findings) {
        return findings.isEmpty() ? null : findings.get(0);
    }

    private static Notification.FindingRef ref(Finding finding) {
        return finding == null ? null : new Notification.FindingRef(finding.kind().name(), finding.severity().name(),
                finding.sessionId(), finding.message());
    }

    @Override
    public void destroy() {
        deliveries.shutdownNow();
    }

    int pending() {
        return pending.get();
    }
}
