package io.nanoclaw.admin.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A poor man's sampling profiler: takes the stack of one thread every interval and counts, for each method, the
 * samples where it is on top (self) and anywhere on the stack (total). Samples are taken at safepoints, so they lean
 * towards loop back-edges and calls; good enough to tell SQL from file I/O from JSON from rules.
 */
final class StackSampler implements AutoCloseable {

    private final Thread target;
    private final long intervalNanos;
    private final Thread sampler;
    private final Map<String, Integer> self = new HashMap<>();
    private final Map<String, Integer> total = new HashMap<>();
    private final Map<String, Integer> buckets = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean paused = true;
    private int samples;

    StackSampler(Thread target, long intervalMicros) {
        this.target = target;
        this.intervalNanos = intervalMicros * 1000;
        this.sampler = new Thread(this::loop, "stack-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    void resume() {
        paused = false;
    }

    void pause() {
        paused = true;
    }

    private void loop() {
        while (running) {
            if (!paused) {
                StackTraceElement[] stack = target.getStackTrace();
                if (stack.length > 0 && !paused) {
                    record(stack);
                }
            }
            LockSupport.parkNanos(intervalNanos);
        }
    }

    private synchronized void record(StackTraceElement[] stack) {
        samples++;
        self.merge(key(stack[0]), 1, Integer::sum);
        buckets.merge(bucket(stack), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (StackTraceElement frame : stack) {
            String key = key(frame);
            if (seen.add(key)) {
                total.merge(key, 1, Integer::sum);
            }
        }
    }

    /** Where the time goes, by the innermost frame of ours and what it calls into. */
    private static String bucket(StackTraceElement[] stack) {
        String top = stack[0].getClassName();
        String ours = null;
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("io.nanoclaw.")) {
                ours = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
                        + frame.getMethodName();
                break;
            }
        }
        String kind;
        if (top.startsWith("org.sqlite") || stackHas(stack, "org.sqlite.")) {
            kind = "SQLite (JNI + driver)";
        } else if (stackHas(stack, "tools.jackson.")) {
            kind = "Jackson parse";
        } else if (stackHas(stack, "sun.nio.fs.") || stackHas(stack, "java.nio.file.Files")
                || stackHas(stack, "sun.nio.ch.")) {
            kind = "file system calls";
        } else if (stackHas(stack, "java.util.regex.")) {
            kind = "regex";
        } else if (stackHas(stack, "java.util.stream.") || stackHas(stack, "java.util.TimSort")
                || stackHas(stack, "java.util.Arrays.sort")) {
            kind = "sort/streams";
        } else {
            kind = "other Java";
        }
        return kind + " <- " + (ours != null ? ours : "?");
    }

    private static boolean stackHas(StackTraceElement[] stack, String prefix) {
        for (StackTraceElement frame : stack) {
            if ((frame.getClassName() + "." + frame.getMethodName()).startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String key(StackTraceElement frame) {
        String cls = frame.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + frame.getMethodName() + " ("
                + cls.substring(0, Math.max(0, cls.lastIndexOf('.'))) + ")";
    }

    synchronized int samples() {
        return samples;
    }

    synchronized List<String> top(String which, int limit, Function<String, Boolean> filter) {
        Map<String, Integer> map = switch (which) {
            case "self" -> self;
            case "total" -> total;
            default -> buckets;
        };
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(map.entrySet());
        entries.sort((a, b) -> b.getValue() - a.getValue());
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : entries) {
            if (lines.size() >= limit) {
                break;
            }
            if (filter.apply(entry.getKey())) {
                lines.add(String.format("%5.1f%%  %s", 100.0 * entry.getValue() / Math.max(1, samples), entry.getKey()));
            }
        }
        return lines;
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
