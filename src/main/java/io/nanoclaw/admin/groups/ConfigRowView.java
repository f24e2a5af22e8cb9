package io.nanoclaw.admin.groups;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.change.UnifiedDiff;
import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.JsonValues;
import io.nanoclaw.admin.dbconfig.BackfillResult;
import io.nanoclaw.admin.dbconfig.ColumnJson;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.ContainerConfigRowValidator;
import io.nanoclaw.admin.dbconfig.Materialized;
import io.nanoclaw.admin.dbconfig.Materializer;
import io.nanoclaw.admin.dbconfig.RowProblem;

/**
 * A DB-era group's {@code container_configs} row as the group page shows it, with what the next spawn will write into
 * container.json and how that differs from the file on disk. MCP server secrets are masked unless the reader may see
 * them; a column that does not parse is hidden from such readers (it may hold a secret).
 *
 * @param row the row as stored; null when the group has none
 * @param columns the row's columns for a table, values masked as needed
 * @param problems why the row is invalid (CONFIG_ROW_INVALID); empty when valid
 * @param nextSpawn the container.json the host will write at the next spawn; null when it cannot build one
 * @param fileMatches the file on disk equals {@code nextSpawn} (key order ignored)
 * @param diff the unified diff from the file on disk to {@code nextSpawn}; empty when they match
 * @param backfill for a group without a row: what the next host start's back-fill will do
 */
public record ConfigRowView(
        ContainerConfigRow row,
        List<Column> columns,
        List<RowProblem> problems,
        String nextSpawn,
        boolean fileMatches,
        String diff,
        BackfillResult backfill) {

    static final String HIDDEN = "(hidden: not valid JSON, and it may hold MCP secrets)";

    /** One column of the row; {@code value} null means SQL NULL. */
    public record Column(String name, String value, String meaning) {
    }

    static ConfigRowView of(String groupId, String groupName, String folder, ContainerConfigRow row,
            ContainerConfigFile file, BackfillResult backfill, boolean revealSecrets) {
        if (row == null) {
            return new ConfigRowView(null, List.of(), List.of(), null, false, "", backfill);
        }
        List<RowProblem> problems = ContainerConfigRowValidator.check(row);
        Materialized materialized = Materializer.materialize(groupId, groupName, row);
        String nextSpawn = null;
        boolean matches = false;
        String diff = "";
        if (problems.isEmpty() && materialized.ok()) {
            ContainerConfigDocument expected = revealSecrets ? materialized.document()
                    : materialized.document().withSecretsMasked();
            nextSpawn = ContainerConfigFormat.render(expected);
            matches = file.document() != null
                    && JsonValues.sameValue(file.document().toJson(), materialized.document().toJson());
            if (!matches) {
                diff = UnifiedDiff.of("groups/" + folder + "/container.json", current(file, revealSecrets), nextSpawn);
            }
        }
        return new ConfigRowView(row, columns(row, revealSecrets), problems, nextSpawn, matches, diff, null);
    }

    /** The file as the diff shows it: masked like the row, and an unusable file's text only to those who see secrets. */
    private static String current(ContainerConfigFile file, boolean revealSecrets) {
        if (file.document() != null) {
            return ContainerConfigFormat.render(revealSecrets ? file.document() : file.document().withSecretsMasked());
        }
        if (!file.exists()) {
            return null;
        }
        return revealSecrets ? file.rawText() : "(the file cannot be parsed; its text is hidden for your role)\n";
    }

    public boolean exists() {
        return row != null;
    }

    private static List<Column> columns(ContainerConfigRow row, boolean revealSecrets) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("provider", row.provider(), "what the runner runs at the next spawn (NULL: claude)"));
        columns.add(new Column("model", row.model(), "passed to Claude; Codex and OpenCode ignore it"));
        columns.add(new Column("effort", row.effort(), "passed to Claude; Codex and OpenCode ignore it"));
        columns.add(new Column("image_tag", row.imageTag(), "the agent image (NULL: the default image)"));
        columns.add(new Column("assistant_name", row.assistantName(), "NULL: the group's name; '' means no name"));
        columns.add(new Column("max_messages_per_prompt",
                row.maxMessagesPerPrompt() == null ? null : String.valueOf(row.maxMessagesPerPrompt()),
                "NULL or 0: 10; negative: no limit"));
        columns.add(new Column("skills", row.skills(), "\"all\" or an array of skill names"));
        columns.add(new Column("mcp_servers", revealSecrets ? row.mcpServers() : masked(row.mcpServers()),
                "MCP servers by name (env values are secrets)"));
        columns.add(new Column("packages_apt", row.packagesApt(), "apt packages built into the image"));
        columns.add(new Column("packages_npm", row.packagesNpm(), "npm packages built into the image"));
        columns.add(new Column("additional_mounts", row.additionalMounts(), "extra mounts, checked against the allowlist"));
        columns.add(new Column("cli_scope", row.cliScope(), "what the group's agents may do with ncl"));
        columns.add(new Column("updated_at", row.updatedAt(), "when NanoClaw or ncl last changed the row; nothing reads it"));
        return List.copyOf(columns);
    }

    private static String masked(String mcpServers) {
        ColumnJson.Parsed parsed = ColumnJson.parse(mcpServers);
        if (!parsed.ok()) {
            return HIDDEN;
        }
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        holder.set("mcpServers", parsed.value());
        return ContainerConfigDocument.of(holder).withSecretsMasked().field("mcpServers")
                .map(ContainerConfigFormat::compact).orElse(mcpServers);
    }
}
