package io.nanoclaw.admin.containerconfig;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.change.ChangePlan;
import io.nanoclaw.admin.change.ConflictException;
import io.nanoclaw.admin.change.UnifiedDiff;
import io.nanoclaw.admin.dbconfig.ColumnJson;
import io.nanoclaw.admin.dbconfig.ConfigRowHistory;
import io.nanoclaw.admin.dbconfig.ConfigRowVersion;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.ContainerConfigRowValidator;
import io.nanoclaw.admin.dbconfig.DocumentToRow;
import io.nanoclaw.admin.dbconfig.Materialized;
import io.nanoclaw.admin.dbconfig.Materializer;
import io.nanoclaw.admin.dbconfig.RowAndFile;
import io.nanoclaw.admin.dbconfig.RowAndFileReader;
import io.nanoclaw.admin.dbconfig.RowFileVersion;
import io.nanoclaw.admin.dbconfig.RowPlans;
import io.nanoclaw.admin.dbconfig.RowPlans.RowPlan;
import io.nanoclaw.admin.dbconfig.RowProblem;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.install.StoreSeal;
import io.nanoclaw.admin.change.EditRunner;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.change.DbEraConfigPlace;
import io.nanoclaw.admin.change.EditRefusedException;
import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.change.InvalidConfigException;
import io.nanoclaw.admin.web.InvalidInputException;
import io.nanoclaw.admin.change.StaleEditException;

/**
 * The DB-config era: a group's config is its {@code container_configs} row, and container.json is what the host
 * writes from it. An edit is the document the host writes (plus {@code cliScope}, which no document holds), stored in
 * the row through {@link DocumentToRow}, or columns from the editor's form. Either way:
 * <ul>
 * <li>it is based on the version of the row and the file it read ({@link RowFileVersion}), or it is stale (412);</li>
 * <li>a field the edit leaves as the host would write it keeps its stored column (an unchanged document changes
 * nothing: {@code assistant_name} {@code 'Andy'} is not turned into NULL, JSON spacing is not rewritten);</li>
 * <li>it is refused whole (400, {@link InvalidConfigException}) for every key the row cannot hold, every wrong type,
 * a {@code CONFIG_ROW_INVALID} row, and the editing rules: {@code max_messages_per_prompt} positive or NULL,
 * {@code cli_scope} one of three values, a provider the install registers (stored lower-cased, {@code ''} as NULL);
 * {@code groupName} and {@code agentGroupId} must be the group's own or absent;</li>
 * <li>it writes the changed columns, {@code updated_at} and container.json as the host would, in one unit, and the
 * replaced row goes to the row history ({@link ConfigRowHistory}).</li>
 * </ul>
 * Our own writers of one group are serialised here, so of two saves from the same version one wins and the other is
 * told (412); any other writer (a fix, {@code ncl}, a skill's SQL) is caught by the row guard and is a 412 too.
 */
class DbEraEditableConfig implements EditableConfig {

    /** The values of {@code cli_scope} NanoClaw knows; any other acts as {@code global}. */
    static final List<String> CLI_SCOPES = List.of("disabled", "group", "global");

    /** Where each column appears in the document (and {@code cliScope} beside it), for messages and comparisons. */
    static final Map<String, String> FIELDS = fields();

    private final EditTargets targets;
    private final EditRunner runner;
    private final RowPlans rows;
    private final RowAndFileReader reader;
    private final ConfigRowHistory history;
    private final ConfigVersionRepository fileVersions;
    private final StoreSeal seal;
    private final boolean hasCliScope;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    DbEraEditableConfig(EditTargets targets, EditRunner runner, RowPlans rows, RowAndFileReader reader,
            ConfigRowHistory history, ConfigVersionRepository fileVersions, StoreSeal seal, boolean hasCliScope) {
        this.seal = seal;
        this.targets = targets;
        this.runner = runner;
        this.rows = rows;
        this.reader = reader;
        this.history = history;
        this.fileVersions = fileVersions;
        this.hasCliScope = hasCliScope;
    }

