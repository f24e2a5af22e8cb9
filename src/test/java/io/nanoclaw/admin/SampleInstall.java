package io.nanoclaw.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * The project's sample installs ({@code src/test/fixtures}, copied from the shared fixtures with the scripts that build
 * them): {@code sample-install} of the file era and {@code sample-db-install} of the DB-config era. Tests always work on
 * a copy: the fixtures are never changed.
 */
public final class SampleInstall {

    public static final String MAIN_ID = "ag-1776160800000-main01";
    public static final String OPS_BOT_ID = "ag-1776161000000-drift1";
    public static final String TRAVEL_ID = "ag-1776161400000-ident1";
    public static final String FAMILY_ID = "ag-1776161100000-ocode1";
    public static final String WRITER_ID = "ag-1776161200000-broke1";
    public static final String SCRATCH_ID = "ag-1776161300000-nofile";
    public static final String SUPPORT_ID = "ag-1776161500000-sessov";
    public static final String ARCHIVE_ID = "ag-1776161600000-gone02";
    public static final int GROUPS = 9;
    public static final int SESSIONS = 25;

    private SampleInstall() {
    }

    public static Path fixtures() {
        String configured = System.getProperty("nanoclaw.fixtures");
        Path path = configured != null ? Paths.get(configured) : Paths.get("src", "test", "fixtures");
        return path.toAbsolutePath().normalize();
    }

    public static Path original() {
        return fixtures().resolve("sample-install");
    }

    /** The DB-config era's sample install. */
    public static Path originalDbEra() {
        return fixtures().resolve("sample-db-install");
    }

    /** Every file and folder under root, each file with the hash of its bytes: equal snapshots = nothing changed. */
    public static java.util.Map<String, String> snapshot(Path root) {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String name = root.relativize(path).toString();
                files.put(name, Files.isDirectory(path) ? "dir"
                        : io.nanoclaw.admin.containerconfig.FileVersion.of(Files.readAllBytes(path)).value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * Puts an install that tests change back as the sample has it, through the service's own DataSource (which stays
     * open): every row of {@code tables} (parents first) and every group folder.
     */
    public static void putBack(javax.sql.DataSource dataSource, Path original, Path install, java.util.List<String> tables)
            throws Exception {
        try (var connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ATTACH DATABASE '" + original.resolve("data/v2.db") + "' AS sample");
            try {
                for (int i = tables.size() - 1; i >= 0; i--) {
                    statement.execute("DELETE FROM main." + tables.get(i));
                }
                for (String table : tables) {
                    statement.execute("INSERT INTO main." + table + " SELECT * FROM sample." + table);
                }
            } finally {
                statement.execute("DETACH DATABASE sample");
            }
        }
        Path groups = install.resolve("groups");
        try (Stream<Path> paths = Files.walk(groups)) {
            paths.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(groups)).forEach(p -> p.toFile().delete());
        }
        Path sampleGroups = original.resolve("groups");
        try (Stream<Path> paths = Files.walk(sampleGroups)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = groups.resolve(sampleGroups.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    /** Copies the sample install into {@code target} (created if needed) and returns it. */
    public static Path copyTo(Path target) {
        return copy(original(), target);
    }

    /** Copies the DB-config era's sample install into {@code target} (created if needed) and returns it. */
    public static Path copyDbEraTo(Path target) {
        return copy(originalDbEra(), target);
    }

    private static Path copy(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the sample install from " + source, e);
        }
        return target;
    }
}
