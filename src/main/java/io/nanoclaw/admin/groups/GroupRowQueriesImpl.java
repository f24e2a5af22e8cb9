package io.nanoclaw.admin.groups;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.nanoclaw.admin.install.DetectedEra;

/**
 * Plain SQL for the groups' rows, on SQLite and H2 alike: one group with its counts (correlated sub-queries over
 * {@code idx_sessions_agent_group}), or every group for {@link GroupModel} (the counts from one GROUP BY). In the
 * DB-config era the group's {@code container_configs} row is joined on its primary key.
 */
class GroupRowQueriesImpl implements GroupRowQueries {

    private static final String COUNTS = """
              (SELECT COUNT(*) FROM sessions s WHERE s.agent_group_id = g.id) AS session_count,
              (SELECT COUNT(*) FROM sessions s WHERE s.agent_group_id = g.id
                 AND s.agent_provider IS NOT NULL AND s.agent_provider <> '') AS override_count
            """;
    private static final String FILE_ERA_SELECT = "SELECT g.id, g.name, g.folder, g.agent_provider, g.created_at,\n"
            + COUNTS + ", NULL AS config_provider, 0 AS has_config_row FROM agent_groups g";
    private static final String DB_ERA_SELECT = "SELECT g.id, g.name, g.folder, g.agent_provider, g.created_at,\n"
            + COUNTS + ", c.provider AS config_provider,"
            + " CASE WHEN c.agent_group_id IS NULL THEN 0 ELSE 1 END AS has_config_row"
            + " FROM agent_groups g LEFT JOIN container_configs c ON c.agent_group_id = g.id";

    private final JdbcClient jdbc;
    private final boolean dbEra;
    private final String select;

    GroupRowQueriesImpl(JdbcClient jdbc, DetectedEra era) {
        this.jdbc = jdbc;
        this.dbEra = era.era().isDbConfig();
        this.select = dbEra ? DB_ERA_SELECT : FILE_ERA_SELECT;
    }

    @Override
    public GroupRow findRow(String id) {
        return jdbc.sql(select + " WHERE g.id = ?").param(id).query(GroupRowQueriesImpl::row).optional().orElse(null);
    }

    @Override
    public List<GroupRow> findAllRows() {
        Map<String, long[]> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT agent_group_id, COUNT(*), SUM(CASE WHEN agent_provider IS NOT NULL AND agent_provider <> ''"
                + " THEN 1 ELSE 0 END) FROM sessions GROUP BY agent_group_id").query(rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        String sql = dbEra ? "SELECT g.id, g.name, g.folder, g.agent_provider, g.created_at, c.provider,"
                + " CASE WHEN c.agent_group_id IS NULL THEN 0 ELSE 1 END FROM agent_groups g LEFT JOIN container_configs c"
                + " ON c.agent_group_id = g.id"
                : "SELECT g.id, g.name, g.folder, g.agent_provider, g.created_at, NULL, 0 FROM agent_groups g";
        return jdbc.sql(sql).query((rs, n) -> {
            long[] count = counts.getOrDefault(rs.getString(1), new long[2]);
            return new GroupRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    count[0], count[1], rs.getString(6), rs.getInt(7) == 1);
        }).list();
    }

    private static GroupRow row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new GroupRow(rs.getString("id"), rs.getString("name"), rs.getString("folder"),
                rs.getString("agent_provider"), rs.getString("created_at"),
                rs.getLong("session_count"), rs.getLong("override_count"), rs.getString("config_provider"),
                rs.getInt("has_config_row") == 1);
    }
}
