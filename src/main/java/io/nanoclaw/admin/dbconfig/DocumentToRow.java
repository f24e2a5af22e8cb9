package io.nanoclaw.admin.dbconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;

/**
 * A container.json document read back into the columns of a {@code container_configs} row, as
 * {@code IMPORT_FILE_INTO_DB} and the DB era's editor need it: each known field present is taken as written (no
 * lower-casing), a known field absent gets the column's NULL or default, {@code assistantName} equal to the group's name
 * is stored as NULL (so later renames still reach the assistant), {@code groupName} and {@code agentGroupId} are never
 * taken (they come from the group row), and every key the row cannot hold is named, never silently dropped.
 */
public final class DocumentToRow {

    /** Top-level keys the materialised document has; anything else has no column. */
    static final List<String> KNOWN = List.of("mcpServers", "packages", "imageTag", "additionalMounts", "skills",
            "provider", "groupName", "assistantName", "agentGroupId", "maxMessagesPerPrompt", "model", "effort");

    private DocumentToRow() {
    }

    /**
     * @param columns the row's columns that the document sets (every column but {@code updated_at} and
     *        {@code cli_scope}, which no document holds)
     * @param unheld the keys the row cannot hold ({@code env}, {@code packages.pip}, …), in document order
     * @param problems values of the wrong JSON type for their column; the document cannot be stored while any is left
     */
    public record Result(Map<String, Object> columns, List<String> unheld, List<String> problems) {
    }

    public static Result of(ContainerConfigDocument document, String groupName) {
        Map<String, Object> columns = new LinkedHashMap<>();
        List<String> unheld = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String key : document.keys()) {
            if (!KNOWN.contains(key)) {
                unheld.add(key);
            }
        }
        columns.put("provider", text(document, "provider", problems));
        columns.put("model", text(document, "model", problems));
        columns.put("effort", text(document, "effort", problems));
        columns.put("image_tag", text(document, "imageTag", problems));
        String assistant = text(document, "assistantName", problems);
        columns.put("assistant_name", assistant != null && assistant.equals(groupName) ? null : assistant);
        columns.put("max_messages_per_prompt", wholeNumber(document, problems));
        columns.put("skills", json(document.field("skills").orElse(null), "\"all\""));
        columns.put("mcp_servers", json(document.field("mcpServers").orElse(null), "{}"));
        JsonNode packages = document.field("packages").orElse(null);
        if (packages != null && !packages.isObject()) {
            problems.add("packages must be an object with apt and npm arrays, not " + ContainerConfigFormat.compact(packages));
            packages = null;
        }
        if (packages != null) {
            for (String key : packages.propertyNames()) {
                if (!key.equals("apt") && !key.equals("npm")) {
                    unheld.add("packages." + key);
                }
            }
        }
        columns.put("packages_apt", json(packages == null ? null : packages.get("apt"), "[]"));
        columns.put("packages_npm", json(packages == null ? null : packages.get("npm"), "[]"));
        columns.put("additional_mounts", json(document.field("additionalMounts").orElse(null), "[]"));
        return new Result(columns, List.copyOf(unheld), List.copyOf(problems));
    }

    private static String text(ContainerConfigDocument document, String key, List<String> problems) {
        JsonNode value = document.field(key).orElse(null);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(key + " must be a string or absent, not " + ContainerConfigFormat.compact(value));
            return null;
        }
        return value.stringValue();
    }

    private static Long wholeNumber(ContainerConfigDocument document, List<String> problems) {
        JsonNode value = document.field("maxMessagesPerPrompt").orElse(null);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().stripTrailingZeros().scale() > 0
                || value.decimalValue().abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            problems.add("maxMessagesPerPrompt must be a whole number or absent, not " + ContainerConfigFormat.compact(value));
            return null;
        }
        return value.decimalValue().longValueExact();
    }

    /** The column's compact JSON, as {@code JSON.stringify} writes it, or the column's default when absent. */
    private static String json(JsonNode value, String absent) {
        return value == null || value.isNull() ? absent : ContainerConfigFormat.compact(value);
    }
}
