package io.nanoclaw.admin.drift;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.ContainerConfigRows;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.InstallLayout;

/**
 * Notices changes others make to the install and re-checks only the groups they touch, between full scans:
 * container.json files and group folders through Java's watch service (with a poll of every file's size and time as
 * the fallback, and as a safety net every few rounds), and NanoClaw's DB through SQLite's {@code PRAGMA data_version}
 * (which moves when another connection commits), then a cheap per-group fingerprint of what the rules read (the group
 * row, its config row, its overriding sessions) to find which groups changed.
 */
@Component
class InstallWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InstallWatcher.class);
    private static final String FILE = "container.json";

    private final DriftService drift;
    private final DataSource dataSource;
    private final InstallLayout install;
    private final DetectedEra era;
    private final ContainerConfigRows configRows;
    private final WatchProperties properties;
    private final java.util.List<DbChangeListener> dbListeners;
    private volatile Thread thread;
    private volatile boolean running;

    private WatchService watchService;
    private final Map<WatchKey, String> watchedFolders = new HashMap<>();
    private boolean eventsWork;
    private Map<String, String> fileStamps = Map.of();
    private Map<String, String> groupPrints = Map.of();
    private long dataVersion = Long.MIN_VALUE;
    private String sessionsStamp;

    InstallWatcher(DriftService drift, DataSource dataSource, InstallLayout install, DetectedEra era,
            ContainerConfigRows configRows, WatchProperties properties, java.util.List<DbChangeListener> dbListeners) {
        this.dbListeners = dbListeners;
        this.drift = drift;
        this.dataSource = dataSource;
        this.install = install;
        this.era = era;
        this.configRows = configRows;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Watching the install is off (nanoclaw.watch.enabled=false): others' changes show at the next scan");
            return;
        }
        running = true;
        thread = new Thread(this::run, "install-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread watching = thread;
        if (watching != null) {
            watching.interrupt();
            try {
                watching.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeWatchService();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        drift.latest(); // the first full scan is the base the watcher compares with
        openWatchService();
        fileStamps = fileStamps();
        try (Connection connection = dataSource.getConnection()) {
            groupPrints = groupPrints(connection);
            dataVersion = dataVersion(connection);
            long round = 0;
            while (running) {
                Thread.sleep(properties.interval().toMillis());
                round++;
                try {
                    Set<String> folders = new HashSet<>(folderEvents());
                    if (!eventsWork || round % Math.max(1, properties.pollEvery()) == 0) {
                        folders.addAll(polledFolders());
                    }
                    Set<String> groups = changedGroups(connection);
                    recheck(folders, groups);
                } catch (SQLException | RuntimeException e) {
                    log.warn("Watching the install: {} (trying again)", e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            log.warn("Cannot watch NanoClaw's DB ({}); others' changes show at the next scan", e.getMessage());
        } finally {
            closeWatchService();
        }
    }

    private void recheck(Set<String> folders, Set<String> groups) {
        if (folders.isEmpty() && groups.isEmpty()) {
            return;
        }
        DriftReport report = drift.latest();
        Set<String> ids = new HashSet<>(groups);
        Set<String> known = new HashSet<>();
        for (GroupDrift group : report.groups()) {
            known.add(group.folder());
            if (folders.contains(group.folder())) {
                ids.add(group.id());
            }
        }
        boolean foldersOfNoGroup = folders.stream().anyMatch(folder -> !known.contains(folder));
        log.debug("Install changed: folders {}, groups {}", folders, groups);
        if (!ids.isEmpty()) {
            drift.recheck(ids, DriftListener.Cause.OUTSIDE_CHANGE);
        }
        if (foldersOfNoGroup) {
            drift.recheckOrphanFolders();
        }
    }

    // ---- files ---------------------------------------------------------------------------------------------------

    private void openWatchService() {
        try {
            watchService = FileSystems.getDefault().newWatchService();
            Path root = install.groups().root();
            if (Files.isDirectory(root)) {
                watchedFolders.put(root.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE), "");
                for (String name : install.groups().entryNames()) {
                    watch(name);
                }
            }
            eventsWork = true;
        } catch (IOException | RuntimeException e) {
            log.info("No file events for {} ({}): polling every {}", install.groups().root(), e.getMessage(),
                    properties.interval());
            eventsWork = false;
        }
    }

    private void watch(String name) throws IOException {
        Path folder = install.groups().root().resolve(name);
        if (Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            watchedFolders.put(folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), name);
        }
    }

    /** The folders whose container.json (or whose own entry under groups/) an event named since the last round. */
    private Set<String> folderEvents() {
        Set<String> folders = new HashSet<>();
        if (!eventsWork) {
            return folders;
        }
        try {
            WatchKey key;
            while ((key = watchService.poll()) != null) {
                String folder = watchedFolders.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        folders.addAll(polledFolders());
                    } else if ("".equals(folder)) {
                        String name = event.context().toString();
                        folders.add(name);
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                            watch(name);
                        }
                    } else if (folder != null && event.context().toString().equals(FILE)) {
                        folders.add(folder);
                    }
                }
                if (!key.reset()) {
                    watchedFolders.remove(key);
                }
            }
        } catch (ClosedWatchServiceException | IOException e) {
            eventsWork = false;
        }
        return folders;
    }

    /** The folders whose container.json changed size, time or presence (or which came or went) since the last poll. */
    private Set<String> polledFolders() {
        Map<String, String> now = fileStamps();
        Set<String> changed = new HashSet<>();
        for (Map.Entry<String, String> entry : now.entrySet()) {
            if (!entry.getValue().equals(fileStamps.get(entry.getKey()))) {
                changed.add(entry.getKey());
            }
        }
        for (String gone : fileStamps.keySet()) {
            if (!now.containsKey(gone)) {
                changed.add(gone);
            }
        }
        fileStamps = now;
        return changed;
    }

    private Map<String, String> fileStamps() {
        Map<String, String> stamps = new HashMap<>();
        List<String> names;
        try {
            names = install.groups().entryNames();
        } catch (RuntimeException e) {
            return stamps;
        }
        for (String name : names) {
            Path file = install.groups().root().resolve(name).resolve(FILE);
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamps.put(name, attributes.size() + "@" + attributes.lastModifiedTime().toMillis() + "#"
                        + attributes.fileKey());
            } catch (IOException e) {
                stamps.put(name, Files.isDirectory(file.getParent()) ? "no file" : "no folder");
            }
        }
        return stamps;
    }

    private void closeWatchService() {
        WatchService service = watchService;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // closing at stop: nothing left to do
            }
        }
    }

    // ---- the DB --------------------------------------------------------------------------------------------------

    /** The groups whose rows changed, when the DB says something was committed since the last look. */
    private Set<String> changedGroups(Connection connection) throws SQLException {
        long version = dataVersion(connection);
        if (version != Long.MIN_VALUE && version == dataVersion) {
            return Set.of();
        }
        dataVersion = version;
        // Without a change counter (the H2 demo), a cheap stamp of the sessions stands in for it.
        String sessions = version == Long.MIN_VALUE ? sessionsStamp(connection) : null;
        boolean moved = version != Long.MIN_VALUE || !Objects.equals(sessions, sessionsStamp);
        sessionsStamp = sessions;
        Map<String, String> now = groupPrints(connection);
        Set<String> changed = new HashSet<>();
        now.forEach((id, print) -> {
            if (!print.equals(groupPrints.get(id))) {
                changed.add(id);
            }
        });
        groupPrints.keySet().stream().filter(id -> !now.containsKey(id)).forEach(changed::add);
        groupPrints = now;
        if (moved || !changed.isEmpty()) {
            dbListeners.forEach(DbChangeListener::dbChanged);
        }
        return changed;
    }

    private static String sessionsStamp(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT COUNT(*), MAX(last_active), MAX(created_at), SUM(CASE WHEN status = 'active' THEN 1 ELSE 0 END)"
                        + " FROM sessions")) {
            return rs.next() ? rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4) : "";
        }
    }

    /** SQLite's count of commits by other connections; MIN_VALUE where the DB has none (the H2 demo: always look). */
    private static long dataVersion(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA data_version")) {
            return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
        } catch (SQLException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Per group, a fingerprint of what the rules read from the DB: its row, its config row, its overrides. */
    private Map<String, String> groupPrints(Connection connection) throws SQLException {
        Map<String, StringBuilder> prints = new HashMap<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement statement = connection.prepareStatement(DriftScanner.GROUPS_SQL);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    prints.put(rs.getString(1), new StringBuilder().append(rs.getString(2)).append('|')
                            .append(rs.getString(3)).append('|').append(rs.getString(4)));
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT agent_group_id, id, agent_provider,"
                    + " status FROM sessions WHERE agent_provider IS NOT NULL ORDER BY agent_group_id, id");
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    StringBuilder print = prints.get(rs.getString(1));
                    if (print != null) {
                        print.append("|s:").append(rs.getString(2)).append('=').append(rs.getString(3)).append('/')
                                .append(rs.getString(4));
                    }
                }
            }
            if (era.era().isDbConfig()) {
                for (ContainerConfigRow row : configRows.findAll(connection)) {
                    StringBuilder print = prints.get(row.agentGroupId());
                    if (print != null) {
                        print.append("|c:").append(row.columns());
                    }
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        Map<String, String> result = new HashMap<>();
        prints.forEach((id, print) -> result.put(id, print.toString()));
        return result;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
