package io.nanoclaw.admin.dbconfig;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the container.json that NanoClaw's host writes at every spawn ({@code materializeContainerJson}) from a
 * group's id and name and its {@code container_configs} row, key for key and in the host's order:
 * {@code mcpServers}, {@code packages {apt, npm}}, {@code imageTag}, {@code additionalMounts}, {@code skills},
 * {@code provider}, {@code groupName}, {@code assistantName}, {@code agentGroupId}, {@code maxMessagesPerPrompt},
 * {@code model}, {@code effort}. A NULL column leaves its key out ({@code ''} is kept); {@code assistant_name} NULL
 * gives the group's name. JSON columns are written as parsed, whatever their type: the host checks nothing.
 */
public final class Materializer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Materializer() {
    }

    /**
     * @param groupId {@code agent_groups.id}
     * @param groupName {@code agent_groups.name}; null (SQL NULL) is written as JSON {@code null}, as the host would
     */
    public static Materialized materialize(String groupId, String groupName, ContainerConfigRow row) {
        // The order in which the host parses: the first problem is the error its spawn fails with.
        ColumnJson.Parsed mcpServers = ColumnJson.parse(row.mcpServers());
        ColumnJson.Parsed apt = ColumnJson.parse(row.packagesApt());
        ColumnJson.Parsed npm = ColumnJson.parse(row.packagesNpm());
        ColumnJson.Parsed mounts = ColumnJson.parse(row.additionalMounts());
        ColumnJson.Parsed skills = ColumnJson.parse(row.skills());
        List<String> problems = new ArrayList<>();
        addProblem(problems, "mcp_servers", mcpServers);
        addProblem(problems, "packages_apt", apt);
        addProblem(problems, "packages_npm", npm);
        addProblem(problems, "additional_mounts", mounts);
        addProblem(problems, "skills", skills);
        if (!problems.isEmpty()) {
            return Materialized.failed(problems);
        }

        ObjectNode document = NODES.objectNode();
        document.set("mcpServers", mcpServers.value());
        ObjectNode packages = document.putObject("packages");
        packages.set("apt", apt.value());
        packages.set("npm", npm.value());
        putUnlessNull(document, "imageTag", row.imageTag());
        document.set("additionalMounts", mounts.value());
        document.set("skills", skills.value());
        putUnlessNull(document, "provider", row.provider());
        document.set("groupName", text(groupName));
        document.set("assistantName", text(row.assistantName() != null ? row.assistantName() : groupName));
        document.set("agentGroupId", text(groupId));
        if (row.maxMessagesPerPrompt() != null) {
            document.set("maxMessagesPerPrompt", sqliteValue(row.maxMessagesPerPrompt()));
        }
        putUnlessNull(document, "model", row.model());
        putUnlessNull(document, "effort", row.effort());
        return Materialized.of(ContainerConfigDocument.of(document));
    }

    /**
     * A column value as better-sqlite3 hands it to JavaScript and {@code JSON.stringify} writes it: an integer as a
     * number (a double, so beyond 2^53 rounded), a real as a number, text as a string, a blob as Node's
     * {@code {"type": "Buffer", "data": [...]}}.
     */
    static JsonNode sqliteValue(Object value) {
        if (value instanceof String text) {
            return NODES.stringNode(text);
        }
        if (value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return ColumnJson.number(((Number) value).doubleValue());
        }
        if (value instanceof byte[] bytes) {
            return buffer(bytes);
        }
        throw new IllegalArgumentException("SQLite gives no value of type " + value.getClass().getName());
    }

    private static JsonNode buffer(byte[] bytes) {
        ObjectNode buffer = NODES.objectNode();
        buffer.put("type", "Buffer");
        ArrayNode data = buffer.putArray("data");
        for (byte b : bytes) {
            data.add(b & 0xFF);
        }
        return buffer;
    }

    private static void addProblem(List<String> problems, String column, ColumnJson.Parsed parsed) {
        if (!parsed.ok()) {
            problems.add(parsed.problem(column));
        }
    }

    private static void putUnlessNull(ObjectNode document, String key, String value) {
        if (value != null) {
            document.put(key, value);
        }
    }

    private static JsonNode text(String value) {
        return value == null ? NODES.nullNode() : NODES.stringNode(value);
    }
}
