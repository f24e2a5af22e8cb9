package io.nanoclaw.admin.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plain SQL for the list: the counts are correlated sub-queries over {@code idx_sessions_agent_group}, and the same
 * SQL runs on SQLite and H2.
 */
class GroupRowQueriesImpl implements GroupRowQueries {

    static final Map<String, String> SORT_COLUMNS = Map.of(
            "name", "g.name",
            "folder", "g.folder",
            "provider", "g.agent_provider",
            "sessions", "session_count",
            "overrides", "override_count",
            "createdAt", "g.created_at");

    private static final String SELECT = """
            SELECT g.id, g.name, g.folder, g.agent_provider, g.created_at,
              (SELECT COUNT(*) FROM sessions s WHERE s.agent_group_id = g.id) AS session_count,
              (SELECT COUNT(*) FROM sessions s WHERE s.agent_group_id = g.id
                 AND s.agent_provider IS NOT NULL AND s.agent_provider <> '') AS override_count
            FROM agent_groups g
            """;

    private final JdbcClient jdbc;

    GroupRowQueriesImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
            conditions.add("(g.agent_provider IS NULL OR g.agent_provider = '')");
        } else if (filter.provider() != null) {
            conditions.add("g.agent_provider = ?");
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

        long total = jdbc.sql("SELECT COUNT(*) FROM agent_groups g" + where).params(parameters).query(Long.class).single();
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(pageable.getPageSize());
        pageParameters.add(pageable.getOffset());
        List<GroupRow> rows = jdbc.sql(SELECT + where + orderBy(pageable.getSort()) + " LIMIT ? OFFSET ?")
                .params(pageParameters)
                .query(GroupRowQueriesImpl::row)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    @Override
    public GroupRow findRow(String id) {
        return jdbc.sql(SELECT + " WHERE g.id = ?").param(id).query(GroupRowQueriesImpl::row).optional().orElse(null);
    }

    private static String orderBy(Sort sort) {
        List<String> terms = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = SORT_COLUMNS.get(order.getProperty());
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
                rs.getLong("session_count"), rs.getLong("override_count"));
    }
}
