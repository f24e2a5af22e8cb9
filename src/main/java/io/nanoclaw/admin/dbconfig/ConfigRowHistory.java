package io.nanoclaw.admin.dbconfig;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.audit.Actor;
import io.nanoclaw.admin.change.ChangePlan;
import io.nanoclaw.admin.change.ChangeRecorder;
import io.nanoclaw.admin.change.DbChange;
import io.nanoclaw.admin.install.AdminStore;
import io.nanoclaw.admin.install.StoreSeal;

/**
 * The history of a DB-era group's {@code container_configs} row: every row a change through the service replaced
 * (the editor, a fix, a provider change, a restore), kept whole in the admin store just before the change commits.
 * The replaced row is the row as the change left it with each changed column put back to the value the change found
 * there, which its {@code WHERE column = before} guard proved was stored.
 */
@Component
public class ConfigRowHistory implements ChangeRecorder {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ConfigRowVersionRepository versions;
    private final ContainerConfigRows rows;
    private final StoreSeal seal;
    private final Clock clock;

    public ConfigRowHistory(ConfigRowVersionRepository versions, ContainerConfigRows rows, StoreSeal seal) {
        this.versions = versions;
        this.seal = seal;
        this.rows = rows;
        this.clock = Clock.systemUTC();
    }

    @Override
    @AdminStore.Transaction
    public void beforeCommit(ChangePlan plan) {
        Map<String, Map<String, Object>> replaced = new LinkedHashMap<>();
        for (DbChange change : plan.dbChanges()) {
            if (change.table() == DbChange.Table.CONTAINER_CONFIGS) {
                replaced.computeIfAbsent(change.rowId(), id -> new LinkedHashMap<>()).put(change.column(), change.before());
            }
        }
        for (Map.Entry<String, Map<String, Object>> row : replaced.entrySet()) {
            // Read on the change's own connection (we are inside its transaction): the row as the change left it.
            ContainerConfigRow after = rows.findByGroupId(row.getKey()).orElseThrow(() -> new IllegalStateException(
                    "container_configs row " + row.getKey() + " vanished inside the change that updated it"));
            ContainerConfigRow before = after.with(row.getValue());
            versions.save(new ConfigRowVersion(null, row.getKey(), plan.folder(), RowFileVersion.rowHash(before),
                    seal.sealText(encode(before)), String.join(",", row.getValue().keySet()), plan.action(), clock.instant(),
                    Actor.current()));
        }
    }

    /** The kept versions of a group's row, newest first. */
    @AdminStore.Transaction
    public List<ConfigRowVersion> list(String groupId) {
        return versions.findByAgentGroupIdOrderByIdDesc(groupId);
    }

    @AdminStore.Transaction
    public Optional<ConfigRowVersion> find(String groupId, long id) {
        return versions.findById(id).filter(version -> version.agentGroupId().equals(groupId));
    }

    /** The newest kept version with these columns (the row half of an ETag), if the service ever replaced it. */
    @AdminStore.Transaction
    public Optional<ConfigRowVersion> findByRowVersion(String groupId, String rowVersion) {
        return versions.findFirstByAgentGroupIdAndRowVersionOrderByIdDesc(groupId, rowVersion);
    }

    /** The columns as JSON: text as strings, whole numbers and reals as numbers, a blob as {"blob": hex}. */
    static String encode(ContainerConfigRow row) {
        ObjectNode columns = NODES.objectNode();
        for (Map.Entry<String, Object> column : row.columns().entrySet()) {
            Object value = column.getValue();
            if (value == null) {
                columns.putNull(column.getKey());
            } else if (value instanceof String text) {
                columns.put(column.getKey(), text);
            } else if (value instanceof Double || value instanceof Float) {
                columns.put(column.getKey(), ((Number) value).doubleValue());
            } else if (value instanceof Number number) {
                columns.put(column.getKey(), number.longValue());
            } else if (value instanceof byte[] bytes) {
                columns.putObject(column.getKey()).put("blob", HexFormat.of().formatHex(bytes));
            } else {
                columns.put(column.getKey(), value.toString());
            }
        }
        return JSON.writeValueAsString(columns);
    }

    /** A kept version's row, as it was stored. */
    public ContainerConfigRow row(ConfigRowVersion version) {
        return decode(version.agentGroupId(), seal.openText(version.sealedRowColumns()));
    }

    static ContainerConfigRow decode(String groupId, String rowColumns) {
        JsonNode columns = JSON.readTree(rowColumns);
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : ContainerConfigRow.COLUMNS) {
            JsonNode value = columns.get(column);
            values.put(column, value == null || value.isNull() ? null
                    : value.isString() ? value.stringValue()
                    : value.isIntegralNumber() ? (Object) value.longValue()
                    : value.isNumber() ? (Object) value.doubleValue()
                    : value.isObject() && value.has("blob") ? HexFormat.of().parseHex(value.get("blob").stringValue())
                    : value.toString());
        }
        return ContainerConfigRow.defaults(groupId, null).with(values);
    }

    /** The column names a version's replacing change wrote. */
    public static List<String> changedColumns(ConfigRowVersion version) {
        return version.changedColumns().isEmpty() ? List.of() : new ArrayList<>(List.of(version.changedColumns().split(",")));
    }
}
