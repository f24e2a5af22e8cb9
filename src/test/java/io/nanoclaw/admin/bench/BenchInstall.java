package io.nanoclaw.admin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;

/**
 * Generates a large NanoClaw install in the seed-era format ({@code src/test/fixtures/make-sample-install.py}):
 * {@code data/v2.db} with NanoClaw's DDL, {@code groups/<folder>/container.json} rendered as NanoClaw writes it, the
 * providers' index files, and a mount allowlist outside the install root. Deterministic for a given seed. About 5% of
 * the groups drift in one of the catalogue's ways; the rest are aligned.
 */
final class BenchInstall {

    static final String DDL = """
            CREATE TABLE agent_groups (
              id               TEXT PRIMARY KEY,
              name             TEXT NOT NULL,
              folder           TEXT NOT NULL UNIQUE,
              agent_provider   TEXT,
              created_at       TEXT NOT NULL
            );
            CREATE TABLE messaging_groups (
              id                    TEXT PRIMARY KEY,
              channel_type          TEXT NOT NULL,
              platform_id           TEXT NOT NULL,
              name                  TEXT,
              is_group              INTEGER DEFAULT 0,
              unknown_sender_policy TEXT NOT NULL DEFAULT 'strict',
              created_at            TEXT NOT NULL,
              denied_at             TEXT,
              UNIQUE(channel_type, platform_id)
            );
            CREATE TABLE messaging_group_agents (
              id                 TEXT PRIMARY KEY,
              messaging_group_id TEXT NOT NULL REFERENCES messaging_groups(id),
              agent_group_id     TEXT NOT NULL REFERENCES agent_groups(id),
              session_mode       TEXT DEFAULT 'shared',
              priority           INTEGER DEFAULT 0,
              created_at         TEXT NOT NULL,
              engage_mode            TEXT,
              engage_pattern         TEXT,
              sender_scope           TEXT,
              ignored_message_policy TEXT,
              UNIQUE(messaging_group_id, agent_group_id)
            );
            CREATE TABLE sessions (
              id                 TEXT PRIMARY KEY,
              agent_group_id     TEXT NOT NULL REFERENCES agent_groups(id),
              messaging_group_id TEXT REFERENCES messaging_groups(id),
              thread_id          TEXT,
              agent_provider     TEXT,
              status             TEXT DEFAULT 'active',
              container_status   TEXT DEFAULT 'stopped',
              last_active        TEXT,
              created_at         TEXT NOT NULL
            );
            CREATE INDEX idx_sessions_agent_group ON sessions(agent_group_id);
            CREATE INDEX idx_sessions_lookup ON sessions(messaging_group_id, thread_id);
            """;

