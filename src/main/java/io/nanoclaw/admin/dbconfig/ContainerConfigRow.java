package io.nanoclaw.admin.dbconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row of NanoClaw's {@code container_configs} (DB-config era) exactly as stored: the JSON columns as text, never
 * parsed or validated here, so that a row someone broke by SQL can still be shown.
 *
 * @param maxMessagesPerPrompt the raw SQLite value: null, a {@link Long}, or text/real when SQL stored one
 * @param cliScope {@code group} where the column does not exist (pre-release builds)
 */
public record ContainerConfigRow(
        String agentGroupId,
        String provider,
        String model,
        String effort,
        String imageTag,
        String assistantName,
        Object maxMessagesPerPrompt,
        String skills,
        String mcpServers,
        String packagesApt,
        String packagesNpm,
        String additionalMounts,
        String updatedAt,
        String cliScope) {

    /** NanoClaw's columns in the table's order, {@code agent_group_id} aside. */
    public static final List<String> COLUMNS = List.of("provider", "model", "effort", "image_tag", "assistant_name",
            "max_messages_per_prompt", "skills", "mcp_servers", "packages_apt", "packages_npm", "additional_mounts",
            "updated_at", "cli_scope");

    /** The columns by name, in the table's order (values as stored). */
    public Map<String, Object> columns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("provider", provider);
        columns.put("model", model);
        columns.put("effort", effort);
        columns.put("image_tag", imageTag);
        columns.put("assistant_name", assistantName);
        columns.put("max_messages_per_prompt", maxMessagesPerPrompt);
        columns.put("skills", skills);
        columns.put("mcp_servers", mcpServers);
        columns.put("packages_apt", packagesApt);
        columns.put("packages_npm", packagesNpm);
        columns.put("additional_mounts", additionalMounts);
        columns.put("updated_at", updatedAt);
        columns.put("cli_scope", cliScope);
        return columns;
    }

    /** A row from its columns by name (those absent keep this row's value). */
    public ContainerConfigRow with(Map<String, Object> changed) {
        Map<String, Object> c = columns();
        for (Map.Entry<String, Object> entry : changed.entrySet()) {
            if (!c.containsKey(entry.getKey())) {
                throw new IllegalArgumentException("container_configs has no column " + entry.getKey());
            }
            c.put(entry.getKey(), entry.getValue());
        }
        return new ContainerConfigRow(agentGroupId, (String) c.get("provider"), (String) c.get("model"),
                (String) c.get("effort"), (String) c.get("image_tag"), (String) c.get("assistant_name"),
                c.get("max_messages_per_prompt"), (String) c.get("skills"), (String) c.get("mcp_servers"),
                (String) c.get("packages_apt"), (String) c.get("packages_npm"), (String) c.get("additional_mounts"),
                (String) c.get("updated_at"), (String) c.get("cli_scope"));
    }

    /** One column changed. */
    public ContainerConfigRow with(String column, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put(column, value);
        return with(changed);
    }

    /** The row NanoClaw inserts for a new group ({@code INSERT OR IGNORE} of the column defaults). */
    public static ContainerConfigRow defaults(String agentGroupId, String updatedAt) {
        return new ContainerConfigRow(agentGroupId, null, null, null, null, null, null, "\"all\"", "{}", "[]", "[]",
                "[]", updatedAt, "group");
    }
}
