package io.nanoclaw.admin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import io.nanoclaw.admin.NanoclawAdminApplication;
import io.nanoclaw.admin.bench.BenchInstall.Generated;
import io.nanoclaw.admin.bench.BenchInstall.Shape;
import io.nanoclaw.admin.containerconfig.AtomicFileWriter;
import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.drift.DriftProperties;
import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.DriftRules;
import io.nanoclaw.admin.drift.FileEraRules;
import io.nanoclaw.admin.drift.DriftRules.GroupInput;
import io.nanoclaw.admin.drift.DriftRules.GroupResult;
import io.nanoclaw.admin.drift.DriftRules.SessionOverride;
import io.nanoclaw.admin.drift.DriftScanner;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.drift.GroupDrift;
import io.nanoclaw.admin.drift.GroupStatus;
import io.nanoclaw.admin.drift.MountAllowlist;
import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.install.InstallProperties;
import io.nanoclaw.admin.providers.KnownProviders;
import io.nanoclaw.admin.providers.ProvidersProperties;

/**
 * The drift scan benchmark (DESIGN.md section 8). Not a test: it prints figures and PASS/FAIL text, and never fails.
 * Run with {@code ./mvnw -Pbench verify}. Everything is bounded: fixed iteration counts, a temp dir, localhost only.
 */
public final class DriftBenchmark {

    static final int GROUPS = 10_000;
    static final int SESSIONS = 200_000;
    static final long SEED = 20260414L;

    static final int WARMUP = 5;
    static final int RUNS = 12;
    static final int BREAKDOWN_RUNS = 5;
    static final int PROFILED_SCANS = 5;
    static final int RECHECK_WARMUP = 20;
    static final int RECHECKS = 200;
    static final int MEMORY_SCANS = 20;
    static final int HTTP_WARMUP = 10;
    static final int HTTP_GETS = 100;
    static final int HTTP_GROUP_GETS = 50;
    static final int HTTP_SCANS = 5;

    static final List<String> KNOWN = List.of("claude", "codex", "opencode", "mock");
    static final String TOKEN = "bench-token";

    /** The scanner's own queries (DriftScanner.GROUPS_SQL, OVERRIDES_SQL, SESSION_GROUP_IDS_SQL), for the breakdown. */
    static final String SCAN_GROUPS_SQL = "SELECT id, name, folder, agent_provider FROM agent_groups";
    static final String SCAN_SESSIONS_SQL = "SELECT s.id, s.agent_group_id, s.agent_provider, s.status FROM sessions s"
            + " WHERE s.agent_provider IS NOT NULL";
    static final String SCAN_SESSION_GROUP_IDS_SQL = "SELECT DISTINCT agent_group_id FROM sessions";

