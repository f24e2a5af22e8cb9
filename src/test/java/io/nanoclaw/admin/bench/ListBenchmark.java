package io.nanoclaw.admin.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.nanoclaw.admin.NanoclawAdminApplication;
import io.nanoclaw.admin.drift.DriftService;
import io.nanoclaw.admin.groups.GroupModel;
import io.nanoclaw.admin.sessions.SessionModel;

/**
 * The list throughput benchmark: a generated install (10,000 groups and 200,000 sessions by default), the service
 * started on it in-process on 127.0.0.1, then each list request (pages, sorts, filters of groups and sessions) and
 * {@code GET /api/groups/{id}} driven by {@value #CLIENTS} client threads for a fixed time each. Prints req/s, p50
 * and p99 per request, each list's share of the single-group read, the heap after a full scan and what a model
 * reload costs. Bounded: a fixed time per request; figures only, it never fails a build.
 *
 * <p>{@code ./mvnw -Pbench verify -Dbench.class=io.nanoclaw.admin.bench.ListBenchmark} ({@code -Dbench.era=file|db},
 * {@code -Dbench.groups=N}, {@code -Dbench.seconds=N}).
 */
public final class ListBenchmark {

    static final int CLIENTS = 4;
    static final String TOKEN = "list-bench-token";

