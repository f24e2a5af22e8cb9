package io.nanoclaw.admin.install;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Decides an install's era from its DB, read-only ({@code nanoclaw-db-era.md}, "Era detection"): the
 * {@code container_configs} table makes it the DB-config era, whatever rows it holds. Extra tables, columns and
 * migration names are ignored; a {@code container-configs} migration listed without its table is reported, not guessed.
 */
public final class EraDetection {

    static final String TABLE = "container_configs";
    /** The 13 columns of migration {@code container-configs}; {@code cli_scope} comes from {@code cli-scope}. */
    public static final List<String> COLUMNS = List.of("agent_group_id", "provider", "model", "effort", "image_tag",
            "assistant_name", "max_messages_per_prompt", "skills", "mcp_servers", "packages_apt", "packages_npm",
            "additional_mounts", "updated_at");
    static final String CLI_SCOPE = "cli_scope";

    private EraDetection() {
    }

    public static DetectedEra detect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            Set<String> columns = InstallSchema.columns(meta, TABLE);
            List<String> notes = new ArrayList<>();
            if (columns.isEmpty()) {
                if (migrationApplied(connection, "container-configs")) {
                    notes.add("schema_version lists the migration container-configs but the table container_configs"
                            + " is gone (dropped by hand?): a DB-era NanoClaw host cannot start on this DB (its"
                            + " back-fill fails). It is judged by the file era's rules until the table is back.");
                }
                return DetectedEra.fileEra(notes);
            }
            List<String> missing = COLUMNS.stream().filter(column -> !columns.contains(column)).toList();
            if (!missing.isEmpty()) {
                throw new InstallNotUsableException("The table container_configs lacks the column(s) "
                        + String.join(", ", missing) + " that every DB-era NanoClaw has.",
                        "Point --nanoclaw.install-root at a NanoClaw install whose migrations ran completely."
                                + " Nothing was changed in that database.");
            }
            boolean cliScope = columns.contains(CLI_SCOPE);
            if (!cliScope) {
                notes.add("container_configs has no cli_scope column (a pre-release build): every group is read as"
                        + " cli_scope 'group'.");
            }
            return new DetectedEra(InstallEra.DB_CONFIG, cliScope, notes);
        }
    }

    private static boolean migrationApplied(Connection connection, String name) throws SQLException {
        if (InstallSchema.columns(connection.getMetaData(), "schema_version").isEmpty()) {
            return false;
        }
        try (var statement = connection.prepareStatement("SELECT 1 FROM schema_version WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
