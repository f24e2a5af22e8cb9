package io.nanoclaw.admin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;

/**
 * Generates a large NanoClaw install of the DB-config era (v2.0.48+, {@code src/test/fixtures/make-sample-db-install.py}
 * and {@code reference/nanoclaw-db-era.md}): the file era's tables ({@link BenchInstall#DDL}, written by the same code,
 * so the sessions are spread alike), {@code schema_version} with NanoClaw's 13 migration names, {@code container_configs}
 * created with migrations 014 + 015's statements, one row per group except about 1%, and each group's
 * {@code groups/<folder>/container.json} materialised from its row exactly as the host writes it. About 5% of the
 * groups carry a finding by design, across the DB era's kinds; the rest are aligned. Deterministic for a given seed.
 */
final class BenchDbInstall {

    /** The migration runner's bookkeeping table, as NanoClaw creates it (before any migration). */
    static final String SCHEMA_VERSION_DDL = """
                CREATE TABLE IF NOT EXISTS schema_version (
                  version INTEGER PRIMARY KEY,
                  name    TEXT NOT NULL,
                  applied TEXT NOT NULL
                );
                CREATE UNIQUE INDEX IF NOT EXISTS idx_schema_version_name ON schema_version(name);
            """;

    /** Migration 014 {@code container-configs}, same statement and whitespace as NanoClaw's. */
    static final String DDL_014 = """
                  CREATE TABLE container_configs (
                    agent_group_id        TEXT PRIMARY KEY REFERENCES agent_groups(id) ON DELETE CASCADE,
                    provider              TEXT,
                    model                 TEXT,
                    effort                TEXT,
                    image_tag             TEXT,
                    assistant_name        TEXT,
                    max_messages_per_prompt INTEGER,
                    skills                TEXT NOT NULL DEFAULT '"all"',
                    mcp_servers           TEXT NOT NULL DEFAULT '{}',
                    packages_apt          TEXT NOT NULL DEFAULT '[]',
                    packages_npm          TEXT NOT NULL DEFAULT '[]',
                    additional_mounts     TEXT NOT NULL DEFAULT '[]',
                    updated_at            TEXT NOT NULL
                  );
            """;

    /** Migration 015 {@code cli-scope}. */
    static final String DDL_015 = "ALTER TABLE container_configs ADD COLUMN cli_scope TEXT NOT NULL DEFAULT 'group'";

    /** schema_version names in NanoClaw's apply order; the first eleven are the file era. */
    static final List<String> MIGRATIONS = List.of("initial-v2-schema", "chat-sdk-state", "pending-approvals",
            "agent-destinations", "pending-approvals-title-options", "dropped-messages", "drop-pending-credentials",
            "engage-modes", "pending-sender-approvals", "channel-registration", "approval-render-metadata",
            "container-configs", "cli-scope");

    /** 2026-05-10T08:00:00.000Z: the first start of a DB-era host back-filled the rows. */
    static final long UPGRADE = 1778400000000L;
    /** 2026-05-19T08:00:00.000Z: the last spawns; hand edits came after. */
    static final long LAST_SPAWNS = 1779177600000L;

    /** An SQL edit broke the row: a trailing comma is not JSON (the sample install's). */
    static final String BAD_MCP = "{\"ledger\": {\"command\": \"npx\", \"args\": [\"-y\", \"ledger-mcp\"],}}";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final String[] ADJECTIVES = {"Quiet", "Rapid", "Amber", "Lunar", "Brave", "Clever", "Misty", "Solar",
        "Silver", "Golden", "Hidden", "Lucky", "Noble", "Polar", "Rusty", "Velvet"};
    private static final String[] NOUNS = {"Falcon", "Harbor", "Atlas", "Beacon", "Comet", "Delta", "Ember", "Fjord",
        "Garden", "Heron", "Island", "Juniper", "Kestrel", "Lantern", "Meadow", "Orchid", "Pilot", "Quarry"};
    private static final String[] APT = {"ffmpeg", "imagemagick", "poppler-utils", "jq", "ripgrep", "pandoc"};
    private static final String[] NPM = {"@modelcontextprotocol/server-github", "typescript", "prettier", "zod"};
    private static final String[] SKILLS = {"agent-browser", "web-search", "calendar", "notes", "pdf", "gmail"};
    private static final String[] CLAUDE_MODELS = {"claude-opus-4-1", "claude-sonnet-4-5", "claude-haiku-4-5"};
    private static final String[] EFFORTS = {"low", "medium", "high"};

