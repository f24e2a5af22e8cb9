package io.nanoclaw.admin.install;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a reload on a thread of its own when asked; asks that arrive while one runs make one more run, not one each,
 * so a busy DB costs at most one reload at a time.
 */
public final class CoalescingReloader {

    private static final Logger log = LoggerFactory.getLogger(CoalescingReloader.class);

    private final Runnable reload;
    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    public CoalescingReloader(String name, Runnable reload) {
        this.reload = reload;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void request() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                try {
                    reload.run();
                } catch (RuntimeException e) {
                    log.warn("Reload failed ({}); the previous snapshot stays until the next change", e.toString());
                }
            });
        }
    }
}
