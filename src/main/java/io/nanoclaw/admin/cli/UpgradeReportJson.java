package io.nanoclaw.admin.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.upgrade.UpgradeGroup;
import io.nanoclaw.admin.upgrade.UpgradeItem;
import io.nanoclaw.admin.upgrade.UpgradeReport;

/**
 * {@code scan --upgrade-preview --format=json}: the drift document as {@code scan --format=json} prints it, plus
 * {@code "upgrade"} (the items: code, severity, groupId, folder, runnerNow, runnerAfter, keys, message) and
 * {@code "backfill"} (per group, in the order the back-fill visits them: the row it inserts or its failure).
 */
final class UpgradeReportJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private UpgradeReportJson() {
    }

    static String document(DriftReport drift, UpgradeReport upgrade) {
        ObjectNode document = JSON.valueToTree(drift);
        ArrayNode items = document.putArray("upgrade");
        for (UpgradeItem item : upgrade.items()) {
            ObjectNode node = items.addObject();
            node.put("code", item.code().name());
            node.put("severity", item.severity().name());
            node.put("groupId", item.groupId());
            node.put("folder", item.folder());
            node.put("runnerNow", item.runnerNow());
            node.put("runnerAfter", item.runnerAfter());
            ArrayNode keys = node.putArray("keys");
            item.keys().forEach(keys::add);
            node.put("message", item.message());
        }
        ArrayNode backfill = document.putArray("backfill");
        for (UpgradeGroup group : upgrade.groups()) {
            ObjectNode node = backfill.addObject();
            node.put("groupId", group.groupId());
            node.put("folder", group.folder());
            node.put("name", group.name());
            node.put("fileState", group.fileState() == null ? null : group.fileState().name());
            node.put("runnerAfter", group.runnerAfter());
            node.put("provider", group.backfillProvider());
            node.set("row", JSON.valueToTree(group.backfill().row()));
            node.put("failure", group.backfill().failure());
            node.put("fileContentLost", group.backfill().fileContentLost());
            ArrayNode dropped = node.putArray("droppedKeys");
            group.backfill().droppedKeys().forEach(dropped::add);
        }
        return JSON.writeValueAsString(document);
    }
}