    /** 2026-04-14T10:00:00Z, as in the sample install. */
    static final long T0 = 1776160800000L;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] ADJECTIVES = {"Quiet", "Rapid", "Amber", "Lunar", "Brave", "Clever", "Misty", "Solar",
        "Silver", "Golden", "Hidden", "Lucky", "Noble", "Polar", "Rusty", "Velvet"};
    private static final String[] NOUNS = {"Falcon", "Harbor", "Atlas", "Beacon", "Comet", "Delta", "Ember", "Fjord",
        "Garden", "Heron", "Island", "Juniper", "Kestrel", "Lantern", "Meadow", "Orchid", "Pilot", "Quarry"};
    private static final String[] CHANNELS = {"whatsapp", "telegram", "discord", "slack"};
    private static final String[] APT = {"ffmpeg", "imagemagick", "poppler-utils", "jq", "ripgrep", "pandoc"};
    private static final String[] NPM = {"@modelcontextprotocol/server-github", "typescript", "prettier", "zod"};
    private static final String[] SKILLS = {"web-search", "calendar", "notes", "browser", "pdf"};

    /** What a group looks like: aligned shapes first, then the drifted ones. */
    enum Shape {
        PLAIN(false), CLAUDE(false), CODEX(false), OPENCODE(false), MOUNT_OK(false),
        DB_CODEX_FILE_DEFAULT(true), DB_CLAUDE_FILE_OPENCODE(true), MALFORMED(true), FILE_MISSING(true),
        FOLDER_MISSING(true), IDENTITY_STALE(true), IDENTITY_STALE_UNKNOWN_KEYS(true), SESSION_MISMATCH(true),
        MOUNT_REJECTED(true), PROVIDER_UNKNOWN(true);

        final boolean drifted;

        Shape(boolean drifted) {
            this.drifted = drifted;
        }
    }

    /** How many groups of each drifted shape per 10,000 groups (and aligned ones other than PLAIN). */
    private static final Map<Shape, Integer> PER_10K = new EnumMap<>(Map.ofEntries(
            Map.entry(Shape.CLAUDE, 1500), Map.entry(Shape.CODEX, 1000), Map.entry(Shape.OPENCODE, 500),
            Map.entry(Shape.MOUNT_OK, 200),
            Map.entry(Shape.DB_CODEX_FILE_DEFAULT, 120), Map.entry(Shape.DB_CLAUDE_FILE_OPENCODE, 80),
            Map.entry(Shape.MALFORMED, 30), Map.entry(Shape.FILE_MISSING, 30), Map.entry(Shape.FOLDER_MISSING, 10),
            Map.entry(Shape.IDENTITY_STALE, 50), Map.entry(Shape.IDENTITY_STALE_UNKNOWN_KEYS, 50),
            Map.entry(Shape.SESSION_MISMATCH, 120), Map.entry(Shape.MOUNT_REJECTED, 20),
            Map.entry(Shape.PROVIDER_UNKNOWN, 10)));

    static final int MISMATCH_SESSIONS_PER_GROUP = 8;
    static final int REDUNDANT_OVERRIDES = 1900;
    static final int ODD_OVERRIDES = 20; // each: '' and upper-case
    static final int ORPHAN_SESSIONS = 10;
    static final int ORPHAN_FOLDERS = 5;
    static final int CHATS = 3000;

    /**
     * What the shared DB writer ({@link #writeCore}) needs of a group, in either era: its {@code agent_groups} row,
     * the provider its sessions' containers run, and which sessions it gets.
     */
    interface CoreGroup {
        int index();

        String id();

        String name();

        String folder();

        /** {@code agent_groups.agent_provider}: the source in the file era, a legacy column in the DB era. */
        String dbProvider();

        /** The provider the runner runs (what a redundant session override names). */
        String runner();

        /** Gets {@link #MISMATCH_SESSIONS_PER_GROUP} sessions overriding the provider with another one. */
        boolean mismatchingSessions();

        /** May get a redundant or odd session override (aligned groups only). */
        boolean overrideCandidate();

        /** {@code created_at}, in ms: from an {@code ag-<ms>-<suffix>} id. */
        default long createdMs() {
            return Long.parseLong(id().substring(3, id().indexOf('-', 3)));
        }
    }

    /** What the DB-era generator adds to the shared tables, on the same connection and in the same transaction. */
    interface DbExtra {
        /** Runs before the shared DDL (NanoClaw creates schema_version first). */
        void before(Statement statement) throws SQLException;

        /** Runs after the shared DDL and rows, before the commit. */
        void after(Connection db) throws SQLException;
    }

    record Group(int index, String id, String name, String folder, String dbProvider, Shape shape, String runner)
            implements CoreGroup {

        @Override
        public boolean mismatchingSessions() {
            return shape == Shape.SESSION_MISMATCH;
        }

        @Override
        public boolean overrideCandidate() {
            return shape == Shape.PLAIN || shape == Shape.CLAUDE || shape == Shape.CODEX;
        }
    }

    /** What was generated. */
    record Generated(Path root, Path allowlist, List<Group> groups, int sessions, int overrides,
            int mismatchingOverrides, int orphanSessions, int orphanFolders, int chats, int files, long fileBytes,
            long dbBytes, Map<Shape, Integer> shapes) {

        long driftedGroups() {
            return groups.stream().filter(g -> g.shape().drifted).count();
        }

        Group firstOf(Shape shape) {
            return groups.stream().filter(g -> g.shape() == shape).findFirst().orElseThrow();
        }
    }

    private final Random random;
    private final Path root;
    private final Path allowlist;
    private final Path allowedMounts;
    private final Path outsideMounts;

    private BenchInstall(Path base, long seed) {
        this.random = new Random(seed);
        this.root = base.resolve("install");
        this.allowlist = base.resolve("config").resolve("mount-allowlist.json");
        this.allowedMounts = base.resolve("mounts");
        this.outsideMounts = base.resolve("elsewhere");
    }

    /** Generates the install under {@code base/install}, the allowlist under {@code base/config}. */
    static Generated generate(Path base, int groupCount, int sessionCount, long seed) throws IOException, SQLException {
        return new BenchInstall(base, seed).run(groupCount, sessionCount);
    }

    private Generated run(int groupCount, int sessionCount) throws IOException, SQLException {
        Files.createDirectories(root.resolve("data"));
        Files.createDirectories(root.resolve("groups"));
        Files.createDirectories(allowedMounts.resolve("shared-docs"));
        Files.createDirectories(outsideMounts.resolve("private-data"));
        Files.createDirectories(allowlist.getParent());
        Files.writeString(allowlist, "{\n  \"allowedRoots\": [\n    {\n      \"path\": \"" + allowedMounts
                + "\",\n      \"allowReadWrite\": false,\n      \"description\": \"shared documents\"\n    }\n  ],\n"
                + "  \"blockedPatterns\": [\"secrets\"]\n}\n");
        writeProviderIndexes(root);

        List<Group> groups = groups(groupCount);
        Map<Shape, Integer> shapes = new EnumMap<>(Shape.class);
        groups.forEach(g -> shapes.merge(g.shape(), 1, Integer::sum));

        int files = 0;
        long fileBytes = 0;
        for (Group group : groups) {
            byte[] content = containerJson(group);
            if (group.shape() == Shape.FOLDER_MISSING) {
                continue;
            }
            Path folder = root.resolve("groups").resolve(group.folder());
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("CLAUDE.md"), "# " + group.name() + "\n");
            if (content != null) {
                Files.write(folder.resolve("container.json"), content); // not atomic, as NanoClaw writes it
                files++;
                fileBytes += content.length;
            }
        }
        for (int i = 0; i < ORPHAN_FOLDERS; i++) {
            Path folder = root.resolve("groups").resolve("old-experiment-" + i);
            Files.createDirectories(folder);
            Group gone = new Group(-1, groupId(T0 - 400L * 86_400_000L + i), "Old Experiment " + i, folder.toString(),
                    null, Shape.CODEX, "codex");
            Files.write(folder.resolve("container.json"), render(config(gone, "codex", null, false)));
        }
        Files.createDirectories(root.resolve("groups").resolve("global"));
        Files.writeString(root.resolve("groups").resolve("global").resolve("CLAUDE.md"), "# Shared memory\n");

        int[] counts = writeCore(root.resolve("data").resolve("v2.db"), random, groups, sessionCount, null);
        long dbBytes = Files.size(root.resolve("data").resolve("v2.db"));
        return new Generated(root, allowlist, List.copyOf(groups), sessionCount, counts[0], counts[1], ORPHAN_SESSIONS,
                ORPHAN_FOLDERS, CHATS, files, fileBytes, dbBytes, shapes);
    }

    /** The install's provider registrations, one import line each, as NanoClaw's install skills add them. */
    static void writeProviderIndexes(Path root) throws IOException {
        String host = "import './claude.js';\nimport './codex.js';\nimport './opencode.js';\nimport './mock.js';\n\n"
                + "export { getProvider } from './registry.js';\n";
        Path hostIndex = root.resolve("src/providers/index.ts");
        Path runnerIndex = root.resolve("container/agent-runner/src/providers/index.ts");
        Files.createDirectories(hostIndex.getParent());
        Files.createDirectories(runnerIndex.getParent());
        Files.writeString(hostIndex, host);
        Files.writeString(runnerIndex, host);
    }

    private List<Group> groups(int count) {
        Shape[] shapes = new Shape[count];
        int next = 0;
        for (Map.Entry<Shape, Integer> entry : PER_10K.entrySet()) {
            int n = Math.max(1, (int) Math.round(entry.getValue() * (count / 10_000.0)));
            for (int i = 0; i < n && next < count; i++) {
                shapes[next++] = entry.getKey();
            }
        }
        while (next < count) {
            shapes[next++] = Shape.PLAIN;
        }
        shuffle(shapes);
        List<Group> groups = new ArrayList<>(count);
        long created = T0 - 180L * 86_400_000L;
        for (int i = 0; i < count; i++) {
            created += 1 + random.nextInt(1_500_000);
            String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)]
                    + " " + (i + 1);
            String folder = name.toLowerCase(Locale.ROOT).replace(' ', '-');
            Shape shape = shapes[i];
            String db = switch (shape) {
                case PLAIN, MOUNT_OK, MALFORMED, FILE_MISSING, FOLDER_MISSING, IDENTITY_STALE,
                        IDENTITY_STALE_UNKNOWN_KEYS, SESSION_MISMATCH -> random.nextInt(50) == 0 ? "" : null;
                case CLAUDE, DB_CLAUDE_FILE_OPENCODE -> "claude";
                case CODEX, DB_CODEX_FILE_DEFAULT -> "codex";
                case OPENCODE -> "opencode";
                case MOUNT_REJECTED -> null;
                case PROVIDER_UNKNOWN -> "gemini";
            };
            if ("".equals(db) && shape != Shape.PLAIN) {
                db = null; // '' only on otherwise plain groups: keeps the drift counts readable
            }
            String runner = switch (shape) {
                case CODEX -> "codex";
                case OPENCODE, DB_CLAUDE_FILE_OPENCODE -> "opencode";
                case PROVIDER_UNKNOWN -> "gemini";
                default -> "claude";
            };
            groups.add(new Group(i, groupId(created), name, folder, db, shape, runner));
        }
        return groups;
    }

    /** The file's bytes, or null for no file. */
    private byte[] containerJson(Group g) {
        return switch (g.shape()) {
            case PLAIN, SESSION_MISMATCH, DB_CODEX_FILE_DEFAULT -> render(config(g, null, null, false));
            case CLAUDE -> render(config(g, "claude", null, false));
            case CODEX -> render(config(g, "codex", null, false));
            case OPENCODE, DB_CLAUDE_FILE_OPENCODE -> render(config(g, "opencode", null, false));
            case PROVIDER_UNKNOWN -> render(config(g, "gemini", null, false));
            case MOUNT_OK -> render(config(g, null, allowedMounts.resolve("shared-docs").toString(), false));
            case MOUNT_REJECTED -> render(config(g, null, outsideMounts.resolve("private-data").toString(), false));
            case IDENTITY_STALE -> render(config(new Group(g.index(), g.id(), "Old " + g.name(), g.folder(),
                    g.dbProvider(), g.shape(), g.runner()), null, null, false));
            case IDENTITY_STALE_UNKNOWN_KEYS -> render(config(new Group(g.index(), groupId(T0 - 500_000_000L
                    - g.index()), g.name(), g.folder(), g.dbProvider(), g.shape(), g.runner()), null, null, true));
            case MALFORMED -> {
                byte[] full = render(config(g, "claude", null, false));
                yield java.util.Arrays.copyOf(full, full.length * 3 / 5); // a write cut short
            }
            case FILE_MISSING, FOLDER_MISSING -> null;
        };
    }

    /** The host's typed view in its key order, with the realistic extras some groups have. */
    private ContainerConfigDocument config(Group g, String provider, String mountPath, boolean unknownKeys) {
        ObjectNode json = JSON.objectNode();
        ObjectNode servers = json.putObject("mcpServers");
        if (random.nextInt(100) < 30) {
            ObjectNode server = servers.putObject("github");
            server.put("command", "npx");
            server.putArray("args").add("-y").add("@modelcontextprotocol/server-github");
            server.putObject("env").put("GITHUB_TOKEN", "ghp_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
            if (random.nextBoolean()) {
                ObjectNode calendar = servers.putObject("calendar");
                calendar.put("command", "node");
                calendar.putArray("args").add("/workspace/extra/tools/calendar-mcp.js");
                calendar.put("instructions", "Use the calendar for anything about dates, meetings or reminders.");
            }
        }
        ObjectNode packages = json.putObject("packages");
        ArrayNode apt = packages.putArray("apt");
        ArrayNode npm = packages.putArray("npm");
        if (random.nextInt(100) < 20) {
            apt.add(APT[random.nextInt(APT.length)]);
            npm.add(NPM[random.nextInt(NPM.length)]);
        }
        ArrayNode mounts = json.putArray("additionalMounts");
        if (mountPath != null) {
            ObjectNode mount = mounts.addObject();
            mount.put("hostPath", mountPath);
            mount.put("containerPath", "docs");
            mount.put("readonly", true);
        }
        if (random.nextInt(100) < 15) {
            ArrayNode skills = json.putArray("skills");
            skills.add(SKILLS[random.nextInt(SKILLS.length)]).add(SKILLS[random.nextInt(SKILLS.length)]);
        } else {
            json.put("skills", "all");
        }
        if (provider != null) {
            json.put("provider", provider);
        }
        json.put("groupName", g.name());
        json.put("assistantName", g.name());
        json.put("agentGroupId", g.id());
        if (random.nextInt(100) < 5) {
            json.put("maxMessagesPerPrompt", 20);
        }
        if (unknownKeys) {
            json.putObject("env").put("OLLAMA_HOST", "http://host.docker.internal:11434");
            json.putArray("blockedHosts").add("example.org");
        }
        ContainerConfigDocument document = ContainerConfigDocument.empty();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            document = document.with(field.getKey(), field.getValue());
        }
        return document;
    }

    private static byte[] render(ContainerConfigDocument document) {
        return ContainerConfigFormat.render(document).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The tables both eras share ({@link #DDL}: chats, groups, wiring, sessions), with the sessions spread skewed over
     * the groups, the mismatching, redundant and odd overrides and the sessions of a gone group. {@code extra} (may be
     * null) adds the DB era's tables. Returns {overrides, mismatching overrides}. The redundant and odd override
     * counts scale with the session count (1,900 and 20 at 200,000 sessions).
     */
    static int[] writeCore(Path dbFile, Random random, List<? extends CoreGroup> groups, int sessionCount,
            DbExtra extra) throws SQLException {
        int redundantOverrides = (int) Math.round(REDUNDANT_OVERRIDES * (sessionCount / 200_000.0));
        int oddOverrides = Math.max(1, (int) Math.round(ODD_OVERRIDES * (sessionCount / 200_000.0)));
        int total = sessionCount;
        int[] groupOf = new int[total];
        String[] override = new String[total];
        int next = 0;
        int mismatching = 0;
        for (CoreGroup g : groups) {
            if (g.mismatchingSessions()) {
                for (int i = 0; i < MISMATCH_SESSIONS_PER_GROUP && next < total; i++) {
                    groupOf[next] = g.index();
                    override[next++] = i % 2 == 0 ? "codex" : "opencode";
                    mismatching++;
                }
            }
        }
        for (int i = 0; i < ORPHAN_SESSIONS; i++) {
            groupOf[next] = -1 - i; // a group that is gone
            override[next++] = i % 2 == 0 ? null : "codex";
        }
        int n = groups.size();
        while (next < total) {
            // skewed: a few groups hold many sessions, most hold a handful
            groupOf[next++] = Math.min(n - 1, (int) (n * Math.pow(random.nextDouble(), 1.6)));
        }
        int overrides = mismatching;
        int redundant = 0;
        int odd = 0;
        while (redundant < redundantOverrides || odd < 2 * oddOverrides) {
            int s = random.nextInt(total);
            if (override[s] != null || groupOf[s] < 0) {
                continue;
            }
            CoreGroup g = groups.get(groupOf[s]);
            if (!g.overrideCandidate()) {
                continue;
            }
            if (redundant < redundantOverrides) {
                override[s] = g.runner();
                redundant++;
            } else {
                override[s] = odd % 2 == 0 ? "" : g.runner().toUpperCase(Locale.ROOT).charAt(0) + g.runner().substring(1);
                odd++;
            }
            overrides++;
        }
        overrides += ORPHAN_SESSIONS / 2;
        int[] order = new int[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        shuffle(random, order);

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dbFile)) {
            try (Statement statement = db.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = OFF");
                if (extra != null) {
                    extra.before(statement);
                }
                for (String ddl : DDL.split(";")) {
                    if (!ddl.isBlank()) {
                        statement.execute(ddl);
                    }
                }
            }
            db.setAutoCommit(false);
            String[] chatIds = new String[CHATS];
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO messaging_groups (id, channel_type,"
                    + " platform_id, name, is_group, unknown_sender_policy, created_at) VALUES (?,?,?,?,?,?,?)")) {
                long created = T0 - 200L * 86_400_000L;
                for (int i = 0; i < CHATS; i++) {
                    created += 1 + random.nextInt(5_000_000);
                    chatIds[i] = "mg-" + created + "-" + base36(random, 6);
                    String channel = CHANNELS[i % CHANNELS.length];
                    insert.setString(1, chatIds[i]);
                    insert.setString(2, channel);
                    insert.setString(3, channel + ":" + (100_000_000L + i * 7919L));
                    insert.setString(4, "Chat " + (i + 1));
                    insert.setInt(5, i % 3 == 0 ? 0 : 1);
                    insert.setString(6, "strict");
                    insert.setString(7, iso(created));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insertGroup = db.prepareStatement(
                    "INSERT INTO agent_groups (id, name, folder, agent_provider, created_at) VALUES (?,?,?,?,?)");
                    PreparedStatement insertWiring = db.prepareStatement("INSERT INTO messaging_group_agents (id,"
                            + " messaging_group_id, agent_group_id, session_mode, priority, created_at)"
                            + " VALUES (?,?,?,?,?,?)")) {
                for (CoreGroup g : groups) {
                    long created = g.createdMs();
                    insertGroup.setString(1, g.id());
                    insertGroup.setString(2, g.name());
                    insertGroup.setString(3, g.folder());
                    insertGroup.setString(4, g.dbProvider());
                    insertGroup.setString(5, iso(created));
                    insertGroup.addBatch();
                    insertWiring.setString(1, "mga-" + created + "-" + base36(random, 6));
                    insertWiring.setString(2, chatIds[g.index() % CHATS]);
                    insertWiring.setString(3, g.id());
                    insertWiring.setString(4, "shared");
                    insertWiring.setInt(5, 0);
                    insertWiring.setString(6, iso(created + 1000));
                    insertWiring.addBatch();
                    if (g.index() % 5000 == 4999) {
                        insertGroup.executeBatch();
                        insertWiring.executeBatch();
                    }
                }
                insertGroup.executeBatch();
                insertWiring.executeBatch();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO sessions (id, agent_group_id,"
                    + " messaging_group_id, thread_id, agent_provider, status, container_status, last_active,"
                    + " created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                long created = T0 - 90L * 86_400_000L;
                for (int k = 0; k < total; k++) {
                    int s = order[k];
                    created += 1 + random.nextInt(77_000);
                    CoreGroup g = groupOf[s] >= 0 ? groups.get(groupOf[s]) : null;
                    boolean active = random.nextInt(100) < 25 || (override[s] != null && random.nextBoolean());
                    insert.setString(1, "sess-" + created + "-" + base36(random, 6));
                    insert.setString(2, g != null ? g.id() : "ag-1770000000000-gone" + String.format("%02d", -groupOf[s]));
                    insert.setString(3, g != null && random.nextInt(10) != 0 ? chatIds[g.index() % CHATS] : null);
                    insert.setString(4, random.nextInt(8) == 0 ? "thread-" + random.nextInt(1_000_000) : null);
                    insert.setString(5, override[s]);
                    insert.setString(6, active ? "active" : "closed");
                    int c = random.nextInt(100);
                    insert.setString(7, active && c < 5 ? "running" : active && c < 15 ? "idle" : "stopped");
                    insert.setString(8, iso(created + random.nextInt(3_600_000)));
                    insert.setString(9, iso(created));
                    insert.addBatch();
                    if (k % 5000 == 4999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            if (extra != null) {
                extra.after(db);
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement statement = db.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        return new int[] {overrides, mismatching};
    }

    private String groupId(long ms) {
        return "ag-" + ms + "-" + base36(6);
    }

    private String base36(int length) {
        return base36(random, length);
    }

    static String base36(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(random.nextInt(36), 36));
        }
        return out.toString();
    }

    static String iso(long ms) {
        return ISO.format(Instant.ofEpochMilli(ms));
    }

    private void shuffle(Object[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Object t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    static void shuffle(Random random, int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
