package io.nanoclaw.admin.change;

import java.util.Objects;

/**
 * One column of one NanoClaw row, from {@code before} to {@code after} (null = SQL NULL). Applied only while the
 * column still holds {@code before}: a row changed by someone else in between is a conflict, not an overwrite.
 */
public record DbChange(Table table, String rowId, String column, String before, String after) {

    /** The NanoClaw tables and columns the service may change, and nothing else. */
    public enum Table {
        AGENT_GROUPS("agent_groups"), SESSIONS("sessions");

        private final String sql;

        Table(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    public DbChange {
        if (!column.equals("agent_provider") && !(table == Table.AGENT_GROUPS && column.equals("name"))) {
            throw new IllegalArgumentException("The service never changes " + table.sql() + "." + column);
        }
    }

    public boolean changesSomething() {
        return !Objects.equals(before, after);
    }

    /** {@code agent_groups.agent_provider[ag-1]: 'codex' -> NULL} */
    public String describe() {
        return table.sql() + "." + column + "[" + rowId + "]: " + sql(before) + " -> " + sql(after);
    }

    private static String sql(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }
}
