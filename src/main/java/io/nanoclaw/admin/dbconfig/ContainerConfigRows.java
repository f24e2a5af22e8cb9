package io.nanoclaw.admin.dbconfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.nanoclaw.admin.install.DetectedEra;

/**
 * Reads {@code container_configs} rows (DB-config era) as stored. Only the columns NanoClaw defines are read, so a
 * fork's extra columns are neither shown nor written; {@code cli_scope} reads as {@code group} where it does not exist.
 */
@Component
public class ContainerConfigRows {

    private final JdbcTemplate jdbc;
    private final String select;

    public ContainerConfigRows(JdbcTemplate jdbc, DetectedEra era) {
        this.jdbc = jdbc;
        this.select = selectSql(era.hasCliScope());
    }

    public static String selectSql(boolean hasCliScope) {
        return "SELECT agent_group_id, provider, model, effort, image_tag, assistant_name, max_messages_per_prompt,"
                + " skills, mcp_servers, packages_apt, packages_npm, additional_mounts, updated_at"
                + (hasCliScope ? ", cli_scope" : ", 'group' AS cli_scope") + " FROM container_configs";
    }

    public List<ContainerConfigRow> findAll() {
        return jdbc.query(select, (rs, n) -> map(rs));
    }

    public Optional<ContainerConfigRow> findByGroupId(String groupId) {
        return jdbc.query(select + " WHERE agent_group_id = ?", (rs, n) -> map(rs), groupId).stream().findFirst();
    }

    /** Every row, on a connection the caller holds (a scan reads all of its tables in one read transaction). */
    public List<ContainerConfigRow> findAll(Connection connection) throws SQLException {
        return query(connection, select);
    }

    public Optional<ContainerConfigRow> findByGroupId(Connection connection, String groupId) throws SQLException {
        return query(connection, select + " WHERE agent_group_id = ?", groupId).stream().findFirst();
    }

    private static List<ContainerConfigRow> query(Connection connection, String sql, String... parameters)
            throws SQLException {
        List<ContainerConfigRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
        }
        return rows;
    }

    /** Columns by position (1–14 in {@link #selectSql} order); the integer column keeps its SQLite storage class. */
    static ContainerConfigRow map(ResultSet rs) throws SQLException {
        Object maxMessages = rs.getObject(7);
        if (maxMessages instanceof Integer small) {
            maxMessages = small.longValue();
        }
        return new ContainerConfigRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), maxMessages, rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
    }
}