    private ListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int groups = Integer.getInteger("bench.groups", 10_000);
        int sessions = Integer.getInteger("bench.sessions", groups == 10_000 ? 200_000 : groups * 20);
        int seconds = Integer.getInteger("bench.seconds", 5);
        String eras = System.getProperty("bench.era", "file").trim().toLowerCase(Locale.ROOT);
        for (String era : eras.equals("both") ? List.of("file", "db") : List.of(eras)) {
            era(era, groups, sessions, seconds);
        }
        System.exit(0);
    }

    private static void era(String era, int groups, int sessions, int seconds) throws Exception {
        Path base = Files.createTempDirectory("nanoclaw-list-bench-");
        System.out.printf("list benchmark: %s era, %d groups, %d sessions, %d clients, %d s per request; Java %s, %d"
                + " cores, max heap %d MB%n", era, groups, sessions, CLIENTS, seconds,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        try {
            long t = System.nanoTime();
            Path root;
            Path allowlist;
            String someGroup;
            if (era.equals("db")) {
                BenchDbInstall.Generated install = BenchDbInstall.generate(base, groups, sessions, 42);
                root = install.root();
                allowlist = install.allowlist();
                someGroup = install.groups().get(groups / 2).id();
            } else {
                BenchInstall.Generated install = BenchInstall.generate(base, groups, sessions, 42);
                root = install.root();
                allowlist = install.allowlist();
                someGroup = install.groups().get(groups / 2).id();
            }
            System.out.printf("generated in %.1f s%n", (System.nanoTime() - t) / 1e9);
            run(root, allowlist, base.resolve("data"), someGroup, seconds);
        } catch (Throwable e) {
            System.out.println("ABORTED: " + e);
            e.printStackTrace(System.out);
        } finally {
            if (Boolean.getBoolean("bench.keep")) {
                System.out.println("kept " + base);
            } else {
                try (var paths = Files.walk(base)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void run(Path root, Path allowlist, Path data, String groupId, int seconds) throws Exception {
        long t = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplication(NanoclawAdminApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--nanoclaw.install-root=" + root,
                "--nanoclaw.data-dir=" + data, "--nanoclaw.admin.token=" + TOKEN, "--logging.level.root=WARN",
                "--nanoclaw.mount-allowlist=" + allowlist, "--nanoclaw.scan-interval=1h")) {
            String port = context.getEnvironment().getProperty("local.server.port");
            DriftService drift = context.getBean(DriftService.class);
            drift.latest();
            System.out.printf("started and scanned in %.1f s%n", (System.nanoTime() - t) / 1e9);
            GroupModel groupModel = context.getBean(GroupModel.class);
            SessionModel sessionModel = context.getBean(SessionModel.class);
            long reload = System.nanoTime();
            groupModel.reload();
            double groupReload = (System.nanoTime() - reload) / 1e6;
            reload = System.nanoTime();
            sessionModel.reload();
            double sessionReload = (System.nanoTime() - reload) / 1e6;
            long scan = System.nanoTime();
            drift.scan();
            double scanMs = (System.nanoTime() - scan) / 1e6;
            System.gc();
            Thread.sleep(200);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("models: %d groups, %d sessions; reload: groups %.0f ms, sessions %.0f ms; full scan"
                    + " (with both reloads) %.0f ms; heap used after a full scan and GC: %.0f MB%n", groupModel.size(),
                    sessionModel.size(), groupReload, sessionReload, scanMs, heap / 1e6);

            String api = "http://127.0.0.1:" + port;
            Map<String, String> requests = new LinkedHashMap<>();
            requests.put("GET /api/groups/{id}", api + "/api/groups/" + groupId);
            requests.put("GET /api/groups?size=50", api + "/api/groups?size=50");
            requests.put("GET /api/groups?size=50&sort=sessions,desc", api + "/api/groups?size=50&sort=sessions,desc");
            requests.put("GET /api/groups?size=50&page=150", api + "/api/groups?size=50&page=150");
            requests.put("GET /api/groups?size=50&sort=provider&page=100", api + "/api/groups?size=50&sort=provider"
                    + "&page=100");
            requests.put("GET /api/groups?q=research&size=50", api + "/api/groups?q=research&size=50");
            requests.put("GET /api/groups?provider=codex&size=50", api + "/api/groups?provider=codex&size=50");
            requests.put("GET /api/sessions?size=50", api + "/api/sessions?size=50");
            requests.put("GET /api/sessions?size=50&sort=lastActive,desc", api + "/api/sessions?size=50"
                    + "&sort=lastActive,desc");
            requests.put("GET /api/sessions?size=50&page=1000", api + "/api/sessions?size=50&page=1000");
            requests.put("GET /api/sessions?status=active&hasOverride=true&size=50", api
                    + "/api/sessions?status=active&hasOverride=true&size=50");
            requests.put("GET /api/sessions?groupId={id}", api + "/api/sessions?groupId=" + groupId);

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            // Every request warmed up first, so the first one measured does not carry the JIT's warm-up alone.
            for (String url : requests.values()) {
                load(client, URI.create(url), 1);
            }
            double baseline = 0;
            List<String> misses = new ArrayList<>();
            for (Map.Entry<String, String> request : requests.entrySet()) {
                Result result = load(client, URI.create(request.getValue()), seconds);
                if (baseline == 0) {
                    baseline = result.perSecond();
                }
                double share = result.perSecond() / baseline * 100;
                boolean list = !request.getKey().equals("GET /api/groups/{id}");
                System.out.printf("%-58s %7.0f req/s  p50 %6.1f ms  p99 %6.1f ms  %5.0f%% of one group%s%n",
                        request.getKey(), result.perSecond(), result.p50(), result.p99(), share,
                        result.errors() > 0 ? "  (" + result.errors() + " non-200)" : "");
                if (list && (result.perSecond() < 500 || result.p99() >= 50 || share < 40)) {
                    misses.add(request.getKey());
                }
            }
            System.out.println(misses.isEmpty() ? "TARGET met: every list >= 500 req/s, p99 < 50 ms, >= 40% of"
                    + " GET /api/groups/{id}" : "TARGET missed by: " + misses);
        }
    }

    private record Result(double perSecond, double p50, double p99, int errors) {
    }

    /** {@value #CLIENTS} threads send the request back to back: one second of warm-up, then {@code seconds}. */
    private static Result load(HttpClient client, URI uri, int seconds) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger errors = new AtomicInteger();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
        AtomicInteger counts = new AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int slot = c;
            Thread thread = new Thread(() -> {
                int n = 0;
                try {
                    while (!stop.get()) {
                        long s = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long elapsed = System.nanoTime() - s;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        if (measuring.get() && n < mine.length) {
                            mine[n++] = elapsed;
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    latencies.set(slot, Arrays.copyOf(mine, n));
                    counts.addAndGet(n);
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(1_000);
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        measuring.set(false);
        long elapsed = System.nanoTime() - started;
        stop.set(true);
        done.await();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double perSecond = all.length / (elapsed / 1e9);
        return new Result(perSecond, percentile(all, 50), percentile(all, 99), errors.get());
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
