package io.nanoclaw.admin.dbconfig;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.providers.ProviderChain;

/**
 * NanoClaw's back-fill ({@code src/backfill-container-configs.ts}) for one group, simulated: the row a DB-era host
 * inserts at its start for a group without a {@code container_configs} row, or the reason it throws there
 * ({@code nanoclaw-db-era.md}, "The back-fill"). Pure: reads nothing, writes nothing.
 *
 * <p>The back-fill does no type checks: it takes the file's values as JavaScript sees them and lets better-sqlite3 bind
 * them. A string is stored as written; a number is bound as a REAL, so a text column gets SQLite's rendering of it
 * ({@code 5} → {@code '5.0'}) and {@code max_messages_per_prompt} an INTEGER when the value is whole ({@code 20},
 * {@code "20"} → 20); a boolean, an object or an array cannot be bound, and the insert throws.
 */
public final class Backfill {

    /** The top-level keys the back-fill reads; {@code groupName} and {@code agentGroupId} are derived again. */
    static final Set<String> COPIED_KEYS = Set.of("provider", "imageTag", "assistantName", "maxMessagesPerPrompt",
            "skills", "mcpServers", "packages", "additionalMounts", "groupName", "agentGroupId");
    static final Set<String> COPIED_PACKAGES = Set.of("apt", "npm");
    static final String BIND_ERROR = "SQLite3 can only bind numbers, strings, bigints, buffers, and null";
    static final String STOPS_THE_HOST = "the host's start fails (\"Startup failed\") and the whole install stays"
            + " down until the file is fixed";
    private static final int VALUE_SHOWN = 60;

    private Backfill() {
    }

    /**
     * The back-fill of one group.
     *
     * @param legacyProvider {@code agent_groups.agent_provider}, as stored
     * @param file the group's container.json as read now; null when the group has no folder to read
     * @param now {@code updated_at} of the row (NanoClaw writes ISO-8601 UTC with milliseconds)
     */
    public static BackfillResult of(String groupId, String legacyProvider, ContainerConfigFile file, String now) {
        if (file != null && holdsJsonNull(file)) {
            return new BackfillResult(null, "container.json holds JSON null: the back-fill reads its fields from"
                    + " null and throws, so " + STOPS_THE_HOST + ".", false, List.of());
        }
        boolean contentLost = file != null && isUnusable(file);
        ObjectNode legacy = file != null && file.state() == ConfigFileState.OK ? file.document().toJson()
                : JsonNodeFactory.instance.objectNode();
        List<String> dropped = droppedKeys(legacy);
        List<String> problems = new ArrayList<>();
        String provider = ProviderChain.isSet(legacyProvider) ? legacyProvider : fileProvider(legacy, problems);
        String imageTag = text(legacy, "imageTag", "image_tag", problems);
        String assistantName = text(legacy, "assistantName", "assistant_name", problems);
        Object maxMessages = integer(legacy, "maxMessagesPerPrompt", "max_messages_per_prompt", problems);
        if (!problems.isEmpty()) {
            return new BackfillResult(null, "container.json has " + String.join(" and ", problems)
                    + ", which the back-fill cannot store (" + BIND_ERROR + "): " + STOPS_THE_HOST + ".",
                    contentLost, dropped);
        }
        JsonNode packages = legacy.get("packages");
        ObjectNode packageLists = packages instanceof ObjectNode object ? object
                : JsonNodeFactory.instance.objectNode();
        ContainerConfigRow row = new ContainerConfigRow(groupId, provider, null, null, imageTag, assistantName,
                maxMessages,
                json(legacy.get("skills"), "\"all\""),
                json(legacy.get("mcpServers"), "{}"),
                json(packageLists.get("apt"), "[]"),
                json(packageLists.get("npm"), "[]"),
                json(legacy.get("additionalMounts"), "[]"),
                now, "group");
        return new BackfillResult(row, null, contentLost, dropped);
    }

    /** A file whose JSON is {@code null}: the one non-object the back-fill cannot survive. */
    static boolean holdsJsonNull(ContainerConfigFile file) {
        return file.state() == ConfigFileState.NOT_AN_OBJECT && file.rawText() != null
                && stripJsonSpace(file.rawText()).equals("null");
    }