    /** What a group looks like: aligned shapes first, then those with a finding by design. */
    enum Shape {
        PLAIN(false), CLAUDE(false), CODEX(false), OPENCODE(false), MOUNT_OK(false), CLAUDE_MODEL(false),
        /** container.json hand-edited to another provider after the last spawn. */
        HAND_PROVIDER(true),
        /** container.json with an {@code env} key added by hand (the row cannot hold it). */
        HAND_ENV(true),
        /** container.json cut short (a reader saw the host's in-place rewrite half done, or a save failed). */
        TRUNCATED(true),
        /** agent_groups.agent_provider differs from the row's provider. */
        LEGACY_PROVIDER(true),
        /** sessions overriding the provider with another one. */
        SESSION_MISMATCH(true),
        /** invalid JSON in mcp_servers (an SQL edit); the file is the last spawn's, from before the edit. */
        ROW_JSON_INVALID(true),
        /** assistant_name ''. */
        ASSISTANT_NAME_EMPTY(true),
        /** model and effort on a codex row. */
        MODEL_NOT_USED(true),
        /** a row with no container.json yet (a group that never spawned). */
        FILE_MISSING(true),
        /** a row whose folder is gone. */
        FOLDER_MISSING(true),
        /** a row naming a provider the install lacks. */
        PROVIDER_UNKNOWN(true),
        /** a mount outside the allowlist in additional_mounts. */
        MOUNT_REJECTED(true),
        /** cli_scope set by SQL to a value NanoClaw does not know (acts as global). */
        CLI_SCOPE_INVALID(true),
        /** no container_configs row; a container.json of the file era (a group made by SQL before the upgrade). */
        ROW_MISSING(true),
        /** no container_configs row and no file (a bare {@code ncl groups create}, or setup before the host's start). */
        ROW_MISSING_NO_FILE(true);

        final boolean drifted;

        Shape(boolean drifted) {
            this.drifted = drifted;
        }
    }

    /** How many groups of each shape per 10,000 groups (PLAIN takes the rest). */
    private static final Map<Shape, Integer> PER_10K = new EnumMap<>(Map.ofEntries(
            Map.entry(Shape.CLAUDE, 1500), Map.entry(Shape.CODEX, 1000), Map.entry(Shape.OPENCODE, 500),
            Map.entry(Shape.MOUNT_OK, 200), Map.entry(Shape.CLAUDE_MODEL, 300),
            Map.entry(Shape.HAND_PROVIDER, 60), Map.entry(Shape.HAND_ENV, 60), Map.entry(Shape.TRUNCATED, 30),
            Map.entry(Shape.LEGACY_PROVIDER, 80), Map.entry(Shape.SESSION_MISMATCH, 80),
            Map.entry(Shape.ROW_JSON_INVALID, 20), Map.entry(Shape.ASSISTANT_NAME_EMPTY, 30),
            Map.entry(Shape.MODEL_NOT_USED, 30), Map.entry(Shape.FILE_MISSING, 30), Map.entry(Shape.FOLDER_MISSING, 10),
            Map.entry(Shape.PROVIDER_UNKNOWN, 10), Map.entry(Shape.MOUNT_REJECTED, 20),
            Map.entry(Shape.CLI_SCOPE_INVALID, 10), Map.entry(Shape.ROW_MISSING, 60),
            Map.entry(Shape.ROW_MISSING_NO_FILE, 40)));

    static final int ORPHAN_FOLDERS = 5; // each with a config row left behind: CONFIG_ROW_ORPHANED too

    /**
     * A {@code container_configs} row as stored: JSON columns as text.
     *
     * @param maxMessages null or a number
     */
    record Row(String provider, String model, String effort, String imageTag, String assistantName,
            Integer maxMessages, String skills, String mcpServers, String packagesApt, String packagesNpm,
            String additionalMounts, String updatedAt, String cliScope) {

        /** The runner's provider at the next spawn: the row's if non-empty, else claude; lower-cased. */
        String runner() {
            return provider == null || provider.isEmpty() ? "claude" : provider.toLowerCase(Locale.ROOT);
        }

        Row withMcpServers(String json) {
            return new Row(provider, model, effort, imageTag, assistantName, maxMessages, skills, json, packagesApt,
                    packagesNpm, additionalMounts, updatedAt, cliScope);
        }
    }

