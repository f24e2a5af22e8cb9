package io.nanoclaw.admin.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.SampleInstall;

/**
 * kill -9 during changes: a child JVM ({@link ChangeLoop}) makes changes as fast as it can on a copy of a sample
 * install and is killed with SIGKILL at a random moment, again and again. After each restart (the service's recovery
 * runs before it says it is ready) every group the loop changes has its DB side and its container.json agreeing on the
 * provider, the name and (DB era) the image tag (or both still as the sample had them), every created group has its row and its folder or neither, every container.json
 * that parsed still parses, and none of the service's temp files is left. Bounded: a fixed number of kills, each
 * child start waited for at most a minute.
 */
class KillDuringChangesTest {

    private static final int KILLS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyChangeIsWhollyThereOrWhollyAbsentAfterAKillInTheFileEra(@TempDir Path temp) throws Exception {
        Path install = SampleInstall.copyTo(temp.resolve("install"));
        run(install, temp.resolve("data"), List.of("main", "research", "family"), false);
    }

    @Test
    void everyChangeIsWhollyThereOrWhollyAbsentAfterAKillInTheDbEra(@TempDir Path temp) throws Exception {
        Path install = SampleInstall.copyDbEraTo(temp.resolve("install"));
        run(install, temp.resolve("data"), List.of("main", "ops-bot", "coder"), true);
    }

    private void run(Path install, Path data, List<String> targets, boolean dbEra) throws Exception {
        Map<String, Side> initial = sides(install, targets, dbEra);
        List<String> parsedAtStart = parsingFiles(install);
        Random random = new Random(42);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger undone = new AtomicInteger();
        for (int kill = 0; kill <= KILLS; kill++) {
            Child child = Child.start(install, data, targets, kill, finished, undone);
            try {
                check(install, targets, dbEra, initial, parsedAtStart, "after restart " + kill);
                if (kill == KILLS) {
                    break;
                }
                child.go();
                Thread.sleep(150 + random.nextInt(1200));
            } finally {
                child.kill();
            }
        }
        int created = count(install, "SELECT COUNT(*) FROM agent_groups WHERE folder LIKE 'crash-%'");
        System.out.printf("kill -9 during changes (%s era): %d kills, %d changes finished and %d undone at restart,"
                + " %d created groups standing%n", dbEra ? "DB-config" : "file", KILLS, finished.get(), undone.get(),
                created);
        assertThat(finished.get() + undone.get()).as("the kills interrupted changes, and recovery saw them")
                .isPositive();
    }

    /** A group's provider, name and (DB era) image tag, in NanoClaw's DB and in its container.json. */
    private record Side(String db, String file, String name, String fileName, String dbImageTag, String fileImageTag) {
    }