    private final List<String> summary = new ArrayList<>();
    private Generated install;
    private Path base;
    private HikariDataSource dataSource;
    private InstallLayout layout;
    private ContainerConfigStore store;
    private DriftProperties driftProperties;
    private DriftScanner scanner;
    private double floorMedianMs;
    private double scanMedianMs;

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        long started = System.nanoTime();
        Path base = Files.createTempDirectory("nanoclaw-bench-");
        DriftBenchmark bench = new DriftBenchmark();
        try {
            bench.run(base);
        } catch (Throwable e) {
            // figures only: an aborted run is reported, never a failed build
            bench.line("ABORTED", "%s", e);
            e.printStackTrace(System.out);
        } finally {
            bench.close();
            if (!Boolean.getBoolean("bench.keep")) {
                deleteTree(base);
            } else {
                System.out.println("kept " + base);
            }
        }
        bench.printSummary((System.nanoTime() - started) / 1e9);
        System.exit(0); // the application's and the pool's threads are gone by now; make sure nothing lingers
    }

    private void run(Path base) throws Exception {
        this.base = base;
        line("setup", "NanoClaw drift benchmark: %d groups, %d sessions, seed %d; Java %s, %d cores, max heap %d MB;"
                + " load average %s; temp dir %s", GROUPS, SESSIONS, SEED, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage(), base);
        generate();
        wire();
        floorAndScan();
        breakdown();
        profile();
        recheck();
        memory();
        closeDataSource();
        http();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. generation

    private void generate() throws Exception {
        long t = System.nanoTime();
        install = BenchInstall.generate(base, GROUPS, SESSIONS, SEED);
        double seconds = (System.nanoTime() - t) / 1e9;
        Map<Shape, Integer> drifted = new EnumMap<>(Shape.class);
        install.shapes().forEach((shape, n) -> {
            if (shape.drifted) {
                drifted.put(shape, n);
            }
        });
        line("generate", "%d groups, %d sessions (%d with an override, %d of them mismatching; %d whose group is gone),"
                + " %d chats, %d container.json files (%.1f MB, avg %d B), v2.db %.1f MB, %d orphan folders, in %.1f s",
                install.groups().size(), install.sessions(), install.overrides(), install.mismatchingOverrides(),
                install.orphanSessions(), install.chats(), install.files(), install.fileBytes() / 1e6,
                install.fileBytes() / Math.max(1, install.files()), install.dbBytes() / 1e6,
                install.orphanFolders(), seconds);
        line("generate", "drifted groups by design: %d (%.1f%%): %s", install.driftedGroups(),
                100.0 * install.driftedGroups() / install.groups().size(), drifted);
    }

    private void wire() {
        dataSource = sqliteDataSource(install.root().resolve("data").resolve("v2.db"));
        layout = InstallLayout.of(new InstallProperties(install.root(), base.resolve("admin-data"), Duration.ofSeconds(5), "db"));
        store = new ContainerConfigStore(layout.groups(), (folder, version, bytes, by) -> {
            throw new UnsupportedOperationException("the benchmark never writes through the store");
        }, new AtomicFileWriter());
        // The generated allowlist rather than ~/.config/nanoclaw: the figures must not depend on this machine's home.
        driftProperties = new DriftProperties(install.allowlist(), Duration.ofMinutes(5));
        scanner = new DriftScanner(new JdbcTemplate(dataSource), layout, store, new ProvidersProperties(KNOWN),
                driftProperties, Clock.systemUTC());
    }

    /** As NanoclawStoreConfig configures the attached install's pool. */
    static HikariDataSource sqliteDataSource(Path file) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("nanoclaw-bench");
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        ds.setJdbcUrl("jdbc:sqlite:" + file);
        ds.setDataSourceProperties(config.toProperties());
        ds.setMaximumPoolSize(4);
        ds.setMinimumIdle(1);
        return ds;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. the floor

    /**
     * The floor and the full scan, interleaved (floor, scan, floor, scan...) so that whatever else the machine is doing
     * weighs on both alike: their ratio is the figure that matters.
     */
    private void floorAndScan() throws Exception {
        Path groupsRoot = layout.groups().root();
        long[] rows = new long[RUNS];
        long[] files = new long[RUNS];
        long[] floors = new long[RUNS];
        long[] scans = new long[RUNS];
        double[] ratios = new double[RUNS];
        long checksum = 0;
        long bytes = 0;
        int sessionRows = 0;
        for (int i = -WARMUP; i < RUNS; i++) {
            long t0 = System.nanoTime();
            List<String> folders = new ArrayList<>(GROUPS);
            long[] rowStats = floorRows(dataSource, folders);
            long t1 = System.nanoTime();
            long read = floorFiles(groupsRoot, folders);
            long t2 = System.nanoTime();
            DriftReport report = scanner.scan();
            long t3 = System.nanoTime();
            checksum += rowStats[0] + read;
            lastReport = report;
            if (i >= 0) {
                rows[i] = t1 - t0;
                files[i] = t2 - t1;
                floors[i] = t2 - t0;
                scans[i] = t3 - t2;
                ratios[i] = (double) scans[i] / floors[i];
                bytes = read;
                sessionRows = (int) rowStats[1];
            }
        }
        floorMedianMs = ms(median(floors));
        long[] listing = time(RUNS, () -> layout.groups().entryNames().size());
        line("floor", "read every row and file, no logic: median %.0f ms, p95 %.0f ms (rows %.0f ms: %d groups + %d"
                + " sessions, the 4 columns the scan reads; files %.0f ms: %d bytes of container.json) over %d runs after"
                + " %d warm-ups", floorMedianMs, ms(percentile(floors, 95)), ms(median(rows)), GROUPS, sessionRows,
                ms(median(files)), bytes, RUNS, WARMUP);
        line("floor", "not in the floor: listing groups/ (the scan's orphan check) median %.0f ms  [checksum %d]",
                ms(median(listing)), checksum & 0xffff);

        double median = ms(median(scans));
        double p95 = ms(percentile(scans, 95));
        scanMedianMs = median;
        double ratio = median / floorMedianMs;
        double[] sortedRatios = ratios.clone();
        Arrays.sort(sortedRatios);
        double pairRatio = sortedRatios[(sortedRatios.length - 1) / 2];
        Map<FindingKind, Long> byKind = lastReport.findings().stream()
                .collect(Collectors.groupingBy(Finding::kind, () -> new EnumMap<>(FindingKind.class), Collectors.counting()));
        line("scan", "full scan warm: median %.0f ms, p95 %.0f ms, min %.0f ms over %d scans after %d warm-ups;"
                + " scan/floor = %.2fx (median of per-round ratios %.2fx); load average %s", median, p95,
                ms(Arrays.stream(scans).min().orElse(0)), RUNS, WARMUP, ratio, pairRatio, loadAverage());
        line("scan", "each round, floor/scan ms: %s", pairs(floors, scans));
        line("scan", "%d groups: %d aligned, %d drifted, %d broken; %d findings %s; severities %s",
                lastReport.summary().groups(), lastReport.summary().aligned(), lastReport.summary().drifted(),
                lastReport.summary().broken(), lastReport.findings().size(), byKind, lastReport.summary().findings());
        if (!lastReport.inputs().warnings().isEmpty()) {
            line("scan", "warnings: %s", lastReport.inputs().warnings());
        }
        target("full scan <= 1.5x floor", ratio <= 1.5, "%.2fx (%.0f ms vs floor %.0f ms)", ratio, median, floorMedianMs);
        target("full scan <= 3x floor (DESIGN.md 8)", ratio <= 3.0, "%.2fx", ratio);
        target("full scan < 1 s", median < 1000, "median %.0f ms, p95 %.0f ms", median, p95);
    }

    /** Every group row and every session row, the columns the scan uses; returns {checksum, session rows}. */
    static long[] floorRows(DataSource ds, List<String> folders) throws SQLException {
        long checksum = 0;
        int sessions = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, folder, agent_provider FROM agent_groups");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String name = rs.getString(2);
                    String folder = rs.getString(3);
                    String provider = rs.getString(4);
                    folders.add(folder);
                    checksum += id.length() + name.length() + (provider == null ? 0 : provider.length());
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, agent_group_id, agent_provider, status FROM sessions");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String group = rs.getString(2);
                    String provider = rs.getString(3);
                    String status = rs.getString(4);
                    checksum += id.length() + group.length() + (provider == null ? 0 : 1) + status.length();
                    sessions++;
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return new long[] {checksum, sessions};
    }

    /** The bytes of every group's container.json; returns the byte count. */
    static long floorFiles(Path groupsRoot, List<String> folders) throws IOException {
        long bytes = 0;
        for (String folder : folders) {
            try {
                bytes += Files.readAllBytes(groupsRoot.resolve(folder).resolve("container.json")).length;
            } catch (NoSuchFileException e) {
                // missing file or folder: nothing to read
            }
        }
        return bytes;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. the full scan

    private DriftReport lastReport;

    // ---------------------------------------------------------------------------------------------------------------
    // where the scan's time goes: its steps one by one, the same code paths the scanner takes

    private void breakdown() throws Exception {
        Path root = install.root();
        Map<String, long[]> steps = new java.util.LinkedHashMap<>();
        List<String[]> groupRows = new ArrayList<>();
        List<SessionOverride> overrides = new ArrayList<>();
        List<ContainerConfigFile> files = new ArrayList<>();
        List<byte[]> rawBytes = new ArrayList<>();
        DriftRules rules = null;
        List<Finding> findings = new ArrayList<>();
        List<GroupDrift> drifts = new ArrayList<>();
        for (int run = -1; run < BREAKDOWN_RUNS; run++) {
            groupRows.clear();
            overrides.clear();
            files.clear();
            rawBytes.clear();
            findings.clear();
            drifts.clear();
            long t = System.nanoTime();
            KnownProviders known = KnownProviders.of(root, KNOWN);
            MountAllowlist allowlist = MountAllowlist.load(driftProperties.mountAllowlistOrDefault());
            rules = new FileEraRules(known, allowlist);
            record(steps, "load known providers + mount allowlist", run, t);

            t = System.nanoTime();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(SCAN_GROUPS_SQL); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groupRows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
                record(steps, "SQL: agent_groups (10k rows)", run, t);
                t = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement(SCAN_SESSIONS_SQL); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        overrides.add(new SessionOverride(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(SCAN_SESSION_GROUP_IDS_SQL); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                c.commit();
                c.setAutoCommit(true);
            }
            record(steps, "SQL: sessions with an override + distinct session group ids", run, t);

            t = System.nanoTime();
            Map<String, List<SessionOverride>> byGroup = new HashMap<>();
            for (SessionOverride s : overrides) {
                byGroup.computeIfAbsent(s.agentGroupId(), k -> new ArrayList<>()).add(s);
            }
            record(steps, "group the overrides by group", run, t);

            t = System.nanoTime();
            int ok = 0;
            for (String[] g : groupRows) {
                if (store.read(g[2]).state() == ConfigFileState.OK) {
                    ok++; // not kept: 10k parsed documents held at once would slow the young GCs, the scan holds one
                }
            }
            record(steps, "store.read x10k (checks, stat, read, parse)", run, t);
            for (String[] g : groupRows) {
                files.add(store.read(g[2])); // the judge step's inputs, not timed
            }
            if (ok > files.size()) {
                throw new IllegalStateException();
            }

            t = System.nanoTime();
            for (String[] g : groupRows) {
                try {
                    rawBytes.add(Files.readAllBytes(layout.groups().root().resolve(g[2]).resolve("container.json")));
                } catch (NoSuchFileException e) {
                    rawBytes.add(null);
                }
            }
            record(steps, "  of which: Files.readAllBytes alone", run, t);

            t = System.nanoTime();
            for (byte[] b : rawBytes) {
                if (b != null) {
                    ContainerConfigFormat.parse(b);
                }
            }
            record(steps, "  of which: ContainerConfigFormat.parse alone (bytes in memory)", run, t);

            t = System.nanoTime();
            for (int i = 0; i < groupRows.size(); i++) {
                String[] g = groupRows.get(i);
                GroupResult result = rules.judge(new GroupInput(g[0], g[1], g[2], g[3], files.get(i),
                        byGroup.getOrDefault(g[0], List.of())));
                drifts.add(result.drift());
                findings.addAll(result.findings());
            }
            record(steps, "DriftRules.judge x10k (files already read)", run, t);

            t = System.nanoTime();
            layout.groups().entryNames();
            record(steps, "list groups/ (Files.list + isDirectory per entry)", run, t);

            List<Finding> shuffled = new ArrayList<>(findings);
            Collections.shuffle(shuffled, new Random(run + 7));
            t = System.nanoTime();
            DriftReport.of(Instant.now(), drifts, shuffled, lastReport.inputs());
            record(steps, "DriftReport.of (sort findings, copy groups)", run, t);
        }
        long sum = 0;
        for (Map.Entry<String, long[]> step : steps.entrySet()) {
            double m = ms(median(step.getValue()));
            if (!step.getKey().startsWith("  ")) {
                sum += median(step.getValue());
            }
            line("breakdown", "%-66s %7.1f ms", step.getKey(), m);
        }
        line("breakdown", "%-66s %7.1f ms (the scans above: median %.0f ms; floor %.0f ms)", "sum of the steps",
                ms(sum), scanMedianMs, floorMedianMs);
        long stats = 0;
        for (int i = 0; i < BREAKDOWN_RUNS; i++) {
            long t = System.nanoTime();
            for (String[] g : groupRows) {
                Path folder = layout.groups().root().resolve(g[2]);
                Files.isDirectory(folder);
                Path file = folder.resolve("container.json");
                Files.isDirectory(file);
                Files.exists(file);
            }
            stats += System.nanoTime() - t;
        }
        line("breakdown", "%-66s %7.1f ms", "for reference: 3 plain stat calls per group, x10k",
                ms(stats / BREAKDOWN_RUNS));
        alternatives(groupRows);
    }

    /** What the slow steps could cost done differently: measured here, on the same install, nothing changed in main. */
    private void alternatives(List<String[]> groupRows) throws Exception {
        Path groupsRoot = layout.groups().root();
        List<String> folders = groupRows.stream().map(g -> g[2]).toList();
        long[] lean = time(BREAKDOWN_RUNS, () -> {
            int ok = 0;
            for (String folder : folders) {
                byte[] bytes = leanRead(groupsRoot, folder);
                if (bytes != null && ContainerConfigFormat.parse(bytes).state() == ConfigFileState.OK) {
                    ok++;
                }
            }
            return ok;
        });
        long[] parallel = time(BREAKDOWN_RUNS, () -> folders.parallelStream()
                .map(folder -> leanRead(groupsRoot, folder))
                .filter(bytes -> bytes != null && ContainerConfigFormat.parse(bytes).state() == ConfigFileState.OK)
                .count());
        line("what-if", "%-66s %7.1f ms", "files: 1 lstat of the folder + open/read + parse, x10k", ms(median(lean)));
        line("what-if", "%-66s %7.1f ms", "the same on " + (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism()
                + 1) + " threads (parallel stream)", ms(median(parallel)));
        long[] overrides = new long[BREAKDOWN_RUNS];
        long[] groupIds = new long[BREAKDOWN_RUNS];
        for (int run = -1; run < BREAKDOWN_RUNS; run++) {
            long t0 = System.nanoTime();
            int a = countRows("SELECT id, agent_group_id, agent_provider, status FROM sessions"
                    + " WHERE agent_provider IS NOT NULL");
            long t1 = System.nanoTime();
            int b = countRows("SELECT DISTINCT agent_group_id FROM sessions");
            long t2 = System.nanoTime();
            if (run >= 0) {
                overrides[run] = t1 - t0;
                groupIds[run] = t2 - t1;
            }
            if (a < 0 || b < 0) {
                throw new IllegalStateException();
            }
        }
        line("what-if", "%-66s %7.1f ms", "SQL: sessions WHERE agent_provider IS NOT NULL (no NOT EXISTS)",
                ms(median(overrides)));
        line("what-if", "%-66s %7.1f ms", "SQL: SELECT DISTINCT agent_group_id FROM sessions (covering index)",
                ms(median(groupIds)));
    }

    private int countRows(String sql) throws SQLException {
        int rows = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getString(i);
                }
                rows++;
            }
        }
        return rows;
    }

    /**
     * A lean happy path: one lstat of the folder (a link would take the slow, resolving path; none here), then open and
     * read the file; a missing folder or file shows up as NoSuchFileException.
     */
    static byte[] leanRead(Path groupsRoot, String folder) {
        Path dir = groupsRoot.resolve(folder);
        try {
            BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory()) {
                return null;
            }
            return Files.readAllBytes(dir.resolve("container.json"));
        } catch (IOException e) {
            return null;
        }
    }

    private static void record(Map<String, long[]> steps, String name, int run, long started) {
        long elapsed = System.nanoTime() - started;
        if (run >= 0) {
            steps.computeIfAbsent(name, k -> new long[BREAKDOWN_RUNS])[run] = elapsed;
        }
    }

    private void profile() {
        try (StackSampler sampler = new StackSampler(Thread.currentThread(), 1000)) {
            sampler.resume();
            for (int i = 0; i < PROFILED_SCANS; i++) {
                scanner.scan();
            }
            sampler.pause();
            line("profile", "%d stack samples of the scanning thread over %d scans (1 ms interval, safepoint-biased):",
                    sampler.samples(), PROFILED_SCANS);
            for (String l : sampler.top("buckets", 12, k -> true)) {
                line("profile", "  where  %s", l);
            }
            for (String l : sampler.top("self", 12, k -> true)) {
                line("profile", "  self   %s", l);
            }
            for (String l : sampler.top("total", 12,
                    k -> k.contains("(io.nanoclaw.admin.") && !k.contains("(io.nanoclaw.admin.bench)")
                            && !k.contains("$$Lambda"))) {
                line("profile", "  total  %s", l);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 4. re-check of one group after its file changes

    private void recheck() throws IOException {
        BenchInstall.Group group = install.firstOf(Shape.CODEX); // DB 'codex', file "codex": aligned
        Path file = layout.groups().root().resolve(group.folder()).resolve("container.json");
        byte[] original = Files.readAllBytes(file);
        String text = new String(original, StandardCharsets.UTF_8);
        byte[] aligned = original;
        byte[] drifted = text.replace("\"provider\": \"codex\"", "\"provider\": \"claude\"").getBytes(StandardCharsets.UTF_8);
        long[] runs = new long[RECHECKS];
        int detected = 0;
        for (int i = -RECHECK_WARMUP; i < RECHECKS; i++) {
            boolean drift = (i & 1) == 1;
            Files.write(file, drift ? drifted : aligned); // rewritten in place, as NanoClaw does
            long t = System.nanoTime();
            DriftReport report = scanner.scanGroup(group.id()).orElseThrow();
            long elapsed = System.nanoTime() - t;
            GroupStatus expected = drift ? GroupStatus.DRIFTED : GroupStatus.ALIGNED;
            if (i >= 0) {
                runs[i] = elapsed;
                if (report.groups().get(0).status() == expected) {
                    detected++;
                }
            }
        }
        Files.write(file, original);
        double median = ms(median(runs));
        double p99 = ms(percentile(runs, 99));
        line("recheck", "scanGroup after rewriting its container.json: median %.2f ms, p99 %.2f ms, max %.2f ms over %d"
                + " checks (%d warm-ups); the change was seen in %d/%d", median, p99,
                ms(Arrays.stream(runs).max().orElse(0)), RECHECKS, RECHECK_WARMUP, detected, RECHECKS);
        target("one-group re-check < 50 ms", p99 < 50, "p99 %.2f ms", p99);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 5. memory across repeated scans

    private void memory() throws InterruptedException {
        DriftReport held = scanner.scan(); // what the service keeps: the latest report
        long before = usedAfterGc();
        long[] runs = new long[MEMORY_SCANS];
        for (int i = 0; i < MEMORY_SCANS; i++) {
            long t = System.nanoTime();
            held = scanner.scan();
            runs[i] = System.nanoTime() - t;
        }
        long after = usedAfterGc();
        int findings = held.findings().size();
        held = null;
        long withoutReport = usedAfterGc();
        lastReport = null;
        long delta = after - before;
        line("memory", "used heap after GC: before %.1f MB, after %d scans %.1f MB (delta %+.1f MB); one report (%d"
                + " findings) retains about %.1f MB; scans during the loop: median %.0f ms", before / 1e6, MEMORY_SCANS,
                after / 1e6, delta / 1e6, findings, (after - withoutReport) / 1e6, ms(median(runs)));
        boolean flat = Math.abs(delta) < Math.max(8_000_000, before / 20);
        target("memory flat across " + MEMORY_SCANS + " scans", flat, "delta %+.1f MB", delta / 1e6);
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 6. the REST API end to end

    private void http() throws Exception {
        Path dataDir = base.resolve("admin-data");
        long t = System.nanoTime();
        SpringApplication application = new SpringApplication(NanoclawAdminApplication.class);
        try (ConfigurableApplicationContext context = application.run("--server.port=0",
                "--nanoclaw.install-root=" + install.root(), "--nanoclaw.data-dir=" + dataDir,
                "--nanoclaw.admin.token=" + TOKEN, "--logging.level.root=WARN",
                "--nanoclaw.mount-allowlist=" + install.allowlist(), "--nanoclaw.scan-interval=1h")) {
            double startup = (System.nanoTime() - t) / 1e9;
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI drift = URI.create("http://127.0.0.1:" + port + "/api/drift");
            URI scan = URI.create("http://127.0.0.1:" + port + "/api/drift/scan");
            String groupId = install.firstOf(Shape.SESSION_MISMATCH).id();
            URI group = URI.create("http://127.0.0.1:" + port + "/api/groups/" + groupId + "/drift");

            long t0 = System.nanoTime();
            HttpResponse<byte[]> first = send(client, get(drift));
            line("http", "application started in %.1f s (port %s); first GET /api/drift %d in %.0f ms (%d bytes)",
                    startup, port, first.statusCode(), ms(System.nanoTime() - t0), first.body().length);

            long[] gets = new long[HTTP_GETS];
            long size = 0;
            for (int i = -HTTP_WARMUP; i < HTTP_GETS; i++) {
                long s = System.nanoTime();
                HttpResponse<byte[]> response = send(client, get(drift));
                long elapsed = System.nanoTime() - s;
                check(response, "GET /api/drift");
                if (i >= 0) {
                    gets[i] = elapsed;
                    size = response.body().length;
                }
            }
            line("http", "GET /api/drift (latest scan, from memory): median %.1f ms, p95 %.1f ms, p99 %.1f ms over %d"
                    + " calls (%d warm-ups); response %.2f MB", ms(median(gets)), ms(percentile(gets, 95)),
                    ms(percentile(gets, 99)), HTTP_GETS, HTTP_WARMUP, size / 1e6);

            long[] filtered = new long[HTTP_GETS / 2];
            long filteredSize = 0;
            URI errors = URI.create(drift + "?severity=ERROR");
            for (int i = -HTTP_WARMUP; i < filtered.length; i++) {
                long s = System.nanoTime();
                HttpResponse<byte[]> response = send(client, get(errors));
                long elapsed = System.nanoTime() - s;
                check(response, "GET /api/drift?severity=ERROR");
                if (i >= 0) {
                    filtered[i] = elapsed;
                    filteredSize = response.body().length;
                }
            }
            line("http", "GET /api/drift?severity=ERROR: median %.1f ms, p95 %.1f ms over %d calls; response %.2f MB",
                    ms(median(filtered)), ms(percentile(filtered, 95)), filtered.length, filteredSize / 1e6);

            long[] groups = new long[HTTP_GROUP_GETS];
            for (int i = -HTTP_WARMUP; i < HTTP_GROUP_GETS; i++) {
                long s = System.nanoTime();
                HttpResponse<byte[]> response = send(client, get(group));
                long elapsed = System.nanoTime() - s;
                check(response, "GET /api/groups/{id}/drift");
                if (i >= 0) {
                    groups[i] = elapsed;
                    size = response.body().length;
                }
            }
            line("http", "GET /api/groups/{id}/drift (fresh one-group check): median %.1f ms, p99 %.1f ms over %d calls;"
                    + " response %d bytes", ms(median(groups)), ms(percentile(groups, 99)), HTTP_GROUP_GETS, size);

            long[] scans = new long[HTTP_SCANS];
            for (int i = -1; i < HTTP_SCANS; i++) {
                long s = System.nanoTime();
                HttpResponse<byte[]> response = send(client,
                        HttpRequest.newBuilder(scan).timeout(Duration.ofSeconds(60)).header("Authorization",
                                "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
                long elapsed = System.nanoTime() - s;
                check(response, "POST /api/drift/scan");
                if (i >= 0) {
                    scans[i] = elapsed;
                    size = response.body().length;
                }
            }
            line("http", "POST /api/drift/scan end to end: median %.0f ms, max %.0f ms over %d calls; response %.2f MB",
                    ms(median(scans)), ms(Arrays.stream(scans).max().orElse(0)), HTTP_SCANS, size / 1e6);
        }
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TOKEN)
                .GET().build();
    }

    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void check(HttpResponse<byte[]> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8).substring(0,
                            Math.min(500, response.body().length)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private void line(String section, String format, Object... args) {
        String text = String.format(Locale.ROOT, "[%-9s] ", section) + String.format(Locale.ROOT, format, args);
        System.out.println(text);
        summary.add(text);
    }

    private void target(String name, boolean pass, String format, Object... args) {
        line("TARGET", "%-40s %s  (%s)", name, pass ? "PASS" : "FAIL", String.format(Locale.ROOT, format, args));
    }

    private void printSummary(double seconds) {
        System.out.println();
        System.out.println("==== drift benchmark figures ====");
        summary.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "==== benchmark run time %.0f s; load average at the end %s ====%n", seconds,
                loadAverage());
    }

    private void closeDataSource() {
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
    }

    private void close() {
        closeDataSource();
    }

    static long[] time(int runs, Supplier<Object> work) {
        long[] out = new long[runs];
        Object sink = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            sink = work.get();
            out[i] = System.nanoTime() - t;
        }
        if (sink == out) {
            throw new IllegalStateException();
        }
        return out;
    }

    static String pairs(long[] first, long[] second) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < first.length; i++) {
            out.append(i == 0 ? "" : " ").append(Math.round(ms(first[i]))).append('/').append(Math.round(ms(second[i])));
        }
        return out.toString();
    }

    /** The 1, 5 and 15 minute load averages, to judge how quiet the machine was. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static long median(long[] values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.out.println("could not delete " + root + ": " + e);
        }
    }
}