    /**
     * A generated group.
     *
     * @param dbProvider the legacy {@code agent_groups.agent_provider}
     * @param row its config row, or null (no row)
     */
    record Group(int index, String id, long createdMs, String name, String folder, String dbProvider, Shape shape,
            Row row) implements BenchInstall.CoreGroup {

        @Override
        public String runner() {
            return row != null ? row.runner() : "claude";
        }

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
            int mismatchingOverrides, int orphanSessions, int orphanFolders, int orphanRows, int configRows,
            int chats, int files, long fileBytes, long dbBytes, Map<Shape, Integer> shapes,
            Map<String, Integer> expectedKinds) {

        long driftedGroups() {
            return groups.stream().filter(g -> g.shape().drifted).count();
        }

        int groupsWithoutRow() {
            return (int) groups.stream().filter(g -> g.row() == null).count();
        }

        Group firstOf(Shape shape) {
            return groups.stream().filter(g -> g.shape() == shape).findFirst().orElseThrow();
        }

        /** An aligned codex group whose legacy column says codex too: aligned by both eras' rules. */
        Group alignedCodex() {
            return groups.stream().filter(g -> g.shape() == Shape.CODEX && "codex".equals(g.dbProvider()))
                    .findFirst().orElseThrow();
        }
    }

    private final Random random;
    private final Path root;
    private final Path allowlist;
    private final Path allowedMounts;
    private final Path outsideMounts;

    private BenchDbInstall(Path base, long seed) {
        this.random = new Random(seed);
        this.root = base.resolve("install");
        this.allowlist = base.resolve("config").resolve("mount-allowlist.json");
        this.allowedMounts = base.resolve("mounts");
        this.outsideMounts = base.resolve("elsewhere");
    }

    /** Generates the install under {@code base/install}, the allowlist under {@code base/config}. */
    static Generated generate(Path base, int groupCount, int sessionCount, long seed) throws IOException, SQLException {
        return new BenchDbInstall(base, seed).run(groupCount, sessionCount);
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
        BenchInstall.writeProviderIndexes(root);
        Files.writeString(root.resolve("package.json"), "{\n  \"name\": \"nanoclaw\",\n  \"version\": \"2.0.64\"\n}\n");

        List<Group> groups = groups(groupCount);
        Map<Shape, Integer> shapes = new EnumMap<>(Shape.class);
        groups.forEach(g -> shapes.merge(g.shape(), 1, Integer::sum));

        int files = 0;
        long fileBytes = 0;
        for (Group group : groups) {
            if (group.shape() == Shape.FOLDER_MISSING) {
                continue;
            }
            Path folder = root.resolve("groups").resolve(group.folder());
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("CLAUDE.local.md"), "# " + group.name() + "\n");
            byte[] content = containerJson(group);
            if (content != null) {
                Files.write(folder.resolve("container.json"), content); // truncate + write in place, as the host does
                files++;
                fileBytes += content.length;
            }
        }
        List<Group> orphans = new ArrayList<>();
        for (int i = 0; i < ORPHAN_FOLDERS; i++) {
            long created = BenchInstall.T0 - 400L * 86_400_000L + i;
            String name = "Old Experiment " + (i + 1);
            Group gone = new Group(-1, "ag-" + created + "-" + BenchInstall.base36(random, 6), created, name,
                    "old-experiment-" + (i + 1), null, Shape.CODEX,
                    null);
            gone = new Group(-1, gone.id(), created, name, gone.folder(), null, Shape.CODEX,
                    row(Shape.CODEX, gone.id(), name, "codex", iso(UPGRADE + 40 + i)));
            orphans.add(gone);
            Path folder = root.resolve("groups").resolve(gone.folder());
            Files.createDirectories(folder);
            Files.write(folder.resolve("container.json"), materialize(gone.id(), gone.name(), gone.row()));
        }
        Files.createDirectories(root.resolve("groups").resolve("global"));
        Files.writeString(root.resolve("groups").resolve("global").resolve("CLAUDE.md"), "# Shared memory\n");