    /** The file is there but gives the back-fill nothing: it logs a warning (or not) and uses defaults. */
    static boolean isUnusable(ContainerConfigFile file) {
        return switch (file.state()) {
            case MALFORMED, UNREADABLE -> true;
            case NOT_AN_OBJECT -> !holdsJsonNull(file);
            default -> false;
        };
    }

    private static List<String> droppedKeys(ObjectNode legacy) {
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : legacy.properties()) {
            String key = field.getKey();
            if (!COPIED_KEYS.contains(key)) {
                dropped.add(key);
            } else if (key.equals("packages")) {
                JsonNode packages = field.getValue();
                if (packages instanceof ObjectNode object) {
                    for (String name : object.propertyNames()) {
                        if (!COPIED_PACKAGES.contains(name)) {
                            dropped.add("packages." + name);
                        }
                    }
                } else if (!packages.isNull()) {
                    // legacy.packages?.apt of a string or an array is undefined: the whole value is lost.
                    dropped.add("packages");
                }
            }
        }
        return dropped;
    }

    /** {@code legacy.provider || null}: JavaScript truthiness, so false, 0 and "" are no provider. */
    private static String fileProvider(ObjectNode legacy, List<String> problems) {
        JsonNode value = legacy.get("provider");
        if (value == null || isFalsy(value)) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber()) {
            return SqliteStorage.realAsText(jsNumber(value));
        }
        problems.add(problem("provider", value, "provider; agent_groups.agent_provider is empty, so the file's value"
                + " is used"));
        return null;
    }

    /** {@code legacy[key] ?? null} bound to a TEXT column. */
    private static String text(ObjectNode legacy, String key, String column, List<String> problems) {
        JsonNode value = legacy.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber()) {
            return SqliteStorage.realAsText(jsNumber(value));
        }
        problems.add(problem(key, value, column));
        return null;
    }

    /** {@code legacy[key] ?? null} bound to the INTEGER column. */
    private static Object integer(ObjectNode legacy, String key, String column, List<String> problems) {
        JsonNode value = legacy.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return SqliteStorage.integerAffinity(value.stringValue());
        }
        if (value.isNumber()) {
            return SqliteStorage.integerAffinity(jsNumber(value));
        }
        problems.add(problem(key, value, column));
        return null;
    }

    /** {@code "key": value (a boolean, for column)}: one value the insert cannot bind. */
    private static String problem(String key, JsonNode value, String column) {
        String shown = ContainerConfigFormat.compact(value);
        if (shown.length() > VALUE_SHOWN) {
            shown = shown.substring(0, VALUE_SHOWN) + "…";
        }
        String kind = value.isBoolean() ? "a boolean" : value.isArray() ? "an array" : "an object";
        return "\"" + key + "\": " + shown + " (" + kind + ", for " + column + ")";
    }

    /**
     * {@code JSON.stringify(value ?? fallback)}. The file was read with exact numbers and keys in file order; reading
     * its text again as JavaScript does ({@link ColumnJson}) gives doubles and JavaScript's key order.
     */
    private static String json(JsonNode value, String fallback) {
        if (value == null || value.isNull()) {
            return fallback;
        }
        return ContainerConfigFormat.compact(ColumnJson.parse(ContainerConfigFormat.compact(value)).value());
    }

    private static boolean isFalsy(JsonNode value) {
        return value.isNull() || value.isBoolean() && !value.booleanValue()
                || value.isNumber() && jsNumber(value) == 0
                || value.isString() && value.stringValue().isEmpty();
    }

    /** The number as JavaScript's JSON.parse reads it: the nearest double. */
    private static double jsNumber(JsonNode value) {
        if (value.isDouble() || value.isFloat()) {
            return value.doubleValue();
        }
        BigDecimal exact = value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : value.decimalValue();
        return Double.parseDouble(exact.toString());
    }

    private static String stripJsonSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isJsonSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isJsonSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isJsonSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
