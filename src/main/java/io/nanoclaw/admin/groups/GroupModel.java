package io.nanoclaw.admin.groups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import io.nanoclaw.admin.install.DetectedEra;

/**
 * The groups list, served from memory: every group's row and session counts, loaded in one pass and kept current by
 * {@link GroupModelRefresher} (a change of ours refreshes its groups before it answers; the watcher reloads when the DB moves).
 * Filters, sorts and pages like the SQL it replaces: a sort key's order (nulls first, then the id) is computed once
 * per snapshot and reused, so a page costs one pass over the groups.
 */
@Component
public class GroupModel {

    /** The sort keys; {@code provider} is the era's source column, {@code legacyProvider} agent_groups' column. */
    static final Set<String> SORT_KEYS = Set.of("name", "folder", "provider", "legacyProvider", "sessions", "overrides",
            "createdAt");

    private final AgentGroupRepository groups;
    private final boolean dbEra;
    private volatile Snapshot snapshot;

    GroupModel(AgentGroupRepository groups, DetectedEra era) {
        this.groups = groups;
        this.dbEra = era.era().isDbConfig();
    }

    /** Every group at one moment, with the orders computed so far. */
    /** At most this many filtered orders are kept per snapshot (a new snapshot starts empty). */
    static final int MAX_CACHED = 64;

    private record Snapshot(List<GroupRow> rows, Map<String, Integer> byId, Map<String, int[]> orders,
            Map<String, int[]> filtered, Instant at) {

        static Snapshot of(List<GroupRow> rows) {
            Map<String, Integer> byId = new HashMap<>(rows.size() * 2);
            for (int i = 0; i < rows.size(); i++) {
                byId.put(rows.get(i).id(), i);
            }
            return new Snapshot(List.copyOf(rows), byId, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                    Instant.now());
        }
    }

    /** Reads every group again. */
    public synchronized void reload() {
        snapshot = Snapshot.of(groups.findAllRows());
    }

    /** Reads these groups again (a change touched them); a group whose row is gone leaves the list. */
    public synchronized void refresh(Collection<String> ids) {
        Snapshot current = snapshot;
        if (current == null) {
            reload();
            return;
        }
        List<GroupRow> rows = new ArrayList<>(current.rows());
        Set<String> gone = new HashSet<>();
        for (String id : new HashSet<>(ids)) {
            GroupRow fresh = groups.findRow(id);
            Integer at = current.byId().get(id);
            if (fresh == null) {
                gone.add(id);
            } else if (at == null) {
                rows.add(fresh);
            } else {
                rows.set(at, fresh);
            }
        }
        if (!gone.isEmpty()) {
            rows.removeIf(row -> gone.contains(row.id()));
        }
        snapshot = Snapshot.of(rows);
    }

    /** When the list was last read from the DB, whole or in part. */
    public Instant readAt() {
        return current().at();
    }

    public int size() {
        return current().rows().size();
    }

    public Page<GroupRow> find(GroupFilter filter, Pageable pageable) {
        Snapshot current = current();
        int[] matches = matches(current, filter, pageable.getSort());
        long offset = pageable.isPaged() ? pageable.getOffset() : 0;
        long end = pageable.isPaged() ? Math.min(matches.length, offset + pageable.getPageSize()) : matches.length;
        List<GroupRow> page = new ArrayList<>((int) Math.max(0, end - offset));
        for (long i = offset; i < end; i++) {
            page.add(current.rows().get(matches[(int) i]));
        }
        return new PageImpl<>(page, pageable, matches.length);
    }

    /** The groups that pass the filter, in the sort's order; kept per snapshot for filters without an id set. */
    private int[] matches(Snapshot current, GroupFilter filter, Sort sort) {
        if (filter.ids() != null && filter.ids().isEmpty()) {
            return new int[0];
        }
        String key = filter.ids() == null ? filter.text() + "|" + filter.provider() + "|" + orderKey(sort) : null;
        if (key != null) {
            int[] cached = current.filtered().get(key);
            if (cached != null) {
                return cached;
            }
        }
        String text = filter.text() == null ? null : filter.text().toLowerCase(Locale.ROOT);
        int[] order = order(current, sort);
        int[] found = new int[order.length];
        int n = 0;
        for (int index : order) {
            if (matches(current.rows().get(index), filter, text)) {
                found[n++] = index;
            }
        }
        int[] result = Arrays.copyOf(found, n);
        if (key != null) {
            if (current.filtered().size() >= MAX_CACHED) {
                current.filtered().clear();
            }
            current.filtered().put(key, result);
        }
        return result;
    }

    /** The ids of the groups whose provider in force is {@code provider} ({@link GroupFilter#UNSET} for none). */
    public Set<String> idsWithProvider(String provider) {
        Set<String> ids = new HashSet<>();
        for (GroupRow row : current().rows()) {
            if (providerMatches(sourceProvider(row), provider)) {
                ids.add(row.id());
            }
        }
        return ids;
    }

    private boolean matches(GroupRow row, GroupFilter filter, String text) {
        if (filter.ids() != null && !filter.ids().contains(row.id())) {
            return false;
        }
        if (filter.provider() != null && !providerMatches(sourceProvider(row), filter.provider())) {
            return false;
        }
        return text == null || contains(row.name(), text) || contains(row.folder(), text);
    }

    private static boolean providerMatches(String value, String wanted) {
        return GroupFilter.UNSET.equals(wanted) ? value == null || value.isEmpty() : wanted.equals(value);
    }

    private static boolean contains(String value, String lowerText) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerText);
    }

    private String sourceProvider(GroupRow row) {
        return dbEra ? row.configProvider() : row.agentProvider();
    }

    private static String orderKey(Sort sort) {
        return sort.stream().map(o -> o.getProperty() + ":" + o.getDirection()).reduce((a, b) -> a + "," + b)
                .orElse("");
    }

    private int[] order(Snapshot current, Sort sort) {
        return current.orders().computeIfAbsent(orderKey(sort), k -> {
            Comparator<GroupRow> comparator = null;
            for (Sort.Order order : sort) {
                Comparator<GroupRow> byKey = comparator(order.getProperty());
                if (byKey == null) {
                    continue;
                }
                if (order.isDescending()) {
                    byKey = byKey.reversed();
                }
                comparator = comparator == null ? byKey : comparator.thenComparing(byKey);
            }
            Comparator<GroupRow> stable = Comparator.comparing(GroupRow::id);
            Comparator<GroupRow> full = comparator == null ? stable : comparator.thenComparing(stable);
            Integer[] indices = new Integer[current.rows().size()];
            Arrays.setAll(indices, i -> i);
            Arrays.sort(indices, (a, b) -> full.compare(current.rows().get(a), current.rows().get(b)));
            return Arrays.stream(indices).mapToInt(Integer::intValue).toArray();
        });
    }

    private Comparator<GroupRow> comparator(String property) {
        return switch (property) {
            case "name" -> text(GroupRow::name);
            case "folder" -> text(GroupRow::folder);
            case "provider" -> text(this::sourceProvider);
            case "legacyProvider" -> text(GroupRow::agentProvider);
            case "sessions" -> Comparator.comparingLong(GroupRow::sessionCount);
            case "overrides" -> Comparator.comparingLong(GroupRow::overrideCount);
            case "createdAt" -> text(GroupRow::createdAt);
            default -> null;
        };
    }

    /** As SQL orders text: NULL first. */
    private static Comparator<GroupRow> text(Function<GroupRow, String> value) {
        return Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder()));
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