    private static void check(Path install, List<String> targets, boolean dbEra, Map<String, Side> initial,
            List<String> parsedAtStart, String when) throws Exception {
        for (Map.Entry<String, Side> entry : sides(install, targets, dbEra).entrySet()) {
            Side side = entry.getValue();
            Side start = initial.get(entry.getKey());
            boolean providerAsAtStart = equal(side.db(), start.db()) && equal(side.file(), start.file());
            assertThat(providerAsAtStart || equal(side.db(), side.file()))
                    .as("%s: groups/%s provider: DB %s, container.json %s", when, entry.getKey(), side.db(), side.file())
                    .isTrue();
            boolean nameAsAtStart = equal(side.name(), start.name()) && equal(side.fileName(), start.fileName());
            assertThat(nameAsAtStart || equal(side.name(), side.fileName()))
                    .as("%s: groups/%s name: DB %s, container.json %s", when, entry.getKey(), side.name(),
                            side.fileName())
                    .isTrue();
            if (dbEra) {
                boolean tagAsAtStart = equal(side.dbImageTag(), start.dbImageTag())
                        && equal(side.fileImageTag(), start.fileImageTag());
                assertThat(tagAsAtStart || equal(side.dbImageTag(), side.fileImageTag()))
                        .as("%s: groups/%s imageTag: row %s, container.json %s", when, entry.getKey(),
                                side.dbImageTag(), side.fileImageTag())
                        .isTrue();
            }
        }
        List<String> rows = folders(install, "SELECT folder FROM agent_groups WHERE folder LIKE 'crash-%'");
        List<String> folders;
        try (Stream<Path> list = Files.list(install.resolve("groups"))) {
            folders = list.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("crash-"))
                    .sorted().toList();
        }
        assertThat(folders).as("%s: the created groups' folders are those of their rows", when)
                .containsExactlyElementsOf(rows.stream().sorted().toList());
        Map<String, Side> created = sides(install, rows, dbEra);
        created.forEach((folder, side) -> assertThat(equal(side.db(), side.file()))
                .as("%s: created groups/%s: DB %s, container.json %s", when, folder, side.db(), side.file()).isTrue());
        if (dbEra) {
            assertThat(count(install, "SELECT COUNT(*) FROM agent_groups g WHERE folder LIKE 'crash-%' AND NOT EXISTS"
                    + " (SELECT 1 FROM container_configs c WHERE c.agent_group_id = g.id)"))
                    .as("%s: every created group has its container_configs row", when).isZero();
            assertThat(count(install, "SELECT COUNT(*) FROM container_configs c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM agent_groups g WHERE g.id = c.agent_group_id)"))
                    .as("%s: no row outlives its group", when).isZero();
        }
        try (Stream<Path> all = Files.walk(install.resolve("groups"))) {
            assertThat(all.map(path -> path.getFileName().toString()).filter(name -> name.contains("nanoclaw-admin-")))
                    .as("%s: temp files left", when).isEmpty();
        }
        List<String> parsing = parsingFiles(install);
        assertThat(parsing).as("%s: every container.json that parsed still parses", when).containsAll(parsedAtStart);
        for (String folder : rows) {
            assertThat(parsing).as("%s: created groups/%s/container.json parses", when, folder).contains(folder);
        }
    }

    private static Map<String, Side> sides(Path install, List<String> folders, boolean dbEra) throws Exception {
        Map<String, Side> sides = new HashMap<>();
        try (Connection db = open(install)) {
            for (String folder : folders) {
                String sql = dbEra ? "SELECT c.provider, g.name, c.image_tag FROM agent_groups g LEFT JOIN container_configs c"
                        + " ON c.agent_group_id = g.id WHERE g.folder = ?"
                        : "SELECT agent_provider, name FROM agent_groups WHERE folder = ?";
                try (var statement = db.prepareStatement(sql)) {
                    statement.setString(1, folder);
                    try (ResultSet row = statement.executeQuery()) {
                        if (!row.next()) {
                            continue;
                        }
                        JsonNode file = parse(install.resolve("groups").resolve(folder).resolve("container.json"));
                        sides.put(folder, new Side(row.getString(1), text(file, "provider"), row.getString(2),
                                text(file, "groupName"), dbEra ? row.getString(3) : null,
                                dbEra ? text(file, "imageTag") : null));
                    }
                }
            }
        }
        return sides;
    }

    private static List<String> parsingFiles(Path install) throws IOException {
        List<String> parsing = new ArrayList<>();
        try (Stream<Path> folders = Files.list(install.resolve("groups"))) {
            for (Path folder : folders.sorted().toList()) {
                if (parse(folder.resolve("container.json")) != null) {
                    parsing.add(folder.getFileName().toString());
                }
            }
        }
        return parsing;
    }

    private static JsonNode parse(Path file) {
        try {
            return Files.isRegularFile(file) ? JSON.readTree(Files.readString(file)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode file, String key) {
        return file == null || !file.path(key).isString() ? null : file.get(key).stringValue();
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static List<String> folders(Path install, String sql) throws SQLException {
        List<String> folders = new ArrayList<>();
        try (Connection db = open(install); var statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                folders.add(rows.getString(1));
            }
        }
        return folders;
    }

    private static int count(Path install, String sql) throws SQLException {
        try (Connection db = open(install); var statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection open(Path install) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + install.resolve("data/v2.db"));
    }

    /** One child JVM running {@link ChangeLoop}, its output read on a thread. */
    private record Child(Process process, CountDownLatch ready) {

        static Child start(Path install, Path data, List<String> targets, int seed, AtomicInteger finished,
                AtomicInteger undone) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    ChangeLoop.class.getName(), "--nanoclaw.install-root=" + install, "--nanoclaw.data-dir=" + data,
                    "--server.port=0", "--server.address=127.0.0.1", "--nanoclaw.scan-interval=1h",
                    "--nanoclaw.admin.token=kill-test-token", "--spring.main.banner-mode=off",
                    "--loop.seed=" + seed, "--loop.targets=" + String.join(",", targets)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (line.contains(ChangeLoop.READY)) {
                            ready.countDown();
                        } else if (line.contains("Finished at start after a crash")) {
                            finished.incrementAndGet();
                        } else if (line.contains("Undone at start after a crash")) {
                            undone.incrementAndGet();
                        } else if (line.contains("ERROR") || line.contains("Exception")) {
                            System.out.println("child: " + line);
                        }
                    }
                } catch (IOException e) {
                    // the child was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!ready.await(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the service did not start within a minute after kill " + seed);
            }
            return new Child(process, ready);
        }

        void go() {
            try {
                OutputStream in = process.getOutputStream();
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** SIGKILL on Unix: no shutdown hook, no finally block runs in the child. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
