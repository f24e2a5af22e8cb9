package io.nanoclaw.admin.change;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A new NanoClaw row: its key and its columns (null = SQL NULL), inserted only while no row has that key, so a row
 * someone else inserted in between is a conflict.
 */
public record DbInsert(DbChange.Table table, String rowId, Map<String, Object> values) {

    public DbInsert {
        for (String column : values.keySet()) {
            if (!table.mayInsert(column)) {
                throw new IllegalArgumentException("The service never writes " + table.sql() + "." + column);
            }
        }
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@code container_configs[ag-1]: INSERT provider='codex', skills='"all"', …} */
    public String describe() {
        return table.sql() + "[" + rowId + "]: INSERT " + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + DbChange.sql(e.getValue())).collect(Collectors.joining(", "));
    }

    /** As {@link #describe}, with MCP server {@code env} values masked (for the audit trail). */
    public String describeMasked() {
        return table.sql() + "[" + rowId + "]: INSERT " + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + DbChange.sql(DbChange.masked(table, e.getKey(), e.getValue())))
                .collect(Collectors.joining(", "));
    }
}