        int[] configRows = new int[1];
        Path dbFile = root.resolve("data").resolve("v2.db");
        int[] counts = BenchInstall.writeCore(dbFile, random, groups, sessionCount, new BenchInstall.DbExtra() {
            @Override
            public void before(Statement statement) throws SQLException {
                execute(statement, SCHEMA_VERSION_DDL);
            }

            @Override
            public void after(Connection db) throws SQLException {
                try (Statement statement = db.createStatement()) {
                    execute(statement, DDL_014);
                    statement.execute(DDL_015);
                }
                try (PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO schema_version (version, name, applied) VALUES (?,?,?)")) {
                    for (int i = 0; i < MIGRATIONS.size(); i++) {
                        long applied = i < 11 ? BenchInstall.T0 - 300_000 + 3L * i : UPGRADE + 30 + 5L * (i - 11);
                        insert.setInt(1, i + 1);
                        insert.setString(2, MIGRATIONS.get(i));
                        insert.setString(3, iso(applied));
                        insert.executeUpdate();
                    }
                }
                // the host's back-fill visits groups in name order; later rows follow their group's creation
                configRows[0] = insertRows(db, groups) + insertRows(db, orphans);
            }
        });
        long dbBytes = Files.size(dbFile);
        return new Generated(root, allowlist, List.copyOf(groups), sessionCount, counts[0], counts[1],
                BenchInstall.ORPHAN_SESSIONS, ORPHAN_FOLDERS, orphans.size(), configRows[0], BenchInstall.CHATS, files,
                fileBytes, dbBytes, shapes, expectedKinds(groups, counts[1], orphans.size()));
    }

    private static void execute(Statement statement, String script) throws SQLException {
        for (String ddl : script.split(";")) {
            if (!ddl.isBlank()) {
                statement.execute(ddl);
            }
        }
    }

    private static int insertRows(Connection db, List<Group> groups) throws SQLException {
        int n = 0;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO container_configs (agent_group_id, provider,"
                + " model, effort, image_tag, assistant_name, max_messages_per_prompt, skills, mcp_servers,"
                + " packages_apt, packages_npm, additional_mounts, updated_at, cli_scope)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Group g : groups) {
                Row r = g.row();
                if (r == null) {
                    continue;
                }
                insert.setString(1, g.id());
                insert.setString(2, r.provider());
                insert.setString(3, r.model());
                insert.setString(4, r.effort());
                insert.setString(5, r.imageTag());
                insert.setString(6, r.assistantName());
                if (r.maxMessages() == null) {
                    insert.setNull(7, java.sql.Types.INTEGER);
                } else {
                    insert.setInt(7, r.maxMessages());
                }
                insert.setString(8, r.skills());
                insert.setString(9, r.mcpServers());
                insert.setString(10, r.packagesApt());
                insert.setString(11, r.packagesNpm());
                insert.setString(12, r.additionalMounts());
                insert.setString(13, r.updatedAt());
                insert.setString(14, r.cliScope());
                insert.addBatch();
                if (++n % 5000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return n;
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
        for (int i = shapes.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Shape t = shapes[i];
            shapes[i] = shapes[j];
            shapes[j] = t;
        }
        List<Group> groups = new ArrayList<>(count);
        long created = BenchInstall.T0 - 180L * 86_400_000L;
        boolean ownerSeen = false;
        for (int i = 0; i < count; i++) {
            created += 1 + random.nextInt(1_500_000);
            String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)]
                    + " " + (i + 1);
            String folder = name.toLowerCase(Locale.ROOT).replace(' ', '-');
            Shape shape = shapes[i];
            String provider = switch (shape) {
                case PLAIN, HAND_ENV, SESSION_MISMATCH, ASSISTANT_NAME_EMPTY, FILE_MISSING, FOLDER_MISSING, MOUNT_OK,
                        MOUNT_REJECTED, CLI_SCOPE_INVALID, ROW_JSON_INVALID ->
                    shape == Shape.PLAIN && random.nextInt(50) == 0 ? "" : null;
                case CLAUDE, TRUNCATED, LEGACY_PROVIDER, HAND_PROVIDER -> "claude";
                case CLAUDE_MODEL -> random.nextBoolean() ? "claude" : null;
                case CODEX, MODEL_NOT_USED -> "codex";
                case OPENCODE -> "opencode";
                case PROVIDER_UNKNOWN -> "gemini";
                case ROW_MISSING, ROW_MISSING_NO_FILE -> null;
            };
            // the legacy column: what the back-fill took the row's provider from, or NULL (set later by ncl)
            String legacy = switch (shape) {
                case CLAUDE, CODEX, OPENCODE -> random.nextInt(100) < 60 ? provider : null;
                case LEGACY_PROVIDER -> "codex";
                case ROW_MISSING -> random.nextBoolean() ? "opencode" : null;
                default -> null;
            };
            boolean newGroup = shape == Shape.ROW_MISSING_NO_FILE || shape == Shape.FILE_MISSING;
            long createdMs = newGroup ? UPGRADE + 86_400_000L + random.nextInt(600_000_000) : created;
            String id = shape == Shape.ROW_MISSING_NO_FILE && random.nextBoolean() ? uuid()
                    : "ag-" + createdMs + "-" + BenchInstall.base36(random, 6);
            Row row = null;
            if (shape != Shape.ROW_MISSING && shape != Shape.ROW_MISSING_NO_FILE) {
                String updatedAt = updatedAt(newGroup ? createdMs : UPGRADE + 50 + i);
                row = row(shape, id, name, provider, updatedAt);
                if (shape == Shape.ROW_JSON_INVALID) {
                    row = row.withMcpServers(BAD_MCP);
                }
                if (!ownerSeen && shape == Shape.PLAIN) {
                    ownerSeen = true; // the owner's first agent gets global ncl access at setup
                    row = new Row(row.provider(), row.model(), row.effort(), row.imageTag(), row.assistantName(),
                            row.maxMessages(), row.skills(), row.mcpServers(), row.packagesApt(), row.packagesNpm(),
                            row.additionalMounts(), row.updatedAt(), "global");
                }
            }
            groups.add(new Group(i, id, createdMs, name, folder, legacy, shape, row));
        }
        return groups;
    }

    /** A row with realistic extras: MCP servers with env, packages with the image built for them, skills, limits. */
    private Row row(Shape shape, String groupId, String name, String provider, String updatedAt) {
        String model = null;
        String effort = null;
        if (shape == Shape.CLAUDE_MODEL) {
            model = CLAUDE_MODELS[random.nextInt(CLAUDE_MODELS.length)];
            effort = random.nextBoolean() ? EFFORTS[random.nextInt(EFFORTS.length)] : null;
        } else if (shape == Shape.MODEL_NOT_USED) {
            model = "gpt-5.4";
            effort = "high";
        }
        ObjectNode servers = JSON.objectNode();
        int mcp = random.nextInt(100);
        if (mcp < 30) {
            ObjectNode github = servers.putObject("github");
            github.put("command", "npx");
            github.putArray("args").add("-y").add("@modelcontextprotocol/server-github");
            github.putObject("env").put("GITHUB_PERSONAL_ACCESS_TOKEN",
                    "ghp_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        }
        if (mcp < 12 || (mcp >= 30 && mcp < 36)) {
            ObjectNode calendar = servers.putObject("calendar");
            calendar.put("command", "npx");
            calendar.putArray("args").add("-y").add("cal-mcp");
            calendar.putObject("env").put("CAL_TOKEN", "cal_" + BenchInstall.base36(random, 20))
                    .put("CAL_TIMEZONE", "Europe/Berlin");
            calendar.put("instructions", "Use the calendar for anything about dates, meetings or reminders.");
        }
        if (mcp >= 95) {
            ObjectNode fetch = servers.putObject("fetch");
            fetch.put("command", "uvx");
            fetch.putArray("args").add("mcp-server-fetch");
        }
        ArrayNode apt = JSON.arrayNode();
        ArrayNode npm = JSON.arrayNode();
        int pkg = random.nextInt(100);
        if (pkg < 20) {
            apt.add(APT[random.nextInt(APT.length)]);
            if (pkg < 6) {
                apt.add(APT[(pkg + 1) % APT.length]);
            }
        }
        if (pkg >= 12 && pkg < 24) {
            npm.add(NPM[random.nextInt(NPM.length)]);
        }
        String imageTag = !apt.isEmpty() || !npm.isEmpty()
                ? "nanoclaw-agent-v2-" + Long.toHexString(random.nextInt() & 0xffffffffL) + ":" + groupId
                : null;
        ArrayNode mounts = JSON.arrayNode();
        if (shape == Shape.MOUNT_OK || shape == Shape.MOUNT_REJECTED) {
            ObjectNode mount = mounts.addObject();
            mount.put("hostPath", (shape == Shape.MOUNT_OK ? allowedMounts.resolve("shared-docs")
                    : outsideMounts.resolve("private-data")).toString());
            mount.put("containerPath", "docs");
            mount.put("readonly", true);
        }
        JsonNode skills;
        if (random.nextInt(100) < 15) {
            ArrayNode list = JSON.arrayNode();
            int first = random.nextInt(SKILLS.length);
            list.add(SKILLS[first]);
            if (random.nextBoolean()) {
                list.add(SKILLS[(first + 1 + random.nextInt(SKILLS.length - 1)) % SKILLS.length]);
            }
            skills = list;
        } else {
            skills = JSON.stringNode("all");
        }
        String assistant = switch (shape) {
            case ASSISTANT_NAME_EMPTY -> "";
            default -> random.nextInt(100) < 70 ? name : null; // back-filled from the file, or created in the DB era
        };
        int limit = random.nextInt(100);
        Integer maxMessages = limit < 5 ? Integer.valueOf(20) : limit == 5 ? Integer.valueOf(0) : null;
        String scope = shape == Shape.CLI_SCOPE_INVALID ? "admin" : random.nextInt(100) < 4 ? "disabled" : "group";
        String mcpServers = ContainerConfigFormat.compact(servers);
        return new Row(provider, model, effort, imageTag, assistant, maxMessages, ContainerConfigFormat.compact(skills),
                mcpServers, ContainerConfigFormat.compact(apt), ContainerConfigFormat.compact(npm),
                ContainerConfigFormat.compact(mounts), updatedAt, scope);
    }

    /** ISO-8601 with ms from NanoClaw; 5% as the skills' SQL writes it. */
    private String updatedAt(long ms) {
        return random.nextInt(100) < 5 ? SQL_TIME.format(Instant.ofEpochMilli(ms + 3 * 86_400_000L)) : iso(ms);
    }

    /** The file's bytes, or null for no file. */
    private byte[] containerJson(Group g) {
        return switch (g.shape()) {
            case PLAIN, CLAUDE, CODEX, OPENCODE, MOUNT_OK, CLAUDE_MODEL, LEGACY_PROVIDER, SESSION_MISMATCH,
                    ASSISTANT_NAME_EMPTY, MODEL_NOT_USED, PROVIDER_UNKNOWN, MOUNT_REJECTED, CLI_SCOPE_INVALID ->
                materialize(g.id(), g.name(), g.row());
            case HAND_PROVIDER -> { // follows an old skill text: "set provider in container.json"
                ObjectNode doc = document(g.id(), g.name(), g.row());
                doc.put("provider", "claude".equals(g.row().runner()) ? "codex" : "claude");
                yield render(doc);
            }
            case HAND_ENV -> { // follows /add-ollama-provider: env for the container, added by hand
                ObjectNode doc = document(g.id(), g.name(), g.row());
                doc.putObject("env").put("OLLAMA_HOST", "http://host.docker.internal:11434");
                yield render(doc);
            }
            case TRUNCATED -> {
                byte[] full = materialize(g.id(), g.name(), g.row());
                yield Arrays.copyOf(full, full.length * 3 / 5);
            }
            case ROW_JSON_INVALID -> materialize(g.id(), g.name(), g.row().withMcpServers("{}")); // spawned before the edit
            case ROW_MISSING -> render(fileEraDocument(g));
            case FILE_MISSING, FOLDER_MISSING, ROW_MISSING_NO_FILE -> null;
        };
    }

    /** A file of the file era: provider, identity, the old keys; never materialised from a row. */
    private ObjectNode fileEraDocument(Group g) {
        ObjectNode json = JSON.objectNode();
        json.putObject("mcpServers");
        ObjectNode packages = json.putObject("packages");
        packages.putArray("apt");
        packages.putArray("npm");
        json.putArray("additionalMounts");
        json.put("skills", "all");
        if (random.nextBoolean()) {
            json.put("provider", "codex");
        }
        json.put("groupName", g.name());
        json.put("assistantName", g.name());
        json.put("agentGroupId", g.id());
        return json;
    }

    /** The bytes the host writes from a row ({@code materializeContainerJson}): {@link #document} rendered. */
    static byte[] materialize(String groupId, String groupName, Row row) {
        return render(document(groupId, groupName, row));
    }

    /**
     * The document the host builds from the group row and its config row: NanoClaw's key order, JSON columns parsed
     * (their key order kept), the optional keys left out when NULL ({@code ''} is written).
     */
    static ObjectNode document(String groupId, String groupName, Row row) {
        ObjectNode c = JSON.objectNode();
        c.set("mcpServers", parse(row.mcpServers()));
        ObjectNode packages = c.putObject("packages");
        packages.set("apt", parse(row.packagesApt()));
        packages.set("npm", parse(row.packagesNpm()));
        if (row.imageTag() != null) {
            c.put("imageTag", row.imageTag());
        }
        c.set("additionalMounts", parse(row.additionalMounts()));
        c.set("skills", parse(row.skills()));
        if (row.provider() != null) {
            c.put("provider", row.provider());
        }
        c.put("groupName", groupName);
        c.put("assistantName", row.assistantName() != null ? row.assistantName() : groupName);
        c.put("agentGroupId", groupId);
        if (row.maxMessages() != null) {
            c.put("maxMessagesPerPrompt", row.maxMessages().intValue());
        }
        if (row.model() != null) {
            c.put("model", row.model());
        }
        if (row.effort() != null) {
            c.put("effort", row.effort());
        }
        return c;
    }

    private static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    private static byte[] render(ObjectNode json) {
        return ContainerConfigFormat.render(ContainerConfigDocument.of(json)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The findings the DB era's rules should report by design, for the kinds whose count follows from the data alone
     * ({@code reference/drift-kinds.md}, "Kinds in the DB era").
     */
    private static Map<String, Integer> expectedKinds(List<Group> groups, int mismatching, int orphanRows) {
        Map<String, Integer> out = new LinkedHashMap<>();
        int diverges = 0;
        int legacy = 0;
        for (Group g : groups) {
            if (g.shape() == Shape.HAND_PROVIDER || g.shape() == Shape.HAND_ENV || g.shape() == Shape.TRUNCATED) {
                diverges++;
            }
            if (g.row() != null && g.dbProvider() != null && !g.dbProvider().isEmpty()
                    && !g.dbProvider().toLowerCase(Locale.ROOT).equals(g.row().runner())) {
                legacy++;
            }
        }
        out.put("CONFIG_FILE_DIVERGES_FROM_DB", diverges);
        out.put("LEGACY_GROUP_PROVIDER_IGNORED", legacy);
        out.put("CONFIG_ROW_MISSING", count(groups, Shape.ROW_MISSING) + count(groups, Shape.ROW_MISSING_NO_FILE));
        out.put("CONFIG_ROW_INVALID", count(groups, Shape.ROW_JSON_INVALID));
        out.put("ASSISTANT_NAME_EMPTY", count(groups, Shape.ASSISTANT_NAME_EMPTY));
        out.put("CLI_SCOPE_INVALID", count(groups, Shape.CLI_SCOPE_INVALID));
        out.put("CONFIG_ROW_ORPHANED", orphanRows);
        out.put("MODEL_NOT_USED", count(groups, Shape.MODEL_NOT_USED));
        out.put("SESSION_PROVIDER_MISMATCH", mismatching);
        out.put("GROUP_FOLDER_MISSING", count(groups, Shape.FOLDER_MISSING));
        out.put("MOUNT_NOT_ALLOWED", count(groups, Shape.MOUNT_REJECTED));
        out.put("PROVIDER_UNKNOWN", count(groups, Shape.PROVIDER_UNKNOWN));
        return out;
    }

    private static int count(List<Group> groups, Shape shape) {
        return (int) groups.stream().filter(g -> g.shape() == shape).count();
    }

    private String uuid() {
        String hex = Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong()
                | Long.MIN_VALUE);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-"
                + "89ab".charAt(random.nextInt(4)) + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }

    private static String iso(long ms) {
        return BenchInstall.iso(ms);
    }
}
