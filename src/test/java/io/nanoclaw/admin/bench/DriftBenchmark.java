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
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.EraDetection;
import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.install.InstallProperties;
import io.nanoclaw.admin.providers.KnownProviders;
import io.nanoclaw.admin.providers.ProvidersProperties;

/**
 * The drift scan benchmark (DESIGN.md section 8). Not a test: it prints figures and PASS/FAIL text, and never fails.
 * Run with {@code ./mvnw -Pbench verify}. Everything is bounded: fixed iteration counts, a temp dir, localhost only.
 * Two installs of the same size, one per era: the file era ({@link BenchInstall}) and the DB-config era
 * ({@link BenchDbInstall}); each gets its floor and warm full scan (interleaved), re-checks and heap figures, then the
 * REST figures of both come last. {@code -Dbench.era=file|db|both} and {@code -Dbench.groups=500} shorten a run.
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

    /** The DB floor's second table: the 14 columns ContainerConfigRows reads, all of them. */
    static final String FLOOR_CONFIG_ROWS_SQL = "SELECT agent_group_id, provider, model, effort, image_tag,"
            + " assistant_name, max_messages_per_prompt, skills, mcp_servers, packages_apt, packages_npm,"
            + " additional_mounts, updated_at, cli_scope FROM container_configs";
    /** The kinds only the DB era's rules report: one of them in a DB-era report means those rules judged it. */
    static final List<String> DB_ERA_KINDS = List.of("CONFIG_FILE_DIVERGES_FROM_DB", "LEGACY_GROUP_PROVIDER_IGNORED",
            "CONFIG_ROW_MISSING", "BACKFILL_WILL_FAIL", "CONFIG_ROW_INVALID", "ASSISTANT_NAME_EMPTY", "CLI_SCOPE_INVALID",
            "CONFIG_ROW_ORPHANED", "MODEL_NOT_USED");

    private final List<String> summary = new ArrayList<>();
    /** The era being measured: {@code file} or {@code db}; prefixes every line and target of that era. */
    private String tag = "setup";
    private int groupCount = GROUPS;
    private int sessionCount = SESSIONS;
    private Generated install;
    private BenchDbInstall.Generated dbInstall;
    /** The era's folder under the run's temp dir (its install, allowlist and admin data). */
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

    /**
     * Both eras by default, the file era first; {@code -Dbench.era=file|db|both}, {@code -Dbench.groups=N} (default
     * 10,000) and {@code -Dbench.sessions=N} (default 200,000 at 10,000 groups, else 20 per group) choose a shorter run.
     */
    private void run(Path runDir) throws Exception {
        groupCount = Integer.getInteger("bench.groups", GROUPS);
        sessionCount = Integer.getInteger("bench.sessions", groupCount == GROUPS ? SESSIONS : groupCount * 20);
        String era = System.getProperty("bench.era", "both").trim().toLowerCase(Locale.ROOT);
        if (!List.of("file", "db", "both").contains(era)) {
            line("setup", "bench.era=%s is none of file, db, both: running both", era);
            era = "both";
        }
        line("setup", "NanoClaw drift benchmark, era(s) %s: %d groups, %d sessions per install, seed %d; Java %s, %d"
                + " cores, max heap %d MB; load average %s; temp dir %s", era, groupCount, sessionCount, SEED,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, loadAverage(), runDir);
        if (!era.equals("db")) {
            era("file", runDir.resolve("file"), this::runFileEra, false);
        }
        if (!era.equals("file")) {
            era("db", runDir.resolve("db"), this::runDbEra, false);
        }
        // The application last: a closed Spring context leaves objects behind (see the heap line after each), which
        // would weigh on the next era's in-process figures.
        for (Pending pending : List.copyOf(this.pending)) {
            era(pending.era(), pending.dir(), pending.http(), true);
        }
    }

    /** An era's REST figures, run once every era's in-process figures are in. */
    private record Pending(String era, Path dir, EraRun http) {
    }

    private final List<Pending> pending = new ArrayList<>();

    private interface EraRun {
        void run() throws Exception;
    }

    /**
     * One era's figures; an abort is reported and the other era still runs. The install stays until its REST figures
     * are in ({@code last}), or is deleted now when it aborted before registering them.
     */
    private void era(String name, Path dir, EraRun body, boolean last) {
        tag = name;
        base = dir;
        int registered = pending.size();
        boolean delete = last;
        try {
            Files.createDirectories(dir);
            body.run();
        } catch (Throwable e) {
            line("ABORTED", "%s era: %s", name, e);
            e.printStackTrace(System.out);
            delete = last || pending.size() == registered;
        } finally {
            closeDataSource();
            scanner = null;
            install = null;
            dbInstall = null;
            lastReport = null;
            if (delete && !Boolean.getBoolean("bench.keep")) {
                deleteTree(dir);
            }
        }
    }

    private void runFileEra() throws Exception {
        generate();
        wire(install.root(), install.allowlist());
        floorAndScan();
        breakdown();
        profile();
        BenchInstall.Group codex = install.firstOf(Shape.CODEX); // DB 'codex', file "codex": aligned
        recheckFile(codex.id(), codex.folder());
        memory();
        closeDataSource();
        Path root = install.root();
        Path allowlist = install.allowlist();
        String groupId = install.firstOf(Shape.SESSION_MISMATCH).id();
        pending.add(new Pending(tag, base, () -> http(root, allowlist, groupId)));
    }

    private void runDbEra() throws Exception {
        generateDb();
        wire(dbInstall.root(), dbInstall.allowlist());
        floorAndScan();
        dbCosts();
        profile();
        // row 'codex', legacy 'codex', file materialised with "codex": aligned by either era's rules
        BenchDbInstall.Group codex = dbInstall.alignedCodex();
        recheckFile(codex.id(), codex.folder());
        recheckRow(codex.id());
        memory();
        closeDataSource();
        Path root = dbInstall.root();
        Path allowlist = dbInstall.allowlist();
        String groupId = dbInstall.firstOf(BenchDbInstall.Shape.SESSION_MISMATCH).id();
        pending.add(new Pending(tag, base, () -> http(root, allowlist, groupId)));
    }

    private boolean dbEra() {
        return dbInstall != null;
    }

    private int installGroups() {
        return dbEra() ? dbInstall.groups().size() : install.groups().size();
    }

    /** "10k" for 10,000: the breakdown's labels. */
    private String times() {
        return groupCount % 1000 == 0 ? "x" + groupCount / 1000 + "k" : "x" + groupCount;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. generation

    private void generate() throws Exception {
        long t = System.nanoTime();
        install = BenchInstall.generate(base, groupCount, sessionCount, SEED);
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

    private void generateDb() throws Exception {
        long t = System.nanoTime();
        dbInstall = BenchDbInstall.generate(base, groupCount, sessionCount, SEED);
        double seconds = (System.nanoTime() - t) / 1e9;
        BenchDbInstall.Generated g = dbInstall;
        Map<BenchDbInstall.Shape, Integer> drifted = new EnumMap<>(BenchDbInstall.Shape.class);
        g.shapes().forEach((shape, n) -> {
            if (shape.drifted) {
                drifted.put(shape, n);
            }
        });
        line("generate", "%d groups (%d with a container_configs row, %d without), %d config rows (%d of them"
                + " orphaned), schema_version with %d migrations; %d sessions (%d with an override, %d of them"
                + " mismatching; %d whose group is gone), %d chats, %d container.json files (%.1f MB, avg %d B),"
                + " v2.db %.1f MB, %d orphan folders, in %.1f s", g.groups().size(),
                g.groups().size() - g.groupsWithoutRow(), g.groupsWithoutRow(), g.configRows(), g.orphanRows(),
                BenchDbInstall.MIGRATIONS.size(), g.sessions(), g.overrides(), g.mismatchingOverrides(),
                g.orphanSessions(), g.chats(), g.files(), g.fileBytes() / 1e6, g.fileBytes() / Math.max(1, g.files()),
                g.dbBytes() / 1e6, g.orphanFolders(), seconds);
        line("generate", "groups with a finding by design: %d (%.1f%%): %s", g.driftedGroups(),
                100.0 * g.driftedGroups() / g.groups().size(), drifted);
    }

    private void wire(Path root, Path allowlist) throws SQLException {
        dataSource = sqliteDataSource(root.resolve("data").resolve("v2.db"));
        DetectedEra era = EraDetection.detect(dataSource);
        line("wire", "era detected from the DB: %s (cli_scope %s)%s", era.era(), era.hasCliScope() ? "present" : "absent",
                era.notes().isEmpty() ? "" : "; notes: " + era.notes());
        layout = InstallLayout.of(new InstallProperties(root, base.resolve("admin-data"), Duration.ofSeconds(5), "db"));
        store = new ContainerConfigStore(layout.groups(), (folder, version, bytes, by) -> {
            throw new UnsupportedOperationException("the benchmark never writes through the store");
        }, new AtomicFileWriter());
        // The generated allowlist rather than ~/.config/nanoclaw: the figures must not depend on this machine's home.
        driftProperties = new DriftProperties(allowlist, Duration.ofMinutes(5));
        scanner = new DriftScanner(new JdbcTemplate(dataSource), layout, era, store, new ProvidersProperties(KNOWN),
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
        long[][] tableTimes = new long[3][RUNS];
        double[] ratios = new double[RUNS];
        long checksum = 0;
        long[] rowStats = null;
        long[] fileStats = null;
        boolean db = dbEra();
        for (int i = -WARMUP; i < RUNS; i++) {
            long t0 = System.nanoTime();
            List<String> folders = new ArrayList<>(installGroups());
            long[] rowsRead = floorRows(dataSource, folders, db);
            long t1 = System.nanoTime();
            long[] read = floorFiles(groupsRoot, folders);
            long t2 = System.nanoTime();
            DriftReport report = scanner.scan();
            long t3 = System.nanoTime();
            checksum += rowsRead[0] + read[0];
            lastReport = report;
            if (i >= 0) {
                rows[i] = t1 - t0;
                files[i] = t2 - t1;
                floors[i] = t2 - t0;
                scans[i] = t3 - t2;
                ratios[i] = (double) scans[i] / floors[i];
                rowStats = rowsRead;
                fileStats = read;
                for (int table = 0; table < 3; table++) {
                    tableTimes[table][i] = rowsRead[4 + table];
                }
            }
        }
        floorMedianMs = ms(median(floors));
        long[] listing = time(RUNS, () -> layout.groups().entryNames().size());
        String tables = db
                ? String.format(Locale.ROOT, "%d agent_groups rows (id, name, folder, agent_provider; %.0f ms) + %d"
                        + " container_configs rows (all 14 columns, as ContainerConfigRows reads them; %.0f ms) + %d"
                        + " sessions rows (id, agent_group_id, agent_provider, status; %.0f ms)", rowStats[2],
                        ms(median(tableTimes[0])), rowStats[3], ms(median(tableTimes[1])), rowStats[1],
                        ms(median(tableTimes[2])))
                : String.format(Locale.ROOT, "%d agent_groups rows (id, name, folder, agent_provider; %.0f ms) + %d"
                        + " sessions rows (id, agent_group_id, agent_provider, status; %.0f ms), the 4 columns the scan"
                        + " reads", rowStats[2], ms(median(tableTimes[0])), rowStats[1], ms(median(tableTimes[2])));
        line("floor", "read every row and file, no logic: median %.0f ms, p95 %.0f ms over %d runs after %d warm-ups;"
                + " rows %.0f ms: %s, one read transaction; files %.0f ms: groups/<folder>/container.json of every"
                + " agent_groups row, %d files read whole (%d bytes), %d absent", floorMedianMs,
                ms(percentile(floors, 95)), RUNS, WARMUP, ms(median(rows)), tables, ms(median(files)), fileStats[1],
                fileStats[0], folderlessOrFileless(fileStats));
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
        if (db) {
            dbKinds(byKind);
        }
        target("full scan <= 1.5x floor", ratio <= 1.5, "%.2fx (%.0f ms vs floor %.0f ms)", ratio, median, floorMedianMs);
        target("full scan <= 3x floor (DESIGN.md 8)", ratio <= 3.0, "%.2fx", ratio);
        target("full scan < 1 s", median < 1000, "median %.0f ms, p95 %.0f ms", median, p95);
    }

    private long folderlessOrFileless(long[] fileStats) {
        return installGroups() - fileStats[1];
    }

    /**
     * Every group row, in the DB era every {@code container_configs} row (all 14 columns), and every session row, the
     * columns the file era's scan reads, in one read transaction; returns {checksum, session rows, group rows, config
     * rows}.
     */
    static long[] floorRows(DataSource ds, List<String> folders, boolean configRows) throws SQLException {
        long checksum = 0;
        int sessions = 0;
        int groups = 0;
        int configs = 0;
        long t0;
        long t1;
        long t2;
        long t3;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, folder, agent_provider FROM agent_groups");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String name = rs.getString(2);
                    String folder = rs.getString(3);
                    String provider = rs.getString(4);
                    folders.add(folder);
                    checksum += id.length() + name.length() + (provider == null ? 0 : provider.length());
                    groups++;
                }
            }
            t1 = System.nanoTime();
            if (configRows) {
                try (PreparedStatement ps = c.prepareStatement(FLOOR_CONFIG_ROWS_SQL); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int column = 1; column <= 14; column++) {
                            Object value = column == 7 ? rs.getObject(column) : rs.getString(column);
                            checksum += value == null ? 0 : 1;
                        }
                        configs++;
                    }
                }
            }
            t2 = System.nanoTime();
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
            t3 = System.nanoTime();
            c.commit();
            c.setAutoCommit(true);
        }
        // {checksum, session rows, group rows, config rows, ns on agent_groups, on container_configs, on sessions}
        return new long[] {checksum, sessions, groups, configs, t1 - t0, t2 - t1, t3 - t2};
    }

    /** The bytes of every group's container.json; returns {bytes, files read}. */
    static long[] floorFiles(Path groupsRoot, List<String> folders) throws IOException {
        long bytes = 0;
        long files = 0;
        for (String folder : folders) {
            try {
                bytes += Files.readAllBytes(groupsRoot.resolve(folder).resolve("container.json")).length;
                files++;
            } catch (NoSuchFileException e) {
                // missing file or folder: nothing to read
            }
        }
        return new long[] {bytes, files};
    }

    /** What the DB-era report holds against what the install has by design, for the kinds that follow from the data. */
    private void dbKinds(Map<FindingKind, Long> byKind) {
        Map<String, Long> found = new java.util.LinkedHashMap<>();
        byKind.forEach((kind, n) -> found.put(kind.name(), n));
        long dbKinds = DB_ERA_KINDS.stream().filter(found::containsKey).count();
        StringBuilder compared = new StringBuilder();
        dbInstall.expectedKinds().forEach((kind, expected) -> compared.append(compared.isEmpty() ? "" : ", ")
                .append(kind).append(' ').append(found.getOrDefault(kind, 0L)).append('/').append(expected));
        line("scan", "judged by %s; found/by design: %s", dbKinds > 0
                ? "the DB era's rules (" + dbKinds + " of the " + DB_ERA_KINDS.size() + " DB-only kinds in the report)"
                : "the file era's rules (no DB-only kind in the report: the DB-era rules are not in yet)", compared);
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
                record(steps, "SQL: agent_groups (" + times().substring(1) + " rows)", run, t);
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
            record(steps, "store.read " + times() + " (checks, stat, read, parse)", run, t);
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
            record(steps, "DriftRules.judge " + times() + " (files already read)", run, t);

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
        line("breakdown", "%-66s %7.1f ms", "for reference: 3 plain stat calls per group, " + times(),
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
        line("what-if", "%-66s %7.1f ms", "files: 1 lstat of the folder + open/read + parse, " + times(), ms(median(lean)));
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

    /**
     * DB era: what judging the files against their rows costs at the least, measured step by step on this install with
     * the benchmark's own code (nothing in main): the config rows' SQL, the host's document built from each row (its 5
     * JSON columns parsed), rendered as the host writes it, and compared with the file's bytes; or, instead of bytes,
     * the file parsed and compared as a tree (the catalogue's "key order ignored").
     */
    private void dbCosts() throws Exception {
        Path groupsRoot = layout.groups().root();
        List<String[]> groupRows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SCAN_GROUPS_SQL);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                groupRows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        List<byte[]> fileBytes = new ArrayList<>();
        for (String[] g : groupRows) {
            try {
                fileBytes.add(Files.readAllBytes(groupsRoot.resolve(g[2]).resolve("container.json")));
            } catch (NoSuchFileException e) {
                fileBytes.add(null);
            }
        }
        long[] sql = new long[BREAKDOWN_RUNS];
        long[] build = new long[BREAKDOWN_RUNS];
        long[] render = new long[BREAKDOWN_RUNS];
        long[] bytesEqual = new long[BREAKDOWN_RUNS];
        long[] treeEqual = new long[BREAKDOWN_RUNS];
        int equalBytes = 0;
        int equalTrees = 0;
        int invalid = 0;
        int compared = 0;
        for (int run = -1; run < BREAKDOWN_RUNS; run++) {
            long t0 = System.nanoTime();
            Map<String, BenchDbInstall.Row> rows = new HashMap<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FLOOR_CONFIG_ROWS_SQL);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object max = rs.getObject(7);
                    rows.put(rs.getString(1), new BenchDbInstall.Row(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), max instanceof Number n ? n.intValue() : null,
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getString(13), rs.getString(14)));
                }
            }
            long t1 = System.nanoTime();
            List<tools.jackson.databind.node.ObjectNode> documents = new ArrayList<>(groupRows.size());
            int bad = 0;
            for (String[] g : groupRows) {
                BenchDbInstall.Row row = rows.get(g[0]);
                tools.jackson.databind.node.ObjectNode document = null;
                if (row != null) {
                    try {
                        document = BenchDbInstall.document(g[0], g[1], row);
                    } catch (RuntimeException e) {
                        bad++; // a JSON column that does not parse: CONFIG_ROW_INVALID, nothing to compare
                    }
                }
                documents.add(document);
            }
            long t2 = System.nanoTime();
            List<byte[]> rendered = new ArrayList<>(documents.size());
            for (tools.jackson.databind.node.ObjectNode document : documents) {
                rendered.add(document == null ? null : ContainerConfigFormat.renderBytes(
                        io.nanoclaw.admin.containerconfig.ContainerConfigDocument.of(document)));
            }
            long t3 = System.nanoTime();
            int same = 0;
            int pairs = 0;
            for (int i = 0; i < rendered.size(); i++) {
                if (rendered.get(i) != null && fileBytes.get(i) != null) {
                    pairs++;
                    if (Arrays.equals(rendered.get(i), fileBytes.get(i))) {
                        same++;
                    }
                }
            }
            long t4 = System.nanoTime();
            int sameTrees = 0;
            for (int i = 0; i < documents.size(); i++) {
                if (documents.get(i) != null && fileBytes.get(i) != null) {
                    ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(fileBytes.get(i));
                    if (parsed.state() == ConfigFileState.OK && parsed.document().toJson().equals(documents.get(i))) {
                        sameTrees++;
                    }
                }
            }
            long t5 = System.nanoTime();
            if (run >= 0) {
                sql[run] = t1 - t0;
                build[run] = t2 - t1;
                render[run] = t3 - t2;
                bytesEqual[run] = t4 - t3;
                treeEqual[run] = t5 - t4;
                equalBytes = same;
                equalTrees = sameTrees;
                invalid = bad;
                compared = pairs;
            }
        }
        line("cost", "%-70s %7.1f ms", "SQL: container_configs, 14 columns into records", ms(median(sql)));
        line("cost", "%-70s %7.1f ms", "the host's document from each row (5 JSON columns parsed), " + times(),
                ms(median(build)));
        line("cost", "%-70s %7.1f ms", "  then rendered as the host writes it (JSON.stringify(doc, null, 2))",
                ms(median(render)));
        line("cost", "%-70s %7.1f ms", "  then compared with the file's bytes (already in memory)",
                ms(median(bytesEqual)));
        line("cost", "%-70s %7.1f ms", "or: file parsed + tree compared with the document (bytes in memory)",
                ms(median(treeEqual)));
        line("cost", "%d rows with a file compared: %d equal byte for byte, %d as trees; %d rows whose JSON does not"
                + " parse", compared, equalBytes, equalTrees, invalid);
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

    /**
     * The group's container.json rewritten in place (as NanoClaw and hand edits do), alternately aligned and with its
     * provider changed from codex to claude, each followed by {@code scanGroup}: in the file era a group provider
     * mismatch, in the DB era a file that diverges from its row.
     */
    private void recheckFile(String groupId, String folder) throws IOException {
        Path file = layout.groups().root().resolve(folder).resolve("container.json");
        byte[] original = Files.readAllBytes(file);
        String text = new String(original, StandardCharsets.UTF_8);
        byte[] drifted = text.replace("\"provider\": \"codex\"", "\"provider\": \"claude\"").getBytes(StandardCharsets.UTF_8);
        try {
            recheck("scanGroup after rewriting its container.json", groupId,
                    drift -> Files.write(file, drift ? drifted : original));
        } finally {
            Files.write(file, original);
        }
    }

    /**
     * DB era: the group's {@code container_configs.provider} set by SQL (as {@code ncl groups config} or a skill does),
     * alternately codex (aligned with its file) and claude (the file now diverges from the row), each followed by
     * {@code scanGroup}. Only the DB era's rules can see this change.
     */
    private void recheckRow(String groupId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE container_configs SET provider = ?, updated_at = ? WHERE agent_group_id = ?")) {
            try {
                recheck("scanGroup after an SQL update of its config row's provider", groupId, drift -> {
                    update.setString(1, drift ? "claude" : "codex");
                    update.setString(2, Instant.now().toString());
                    update.setString(3, groupId);
                    if (update.executeUpdate() != 1) {
                        throw new IllegalStateException("no config row for " + groupId);
                    }
                });
            } finally {
                update.setString(1, "codex");
                update.setString(2, Instant.now().toString());
                update.setString(3, groupId);
                update.executeUpdate();
            }
        }
    }

    private interface Change {
        void apply(boolean drift) throws Exception;
    }

    private void recheck(String what, String groupId, Change change) throws IOException {
        long[] runs = new long[RECHECKS];
        int drifts = 0;
        int aligns = 0;
        GroupStatus[] statuses = new GroupStatus[2];
        for (int i = -RECHECK_WARMUP; i < RECHECKS; i++) {
            boolean drift = (i & 1) == 1;
            try {
                change.apply(drift);
            } catch (Exception e) {
                throw new IOException(e);
            }
            long t = System.nanoTime();
            DriftReport report = scanner.scanGroup(groupId).orElseThrow();
            long elapsed = System.nanoTime() - t;
            GroupStatus status = report.groups().get(0).status();
            if (i >= 0) {
                runs[i] = elapsed;
                statuses[drift ? 1 : 0] = status;
                if (drift && status == GroupStatus.DRIFTED) {
                    drifts++;
                } else if (!drift && status == GroupStatus.ALIGNED) {
                    aligns++;
                }
            }
        }
        double median = ms(median(runs));
        double p99 = ms(percentile(runs, 99));
        line("recheck", "%s: median %.2f ms, p99 %.2f ms, max %.2f ms over %d checks (%d warm-ups); drift seen in"
                + " %d/%d, alignment in %d/%d (last statuses: aligned state %s, drifted state %s)", what, median, p99,
                ms(Arrays.stream(runs).max().orElse(0)), RECHECKS, RECHECK_WARMUP, drifts, RECHECKS / 2, aligns,
                RECHECKS / 2, statuses[0], statuses[1]);
        target("one-group re-check < 50 ms", p99 < 50, "p99 %.2f ms; %s", p99, what);
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
                + " findings) retains about %.1f MB; scans during the loop: median %.0f ms; load average %s", before / 1e6,
                MEMORY_SCANS, after / 1e6, delta / 1e6, findings, (after - withoutReport) / 1e6, ms(median(runs)),
                loadAverage());
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

    private void http(Path root, Path allowlist, String groupId) throws Exception {
        Path dataDir = base.resolve("admin-data");
        long heapBefore = usedAfterGc();
        try {
            httpCalls(root, allowlist, groupId, dataDir);
        } finally {
            long heapAfter = usedAfterGc();
            line("http", "application closed: used heap after GC %.1f MB, %+.1f MB against before it started (what the"
                    + " closed context leaves reachable)", heapAfter / 1e6, (heapAfter - heapBefore) / 1e6);
        }
    }

    private void httpCalls(Path root, Path allowlist, String groupId, Path dataDir) throws Exception {
        long t = System.nanoTime();
        SpringApplication application = new SpringApplication(NanoclawAdminApplication.class);
        try (ConfigurableApplicationContext context = application.run("--server.port=0",
                "--nanoclaw.install-root=" + root, "--nanoclaw.data-dir=" + dataDir,
                "--nanoclaw.admin.token=" + TOKEN, "--logging.level.root=WARN",
                "--nanoclaw.mount-allowlist=" + allowlist, "--nanoclaw.scan-interval=1h")) {
            double startup = (System.nanoTime() - t) / 1e9;
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI drift = URI.create("http://127.0.0.1:" + port + "/api/drift");
            URI scan = URI.create("http://127.0.0.1:" + port + "/api/drift/scan");
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
        String label = section.equals("setup") || section.equals("TARGET") || section.equals("ABORTED") ? section
                : tag + " " + section;
        String text = String.format(Locale.ROOT, "[%-14s] ", label) + String.format(Locale.ROOT, format, args);
        System.out.println(text);
        summary.add(text);
    }

    private void target(String name, boolean pass, String format, Object... args) {
        line("TARGET", "%-5s %-40s %s  (%s)", tag + ":", name, pass ? "PASS" : "FAIL",
                String.format(Locale.ROOT, format, args));
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