    /** What an edit asks for: the columns it changes, what is wrong with it so far, and its text for diffs. */
    record Proposal(Map<String, Object> columns, List<String> violations, String text) {
    }

    /** A kept row version, listed newest first. */
    public record RowHistoryEntry(Long id, String rowVersion, Instant replacedAt, String replacedBy, String action,
            List<String> changedColumns) {

        static RowHistoryEntry of(ConfigRowVersion version) {
            return new RowHistoryEntry(version.id(), version.rowVersion(), version.replacedAt(), version.replacedBy(),
                    version.action(), ConfigRowHistory.changedColumns(version));
        }
    }

    /**
     * One kept row version: its columns, the document the host would write from it (null when it cannot be built),
     * and the diff from it to the row now, both as the document plus {@code cliScope}.
     */
    public record RowHistoryContent(RowHistoryEntry entry, Map<String, Object> row, String document,
            String diffToCurrent) {
    }

    RowAndFile current(AgentGroup group) {
        return reader.read(group.id(), group.name(), group.folder());
    }

    boolean hasCliScope() {
        return hasCliScope;
    }

    // ---- edits ----------------------------------------------------------------------------------------------------

    @Override
    public EditResult replace(AgentGroup group, String text, FileVersion basedOn, boolean dryRun, String reason) {
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(text.getBytes(StandardCharsets.UTF_8));
        if (parsed.state() != ConfigFileState.OK) {
            throw new InvalidConfigException("The document is not a JSON object NanoClaw can read: " + parsed.error(),
                    List.of(String.valueOf(parsed.error())));
        }
        return write(group, basedOn, state -> fromDocument(group, state, parsed.document()), dryRun, reason,
                "EDIT_CONTAINER_CONFIG");
    }

    @Override
    public EditResult patch(AgentGroup group, JsonNode patch, FileVersion basedOn, boolean dryRun, String reason) {
        return write(group, basedOn, state -> {
            ObjectNode current = editableDocument(group, state.row()).orElseThrow(() -> new EditRefusedException(
                    "The row of " + group.folder() + " cannot be turned into a document ("
                            + String.join("; ", Materializer.materialize(group.id(), group.name(), state.row())
                                    .problems()) + "), so there is nothing to patch: PUT the"
                            + " whole document to repair it (GET shows the row's columns). Nothing was changed."));
            JsonNode merged = JsonMergePatch.apply(current, patch);
            if (!(merged instanceof ObjectNode object)) {
                throw new InvalidConfigException("The patch would make the document a non-object.", List.of());
            }
            return fromDocument(group, state, ContainerConfigDocument.of(object));
        }, dryRun, reason, "PATCH_CONTAINER_CONFIG");
    }

    /**
     * The editor form's edit: the columns whose inputs changed, as the row will store them, and what the form could
     * not read ({@code formViolations}, e.g. a count that is not a number).
     */
    EditResult changeColumns(AgentGroup group, FileVersion basedOn, Map<String, Object> columns,
            List<String> formViolations, boolean dryRun, String reason) {
        return write(group, basedOn, state -> new Proposal(columns, formViolations,
                editableText(group, state.row().with(columns))), dryRun, reason, "EDIT_CONTAINER_CONFIG");
    }

    @Override
    public EditResult restore(AgentGroup group, long id, boolean dryRun, String reason) {
        ConfigRowVersion version = version(group, id);
        ContainerConfigRow kept = history.row(version);
        Map<String, Object> columns = new LinkedHashMap<>(kept.columns());
        columns.remove("updated_at");
        if (!hasCliScope) {
            columns.remove("cli_scope");
        }
        synchronized (lockOf(group, dryRun)) {
            RowAndFile state = current(group);
            requireRow(group, state);
            requireFolder(group, state);
            Map<String, Object> changed = validate(group, state.row(), new Proposal(columns, List.of(), null));
            RowPlan plan = rows.change(DbEraConfigPlace.target(group), state.row(), changed);
            return runner.run(new ChangePlan("RESTORE_CONFIG_ROW_VERSION", group.id(), group.folder(), null,
                    "Put back the container_configs row of " + group.folder() + " as it was before "
                            + version.replacedAt() + " (kept version " + version.id() + ", replaced by "
                            + version.action() + "), and write container.json from it as the host would",
                    List.of(), plan.changes(), plan.files(), DbEraConfigPlace.WHEN), dryRun, reason);
        }
    }

