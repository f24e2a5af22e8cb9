package io.nanoclaw.admin.install;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * The tables and columns of NanoClaw's DB that this service reads and writes. Checked once at start-up with JDBC
 * metadata only: nothing is created or altered.
 */
public final class InstallSchema {

    static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("agent_groups", List.of("id", "name", "folder", "agent_provider", "created_at"));
        REQUIRED.put("sessions", List.of("id", "agent_group_id", "messaging_group_id", "thread_id", "agent_provider",
                "status", "container_status", "last_active", "created_at"));
    }

    private InstallSchema() {
    }

    /** What is missing, one line each ("table sessions", "column agent_groups.agent_provider"); empty when usable. */
    public static List<String> missing(DataSource dataSource) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (Map.Entry<String, List<String>> table : REQUIRED.entrySet()) {
                Set<String> columns = columns(meta, table.getKey());
                if (columns.isEmpty()) {
                    missing.add("table " + table.getKey());
                    continue;
                }
                for (String column : table.getValue()) {
                    if (!columns.contains(column)) {
                        missing.add("column " + table.getKey() + "." + column);
                    }
                }
            }
        }
        return missing;
    }

    public static void verify(DataSource dataSource, String where) {
        List<String> missing;
        try {
            missing = missing(dataSource);
        } catch (SQLException e) {
            throw new InstallNotUsableException("Cannot read NanoClaw's database " + where + ": " + e.getMessage(),
                    "Check that the file is a SQLite database and that this user may read and write it.");
        }
        if (!missing.isEmpty()) {
            throw new InstallNotUsableException(
                    where + " is not a NanoClaw database this version understands. Missing: " + String.join(", ", missing),
                    "Point --nanoclaw.install-root at the root of a NanoClaw install (the folder holding data/v2.db"
                            + " and groups/). Nothing was changed in that database.");
        }
    }

    static Set<String> columns(DatabaseMetaData meta, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getColumns(null, null, name, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            if (!columns.isEmpty()) {
                break;
            }
        }
        return columns;
    }
}
