package io.nanoclaw.admin.dbconfig;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.nanoclaw.admin.change.DbChange;
import io.nanoclaw.admin.change.DbChange.Table;
import io.nanoclaw.admin.change.DbInsert;
import io.nanoclaw.admin.change.FileChange;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;

/**
 * How a DB-era change of a group's {@code container_configs} row is planned: the columns that change (and
 * {@code updated_at}, as NanoClaw's own {@code ncl} sets it), and container.json written exactly as the host would
 * write it from the new row, so the file tells the truth at once. Nothing is written here.
 */
@Component
public class RowPlans {

    private final ContainerConfigRows rows;
    private final ContainerConfigStore configs;
    private final Clock clock;

    @Autowired
    public RowPlans(ContainerConfigRows rows, ContainerConfigStore configs) {
        this(rows, configs, Clock.systemUTC());
    }

    RowPlans(ContainerConfigRows rows, ContainerConfigStore configs, Clock clock) {
        this.rows = rows;
        this.configs = configs;
        this.clock = clock;
    }

    /** The group a row belongs to, as the materialised file names it. */
    public record Group(String id, String name, String folder) {
    }

    /** What a row change writes: a new row, or changed columns, and the file the host would write from it. */
    public record RowPlan(List<DbInsert> inserts, List<DbChange> changes, List<FileChange> files,
            ContainerConfigRow after) {
    }

    public ContainerConfigRow current(Group group) {
        return rows.findByGroupId(group.id()).orElseThrow(() -> new RowNotUsableException(
                "groups/" + group.folder() + " has no container_configs row yet: create it first (CREATE_CONFIG_ROW),"
                        + " or let the next host start back-fill it."));
    }

    public boolean exists(String groupId) {
        return rows.findByGroupId(groupId).isPresent();
    }

    /** The row with {@code changed} columns, {@code updated_at} now, and the file materialised from it. */
    public RowPlan change(Group group, ContainerConfigRow before, Map<String, Object> changed) {
        Map<String, Object> columns = new LinkedHashMap<>(changed);
        columns.put("updated_at", NanoclawTime.now(clock));
        ContainerConfigRow after = before.with(columns);
        List<DbChange> changes = new ArrayList<>();
        Map<String, Object> old = before.columns();
        boolean anyColumn = false;
        for (Map.Entry<String, Object> entry : after.columns().entrySet()) {
            if (!entry.getKey().equals("updated_at") && !Objects.equals(old.get(entry.getKey()), entry.getValue())) {
                changes.add(new DbChange(Table.CONTAINER_CONFIGS, group.id(), entry.getKey(),
                        storable(old.get(entry.getKey())), storable(entry.getValue())));
                anyColumn = true;
            }
        }
        if (anyColumn) {
            // updated_at last: its old value is also the check that nobody changed the row since it was read.
            changes.add(new DbChange(Table.CONTAINER_CONFIGS, group.id(), "updated_at", before.updatedAt(),
                    after.updatedAt()));
        } else {
            after = before;
        }
        return new RowPlan(List.of(), changes, materialize(group, after), after);
    }

    /** A new row (the back-fill's values, or NanoClaw's defaults) and the file materialised from it. */
    public RowPlan insert(Group group, ContainerConfigRow row) {
        Map<String, Object> values = new LinkedHashMap<>(row.columns());
        values.replaceAll((column, value) -> storable(value));
        return new RowPlan(List.of(new DbInsert(Table.CONTAINER_CONFIGS, group.id(), values)), List.of(),
                materialize(group, row), row);
    }

    /** container.json as the host would write it from {@code row}, against the file on disk now. */
    public List<FileChange> materialize(Group group, ContainerConfigRow row) {
        Materialized materialized = Materializer.materialize(group.id(), group.name(), row);
        if (!materialized.ok()) {
            throw new RowNotUsableException("No container.json can be built from the row of " + group.folder() + ": "
                    + String.join("; ", materialized.problems()) + ". Repair the row first.");
        }
        ContainerConfigFile file = configs.read(group.folder());
        return List.of(FileChange.of(group.folder(), file.version(), file.rawText(),
                ContainerConfigFormat.render(materialized.document())));
    }

    /** The values a NanoClaw column holds: text or a whole number (an integral real is stored as its integer). */
    private static Object storable(Object value) {
        if (value == null || value instanceof String || value instanceof Long) {
            return value;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        return value.toString();
    }
}