    private EditResult write(AgentGroup group, FileVersion basedOn, Function<RowAndFile, Proposal> edit,
            boolean dryRun, String reason, String action) {
        synchronized (lockOf(group, dryRun)) {
            RowAndFile state = current(group);
            requireRow(group, state);
            requireFolder(group, state);
            Proposal proposal = edit.apply(state);
            if (!state.version().value().equals(basedOn.value())) {
                throw stale(group, basedOn, state, proposal);
            }
            Map<String, Object> columns = validate(group, state.row(), proposal);
            RowPlan rowPlan = rows.change(DbEraConfigPlace.target(group), state.row(), columns);
            if (rowPlan.files().stream().anyMatch(file -> !file.basedOn().equals(state.file().version()))) {
                throw stale(group, basedOn, current(group), proposal);
            }
            ChangePlan plan = new ChangePlan(action, group.id(), group.folder(), null, summary(group, rowPlan),
                    List.of(), rowPlan.changes(), rowPlan.files(), DbEraConfigPlace.WHEN);
            try {
                return runner.run(plan, dryRun, reason);
            } catch (ConflictException | StaleVersionException raced) {
                // Someone else (a fix, ncl, a skill's SQL, the host's spawn) changed the row or the file in between:
                // the row guard or the file's version check refused, and nothing was written.
                throw stale(group, basedOn, current(group), proposal);
            }
        }
    }

    /** Applies are serialised per group; dry runs need no lock. */
    private Object lockOf(AgentGroup group, boolean dryRun) {
        return dryRun ? new Object() : locks.computeIfAbsent(group.id(), id -> new Object());
    }

    private static String summary(AgentGroup group, RowPlan plan) {
        List<String> columns = plan.changes().stream().map(change -> change.column())
                .filter(column -> !column.equals("updated_at")).toList();
        if (columns.isEmpty()) {
            return plan.files().isEmpty() ? "No change" : "The row of " + group.folder() + " already says this: write"
                    + " container.json as the host writes it from the row";
        }
        return "Write " + String.join(", ", columns) + " (and updated_at) of the container_configs row of "
                + group.folder() + ", and container.json as the host writes it from the new row";
    }

    private static void requireRow(AgentGroup group, RowAndFile state) {
        if (!state.hasRow()) {
            throw new EditRefusedException("groups/" + group.folder() + " has no container_configs row, so there is"
                    + " no config to edit yet: create it first with the fix CREATE_CONFIG_ROW (the row the host's"
                    + " back-fill would insert), or let the next host start back-fill it. Nothing was changed.");
        }
    }

    private static void requireFolder(AgentGroup group, RowAndFile state) {
        ConfigFileState file = state.file().state();
        if (file == ConfigFileState.FOLDER_MISSING || file == ConfigFileState.FOLDER_INVALID) {
            throw new EditRefusedException("groups/" + group.folder() + " cannot hold a container.json: " + file
                    + ". Nothing was changed.");
        }
    }

    // ---- from a document to columns -------------------------------------------------------------------------------

