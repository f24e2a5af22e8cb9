package io.nanoclaw.admin.sessions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sessions list, served from memory: every session, loaded in one pass (repeated values shared) and kept current
 * by {@link SessionModelRefresher}. Filters, sorts and pages like the SQL it replaces: the order of a sort key (nulls
 * first, then the id) is computed once per snapshot, and a group's sessions are found without a pass over all.
 */
@Component
public class SessionModel {

    static final String COLUMNS = "SELECT id, agent_group_id, messaging_group_id, thread_id, agent_provider, status,"
            + " container_status, last_active, created_at FROM sessions";

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    public SessionModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most this many filtered orders are kept per snapshot (a new snapshot starts empty). */
    static final int MAX_CACHED = 64;

    private record Snapshot(Session[] all, Map<String, Integer> byId, Map<String, int[]> byGroup,
            Map<String, int[]> orders, Map<String, int[]> filtered, Instant at) {

        static Snapshot of(Session[] all) {
            Map<String, Integer> byId = new HashMap<>(all.length * 2);
            Map<String, List<Integer>> groups = new HashMap<>();
            for (int i = 0; i < all.length; i++) {
                byId.put(all[i].id(), i);
                groups.computeIfAbsent(all[i].agentGroupId(), g -> new ArrayList<>()).add(i);
            }
            Map<String, int[]> byGroup = new HashMap<>(groups.size() * 2);
            groups.forEach((group, indices) -> byGroup.put(group, indices.stream().mapToInt(Integer::intValue).toArray()));
            return new Snapshot(all, byId, byGroup, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), Instant.now());
        }
    }

    /** Reads every session again. */
    public synchronized void reload() {
        List<Session> rows = jdbc.sql(COLUMNS).query(mapper(new HashMap<>())).list();
        snapshot = Snapshot.of(rows.toArray(Session[]::new));
    }

    /**
     * Reads one group's sessions again. When they are the same sessions (an override set or cleared), they are
     * replaced where they are and only the orders that could change are dropped; otherwise everything is read again.
     */
    public synchronized void refreshGroup(String groupId) {
        Snapshot current = snapshot;
        if (current == null) {
            reload();
            return;
        }
        List<Session> fresh = jdbc.sql(COLUMNS + " WHERE agent_group_id = ?").param(groupId)
                .query(mapper(new HashMap<>())).list();
        int[] known = current.byGroup().getOrDefault(groupId, new int[0]);
        if (fresh.size() != known.length || fresh.stream().anyMatch(s -> !current.byId().containsKey(s.id()))) {
            reload();
            return;
        }
        Session[] all = current.all().clone();
        for (Session session : fresh) {
            all[current.byId().get(session.id())] = session;
        }
        Map<String, int[]> orders = new ConcurrentHashMap<>(current.orders());
        // Our changes to a group's sessions set or clear overrides: only orders by the override can change.
        orders.keySet().removeIf(key -> key.contains("agentProvider"));
        snapshot = new Snapshot(all, current.byId(), current.byGroup(), orders, new ConcurrentHashMap<>(), Instant.now());
    }

    public Instant readAt() {
        return current().at();
    }

    public int size() {
        return current().all().length;
    }

    public Page<Session> find(SessionFilter filter, Pageable pageable) {
        Snapshot current = current();
        int[] matches = matches(current, filter, pageable.getSort());
        long offset = pageable.getOffset();
        List<Session> page = new ArrayList<>(Math.min(pageable.getPageSize(), 256));
        for (long i = offset; i < matches.length && i < offset + pageable.getPageSize(); i++) {
            page.add(current.all()[matches[(int) i]]);
        }
        return new PageImpl<>(page, pageable, matches.length);
    }

    /**
     * The sessions that pass the filter, in the sort's order. Filters without id sets are kept per snapshot, so the
     * next page of the same list is a slice.
     */
    private int[] matches(Snapshot current, SessionFilter filter, Sort sort) {
        boolean cacheable = filter.ids() == null && filter.groupIds() == null;
        String key = cacheable ? filter.groupId() + "|" + filter.status() + "|" + filter.hasOverride() + "|" + key(sort)
                : null;
        if (cacheable) {
            int[] cached = current.filtered().get(key);
            if (cached != null) {
                return cached;
            }
        }
        int[] candidates = filter.groupId() != null ? current.byGroup().get(filter.groupId()) : null;
        if (filter.groupId() != null && candidates == null) {
            return new int[0];
        }
        int[] order = candidates != null ? sorted(current, candidates, sort) : order(current, sort);
        int[] found = new int[order.length];
        int n = 0;
        for (int index : order) {
            if (matches(current.all()[index], filter)) {
                found[n++] = index;
            }
        }
        int[] result = java.util.Arrays.copyOf(found, n);
        if (cacheable) {
            if (current.filtered().size() >= MAX_CACHED) {
                current.filtered().clear();
            }
            current.filtered().put(key, result);
        }
        return result;
    }

    public java.util.Optional<Session> get(String id) {
        Snapshot current = current();
        Integer index = current.byId().get(id);
        return index == null ? java.util.Optional.empty() : java.util.Optional.of(current.all()[index]);
    }

    private static boolean matches(Session session, SessionFilter filter) {
        return (filter.groupId() == null || filter.groupId().equals(session.agentGroupId()))
                && (filter.status() == null || filter.status().equals(session.status()))
                && (filter.ids() == null || filter.ids().contains(session.id()))
                && (filter.groupIds() == null || filter.groupIds().contains(session.agentGroupId()))
                && (filter.hasOverride() == null || filter.hasOverride() == session.hasOverride());
    }

    private int[] order(Snapshot current, Sort sort) {
        return current.orders().computeIfAbsent(key(sort), k -> {
            int[] all = new int[current.all().length];
            Arrays.setAll(all, i -> i);
            return sorted(current, all, sort);
        });
    }

    private static int[] sorted(Snapshot current, int[] indices, Sort sort) {
        Comparator<Session> full = comparator(sort);
        Integer[] boxed = Arrays.stream(indices).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> full.compare(current.all()[a], current.all()[b]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static String key(Sort sort) {
        return sort.stream().map(o -> o.getProperty() + ":" + o.getDirection()).reduce((a, b) -> a + "," + b)
                .orElse("");
    }

    private static Comparator<Session> comparator(Sort sort) {
        Comparator<Session> comparator = null;
        for (Sort.Order order : sort) {
            Comparator<Session> byKey = switch (order.getProperty()) {
                case "createdAt" -> text(Session::createdAt);
                case "lastActive" -> text(Session::lastActive);
                case "status" -> text(Session::status);
                case "containerStatus" -> text(Session::containerStatus);
                case "agentProvider" -> text(Session::agentProvider);
                case "agentGroupId" -> text(Session::agentGroupId);
                case "id" -> text(Session::id);
                default -> null;
            };
            if (byKey != null) {
                byKey = order.isDescending() ? byKey.reversed() : byKey;
                comparator = comparator == null ? byKey : comparator.thenComparing(byKey);
            }
        }
        Comparator<Session> stable = Comparator.comparing(Session::id);
        return comparator == null ? stable : comparator.thenComparing(stable);
    }

    /** As SQL orders text: NULL first. */
    private static Comparator<Session> text(Function<Session, String> value) {
        return Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /** A session from {@link #COLUMNS}, its repeated values (group, provider, status) shared through {@code shared}. */
    private static org.springframework.jdbc.core.RowMapper<Session> mapper(Map<String, String> shared) {
        return (rs, n) -> new Session(rs.getString(1), share(shared, rs.getString(2)), share(shared, rs.getString(3)),
                rs.getString(4), share(shared, rs.getString(5)), share(shared, rs.getString(6)),
                share(shared, rs.getString(7)), rs.getString(8), rs.getString(9));
    }

    private static String share(Map<String, String> shared, String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    reload();
                }
                current = snapshot;
            }
        }
        return current;
    }
}
