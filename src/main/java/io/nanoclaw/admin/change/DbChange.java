package io.nanoclaw.admin.change;

import java.util.Objects;
import java.util.Set;

import io.nanoclaw.admin.dbconfig.RowSecrets;

/**
 * One column of one NanoClaw row, from {@code before} to {@code after} (null = SQL NULL; text, or a whole number for
 * {@code container_configs.max_messages_per_prompt}). Applied only while the column still holds {@code before}: a row
 * changed by someone else in between is a conflict, not an overwrite.
 */
public record DbChange(Table table, String rowId, String column, Object before, Object after) {

    /** The NanoClaw tables and columns the service may change, and nothing else. */
    public enum Table {
        AGENT_GROUPS("agent_groups", "id", Set.of("agent_provider", "name"),
                Set.of("name", "folder", "agent_provider", "created_at")),
        SESSIONS("sessions", "id", Set.of("agent_provider"), Set.of()),
        /** The DB-config era's row of a group (NanoClaw's columns only, never a fork's). */
        CONTAINER_CONFIGS("container_configs", "agent_group_id", ConfigColumns.ALL, ConfigColumns.ALL);

        private final String sql;
        private final String key;
        private final Set<String> columns;
        private final Set<String> insertable;

        Table(String sql, String key, Set<String> columns, Set<String> insertable) {
            this.sql = sql;
            this.key = key;
            this.columns = columns;
            this.insertable = insertable;
        }

        /** The columns a new row of this table may be given (its key aside). */
        public boolean mayInsert(String column) {
            return insertable.contains(column);
        }

        public String sql() {
            return sql;
        }

        /** The primary-key column rows are found by. */
        public String key() {
            return key;
        }

        public boolean mayChange(String column) {
            return columns.contains(column);
        }
    }

    private static final class ConfigColumns {
        static final Set<String> ALL = Set.of("provider", "model", "effort", "image_tag", "assistant_name",
                "max_messages_per_prompt", "skills", "mcp_servers", "packages_apt", "packages_npm", "additional_mounts",
                "updated_at", "cli_scope");
    }

    public DbChange {
        if (!table.mayChange(column)) {
            throw new IllegalArgumentException("The service never changes " + table.sql() + "." + column);
        }
        if (before != null && !(before instanceof String || before instanceof Long)
                || after != null && !(after instanceof String || after instanceof Long)) {
            throw new IllegalArgumentException("A NanoClaw column holds text or a whole number here, not " + before
                    + " / " + after);
        }
    }

    public boolean changesSomething() {
        return !Objects.equals(before, after);
    }

    /** {@code agent_groups.agent_provider[ag-1]: 'codex' -> NULL} */
    public String describe() {
        return table.sql() + "." + column + "[" + rowId + "]: " + sql(before) + " -> " + sql(after);
    }

    /** As {@link #describe}, with MCP server {@code env} values masked (for the audit trail). */
    public String describeMasked() {
        return table.sql() + "." + column + "[" + rowId + "]: " + sql(masked(table, column, before)) + " -> "
                + sql(masked(table, column, after));
    }

    /** A column's value as the audit trail may keep it: {@code container_configs.mcp_servers} with env masked. */
    static Object masked(Table table, String column, Object value) {
        return table == Table.CONTAINER_CONFIGS && column.equals("mcp_servers") && value instanceof String text
                ? RowSecrets.maskedMcpServers(text) : value;
    }

    static String sql(Object value) {
        if (value == null) {
            return "NULL";
        }
        return value instanceof Long number ? number.toString() : "'" + value.toString().replace("'", "''") + "'";
    }
}