    /** The columns a whole document (plus {@code cliScope}) changes, and what is wrong with it. */
    Proposal fromDocument(AgentGroup group, RowAndFile state, ContainerConfigDocument body) {
        List<String> violations = new ArrayList<>();
        JsonNode cliScope = body.field("cliScope").orElse(null);
        ContainerConfigDocument document = body.without("cliScope");
        identity(group, document, violations);
        DocumentToRow.Result result = DocumentToRow.of(document, group.name());
        for (String key : result.unheld()) {
            violations.add(key + ": the row has no column for it; NanoClaw would drop it at the next spawn. Remove it"
                    + " (and keep what it does elsewhere).");
        }
        violations.addAll(result.problems());
        Map<String, Object> columns = new LinkedHashMap<>(result.columns());
        columns.keySet().removeIf(column -> unchanged(column, document, state.row(), group));
        if (cliScope != null) {
            if (!cliScope.isString()) {
                violations.add("cliScope must be one of " + String.join(", ", CLI_SCOPES) + " (a string), not "
                        + ContainerConfigFormat.compact(cliScope));
            } else if (!cliScope.stringValue().equals(state.row().cliScope())) {
                columns.put("cli_scope", cliScope.stringValue());
            }
        }
        ObjectNode editable = document.toJson();
        editable.set("cliScope", cliScope != null ? cliScope : JsonNodeFactory.instance.stringNode(state.row().cliScope()));
        return new Proposal(columns, violations, ContainerConfigFormat.render(ContainerConfigDocument.of(editable)));
    }

    /** groupName and agentGroupId come from the group row: the document may repeat them, not change them. */
    private static void identity(AgentGroup group, ContainerConfigDocument document, List<String> violations) {
        document.field("groupName").ifPresent(value -> {
            if (!sameText(value, group.name())) {
                violations.add("groupName: the host writes the group's name (" + group.name() + ") here at every spawn;"
                        + " the row has no column for it. Leave it as it is or out, and rename the group to change it,"
                        + " not " + ContainerConfigFormat.compact(value));
            }
        });
        document.field("agentGroupId").ifPresent(value -> {
            if (!sameText(value, group.id())) {
                violations.add("agentGroupId: the host writes the group's id (" + group.id() + ") here at every spawn;"
                        + " leave it as it is or out, not " + ContainerConfigFormat.compact(value));
            }
        });
    }

    private static boolean sameText(JsonNode value, String expected) {
        return expected == null ? value.isNull() : value.isString() && value.stringValue().equals(expected);
    }

    /**
     * The document says for this column what the host writes from the stored column now (a JSON column compared by
     * value, key order aside), so the column keeps its stored value: {@code assistant_name} {@code 'Andy'} of a group
     * called Andy stays, and so does an {@code mcp_servers} written with other spacing. A column that does not parse
     * is never unchanged.
     */
    private static boolean unchanged(String column, ContainerConfigDocument document, ContainerConfigRow row,
            AgentGroup group) {
        JsonNode asked = at(document.toJson(), FIELDS.get(column));
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode stored;
        switch (column) {
            case "assistant_name" -> {
                String name = row.assistantName() != null ? row.assistantName() : group.name();
                stored = name == null ? nodes.nullNode() : nodes.stringNode(name);
            }
            case "max_messages_per_prompt" -> {
                Object count = row.maxMessagesPerPrompt();
                stored = count == null ? null : count instanceof String text ? nodes.stringNode(text)
                        : count instanceof Number number ? nodes.numberNode(number.doubleValue()) : nodes.missingNode();
            }
            case "skills", "mcp_servers", "packages_apt", "packages_npm", "additional_mounts" -> {
                ColumnJson.Parsed parsed = ColumnJson.parse((String) row.columns().get(column));
                if (!parsed.ok()) {
                    return false;
                }
                stored = parsed.value();
            }
            default -> {
                Object value = row.columns().get(column);
                stored = value == null ? null : nodes.stringNode(value.toString());
            }
        }
        return asked == null ? stored == null : stored != null && !stored.isMissingNode()
                && JsonValues.sameValue(asked, stored);
    }

    private static JsonNode at(JsonNode node, String path) {
        for (String key : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(key);
        }
        return node;
    }

    // ---- the row's rules ------------------------------------------------------------------------------------------

