package io.nanoclaw.admin.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nanoclaw.admin.install.DetectedEra;

/**
 * Plain SQL for the list: the counts are correlated sub-queries over {@code idx_sessions_agent_group}, and the same
 * SQL runs on SQLite and H2. In the DB-config era the group's {@code container_configs} row is joined (on its primary
 * key), and "provider" means the row's provider, the one in force.
 */
class GroupRowQueriesImpl implements GroupRowQueries {

    /** The sort keys; {@code provider} is the era's source column, {@code legacyProvider} agent_groups' column. */
    static final Set<String> SORT_KEYS = Set.of("name", "folder", "provider", "legacyProvider", "sessions", "overrides",
            "createdAt");

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
    private final String providerColumn;
    private final Map<String, String> sortColumns;

    GroupRowQueriesImpl(JdbcClient jdbc, DetectedEra era) {
        this.jdbc = jdbc;
        this.dbEra = era.era().isDbConfig();
        this.select = dbEra ? DB_ERA_SELECT : FILE_ERA_SELECT;
        this.providerColumn = dbEra ? "c.provider" : "g.agent_provider";
        this.sortColumns = Map.of(
                "name", "g.name",
                "folder", "g.folder",
                "provider", providerColumn,
                "legacyProvider", "g.agent_provider",
                "sessions", "session_count",
                "overrides", "override_count",
                "createdAt", "g.created_at");
    }

    @Override
    public Page<GroupRow> findRows(GroupFilter filter, Pageable pageable) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filter.text() != null) {
            conditions.add("(LOWER(g.name) LIKE ? ESCAPE '\\' OR LOWER(g.folder) LIKE ? ESCAPE '\\')");
            String pattern = "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%";
            parameters.add(pattern);
            parameters.add(pattern);
        }
        if (GroupFilter.UNSET.equals(filter.provider())) {
            conditions.add("(" + providerColumn + " IS NULL OR " + providerColumn + " = '')");
        } else if (filter.provider() != null) {
            conditions.add(providerColumn + " = ?");
            parameters.add(filter.provider());
        }
        if (filter.ids() != null) {
            if (filter.ids().isEmpty()) {
                return new PageImpl<>(List.of(), pageable, 0);
            }
            conditions.add("g.id IN (" + String.join(",", java.util.Collections.nCopies(filter.ids().size(), "?")) + ")");
            parameters.addAll(filter.ids());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);

        String from = dbEra ? " FROM agent_groups g LEFT JOIN container_configs c ON c.agent_group_id = g.id"
                : " FROM agent_groups g";
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(parameters).query(Long.class).single();
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(pageable.getPageSize());
        pageParameters.add(pageable.getOffset());
        List<GroupRow> rows = jdbc.sql(select + where + orderBy(pageable.getSort()) + " LIMIT ? OFFSET ?")
                .params(pageParameters)
                .query(GroupRowQueriesImpl::row)
                .list();
        return new PageImpl<>(rows, pageable, total);
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

    @Override
    public Set<String> findIdsByProvider(String provider) {
        String from = dbEra ? " FROM agent_groups g LEFT JOIN container_configs c ON c.agent_group_id = g.id"
                : " FROM agent_groups g";
        if (GroupFilter.UNSET.equals(provider)) {
            return Set.copyOf(jdbc.sql("SELECT g.id" + from + " WHERE " + providerColumn + " IS NULL OR "
                    + providerColumn + " = ''").query(String.class).list());
        }
        return Set.copyOf(jdbc.sql("SELECT g.id" + from + " WHERE " + providerColumn + " = ?").param(provider)
                .query(String.class).list());
    }

    private String orderBy(Sort sort) {
        List<String> terms = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = sortColumns.get(order.getProperty());
            if (column != null) {
                terms.add(column + (order.isAscending() ? " ASC" : " DESC"));
            }
        }
        terms.add("g.id ASC"); // a stable order across pages
        return " ORDER BY " + String.join(", ", terms);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static GroupRow row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new GroupRow(rs.getString("id"), rs.getString("name"), rs.getString("folder"),
                rs.getString("agent_provider"), rs.getString("created_at"),
                rs.getLong("session_count"), rs.getLong("override_count"), rs.getString("config_provider"),
                rs.getInt("has_config_row") == 1);
    }
}