    /**
     * The columns to write (provider normalised; columns that end up as stored dropped), or every reason the row must
     * not be written. The editing rules apply to the columns that change; the row as a whole must not be invalid.
     */
    Map<String, Object> validate(AgentGroup group, ContainerConfigRow current, Proposal proposal) {
        List<String> violations = new ArrayList<>(proposal.violations());
        Map<String, Object> columns = new LinkedHashMap<>(proposal.columns());
        if (columns.containsKey("provider") && !reported(violations, "provider")) {
            try {
                columns.put("provider", targets.provider("provider", (String) columns.get("provider")));
            } catch (InvalidInputException e) {
                violations.add("provider " + e.getMessage());
            }
        }
        columns.entrySet().removeIf(column -> Objects.equals(column.getValue(), current.columns().get(column.getKey())));
        if (columns.get("max_messages_per_prompt") instanceof Long count && count <= 0) {
            violations.add("maxMessagesPerPrompt must be a positive integer, or absent (NULL: NanoClaw's default of 10),"
                    + " not " + count + (count == 0 ? ": NanoClaw reads 0 as its default of 10"
                            : ": NanoClaw reads a negative value as no limit at all"));
        }
        if (columns.containsKey("cli_scope")) {
            Object scope = columns.get("cli_scope");
            if (!hasCliScope) {
                violations.add("cliScope: this install's container_configs has no cli_scope column (a pre-release"
                        + " NanoClaw build), so it cannot be set");
            } else if (!CLI_SCOPES.contains(scope)) {
                violations.add("cliScope must be one of " + String.join(", ", CLI_SCOPES) + ", not '" + scope
                        + "': NanoClaw gives the group's agents global ncl access for any other value");
            }
        }
        ContainerConfigRow after = current.with(columns);
        for (RowProblem problem : ContainerConfigRowValidator.check(after)) {
            if (!reported(violations, problem.column()) && !reported(violations, FIELDS.get(problem.column()))) {
                violations.add(problem.message());
            }
        }
        // The file era's checks of the fields this edit changes (an MCP server needs a command, …), on the document
        // the host would write from the new row; the count and the identity fields have rules of their own.
        Materializer.materialize(group.id(), group.name(), after).documentIfOk().ifPresent(document -> {
            for (ContainerConfigValidator.Problem problem : ContainerConfigValidator.check(document)) {
                boolean changedHere = columns.keySet().stream().map(FIELDS::get)
                        .anyMatch(field -> field.equals(problem.field()) || field.startsWith(problem.field() + "."));
                if (changedHere && !problem.field().equals("maxMessagesPerPrompt") && !reported(violations, problem.field())) {
                    violations.add(problem.message());
                }
            }
            ContainerConfigValidator.unsafeNumbers(document).forEach(problem -> violations.add(problem.message()));
            if (columns.containsKey("additional_mounts")) {
                ContainerConfigValidator.mountPathProblems(document).forEach(problem -> violations.add(problem.message()));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidConfigException("The row of " + group.folder() + " was not written: "
                    + String.join("; ", violations), violations);
        }
        return columns;
    }

    /** A violation about {@code field} (or a part of it) is listed already: violations start with the field's name. */
    static boolean reported(List<String> violations, String field) {
        if (field == null) {
            return false;
        }
        String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        return violations.stream().anyMatch(v -> v.startsWith(field + " ") || v.startsWith(field + ":")
                || v.startsWith(field + ".") || v.startsWith(top + " ") || v.startsWith(top + ":")
                || v.startsWith(top + "."));
    }

    // ---- what the editor and diffs show ---------------------------------------------------------------------------

    /** The document the host would write from the row, plus {@code cliScope}: what PUT takes and PATCH patches. */
    Optional<ObjectNode> editableDocument(AgentGroup group, ContainerConfigRow row) {
        if (row == null) {
            return Optional.empty();
        }
        Materialized materialized = Materializer.materialize(group.id(), group.name(), row);
        if (!materialized.ok()) {
            return Optional.empty();
        }
        ObjectNode document = materialized.document().toJson();
        document.put("cliScope", row.cliScope());
        return Optional.of(document);
    }

    /**
     * A row as text for diffs: its editable document, or (a row that cannot be turned into one) its columns.
     */
    String editableText(AgentGroup group, ContainerConfigRow row) {
        if (row == null) {
            return null;
        }
        ObjectNode node = editableDocument(group, row).orElseGet(() -> columnsNode(row));
        return ContainerConfigFormat.render(ContainerConfigDocument.of(node));
    }

    private static ObjectNode columnsNode(ContainerConfigRow row) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        row.columns().forEach((column, value) -> {
            if (column.equals("updated_at")) {
                return;
            }
            if (value == null) {
                node.putNull(column);
            } else if (value instanceof Long number) {
                node.put(column, number);
            } else {
                node.put(column, value.toString());
            }
        });
        return node;
    }

    private String diffPath(AgentGroup group) {
        return "container_configs/" + group.id() + " (as groups/" + group.folder() + "/container.json + cliScope)";
    }

    /**
     * The edit was based on another version: the version now, the other writer's change (the row's, as the document,
     * when our history has the row that was read; else the file's, when our history has the file that was read) and
     * the difference from the config now to the edit.
     */
    private StaleEditException stale(AgentGroup group, FileVersion basedOn, RowAndFile now, Proposal yours) {
        String nowText = editableText(group, now.row());
        String otherChange = null;
        RowFileVersion read = RowFileVersion.parse(basedOn.value()).orElse(null);
        if (read != null && !read.row().equals(now.version().row())) {
            otherChange = history.findByRowVersion(group.id(), read.row())
                    .map(base -> UnifiedDiff.of(diffPath(group), editableText(group, history.row(base)),
                            nowText))
                    .orElse(null);
        } else if (read != null && !read.file().equals(now.version().file())) {
            String path = "groups/" + group.folder() + "/container.json";
            if (read.file().equals(FileVersion.ABSENT.value())) {
                otherChange = UnifiedDiff.of(path, null, now.file().rawText());
            } else {
                otherChange = fileVersions.findByFolderOrderByReplacedAtDesc(group.folder()).stream()
                        .filter(v -> v.version().equals(read.file()) && v.hadFile())
                        .map(v -> UnifiedDiff.of(path, v.text(seal),
                                now.file().rawText()))
                        .findFirst().orElse(null);
            }
        }
        return new StaleEditException(new FileVersion(now.version().value()), nowText, otherChange,
                UnifiedDiff.of(diffPath(group), nowText, yours == null ? null : yours.text()));
    }

    // ---- history ----------------------------------------------------------------------------------------------------

    @Override
    public List<RowHistoryEntry> history(AgentGroup group) {
        return history.list(group.id()).stream().map(RowHistoryEntry::of).toList();
    }

    @Override
    public RowHistoryContent historyEntry(AgentGroup group, long id) {
        ConfigRowVersion version = version(group, id);
        ContainerConfigRow kept = history.row(version);
        Materialized materialized = Materializer.materialize(group.id(), group.name(), kept);
        ContainerConfigRow now = current(group).row();
        return new RowHistoryContent(RowHistoryEntry.of(version), kept.columns(),
                materialized.documentIfOk().map(ContainerConfigFormat::render).orElse(null),
                UnifiedDiff.of(diffPath(group), editableText(group, kept), editableText(group, now)));
    }

    private ConfigRowVersion version(AgentGroup group, long id) {
        return history.find(group.id(), id).orElseThrow(() -> InvalidInputException.field("version", "the row of "
                + group.folder() + " has no kept version " + id));
    }

    @Override
    public Optional<String> etagAfter(AgentGroup group, EditResult result) {
        return result.applied() ? Optional.of(current(group).version().etag()) : Optional.empty();
    }

    /** Rows hold MCP server secrets: even the list (which columns each change wrote) is for operators. */
    @Override
    public boolean historyListHoldsSecrets() {
        return true;
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("provider", "provider");
        fields.put("model", "model");
        fields.put("effort", "effort");
        fields.put("image_tag", "imageTag");
        fields.put("assistant_name", "assistantName");
        fields.put("max_messages_per_prompt", "maxMessagesPerPrompt");
        fields.put("skills", "skills");
        fields.put("mcp_servers", "mcpServers");
        fields.put("packages_apt", "packages.apt");
        fields.put("packages_npm", "packages.npm");
        fields.put("additional_mounts", "additionalMounts");
        fields.put("cli_scope", "cliScope");
        return java.util.Collections.unmodifiableMap(fields);
    }
}
