package io.nanoclaw.admin.dbconfig;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import tools.jackson.databind.JsonNode;

/**
 * The condition of {@code CONFIG_ROW_INVALID}: a JSON column that is not valid JSON or has the wrong JSON type, or a
 * {@code max_messages_per_prompt} that is neither NULL nor an integer. Zero and negative integers are valid (the
 * runner reads 0 as its default and a negative value as no limit). At most one problem per column, in the table's
 * column order.
 */
public final class ContainerConfigRowValidator {

    private static final int SHOWN_TEXT = 40;

    private ContainerConfigRowValidator() {
    }

    public static List<RowProblem> check(ContainerConfigRow row) {
        List<RowProblem> problems = new ArrayList<>();
        String count = maxMessages(row.maxMessagesPerPrompt());
        if (count != null) {
            problems.add(new RowProblem("max_messages_per_prompt", "max_messages_per_prompt " + count));
        }
        json(problems, "skills", row.skills(), ContainerConfigRowValidator::skills);
        json(problems, "mcp_servers", row.mcpServers(),
                value -> value.isObject() ? null : "must be a JSON object of servers, but it is " + describe(value));
        json(problems, "packages_apt", row.packagesApt(), ContainerConfigRowValidator::stringArray);
        json(problems, "packages_npm", row.packagesNpm(), ContainerConfigRowValidator::stringArray);
        json(problems, "additional_mounts", row.additionalMounts(), ContainerConfigRowValidator::mounts);
        return problems;
    }

    /** Checks one JSON column; {@code typeCheck} gives the rest of the sentence after the column name, or null. */
    private static void json(List<RowProblem> problems, String column, String text,
            Function<JsonNode, String> typeCheck) {
        ColumnJson.Parsed parsed = ColumnJson.parse(text);
        if (!parsed.ok()) {
            problems.add(new RowProblem(column, parsed.problem(column)));
            return;
        }
        String problem = typeCheck.apply(parsed.value());
        if (problem != null) {
            problems.add(new RowProblem(column, column + " " + problem));
        }
    }

    private static String skills(JsonNode value) {
        if (value.isString() && value.stringValue().equals("all")) {
            return null;
        }
        if (!value.isArray()) {
            return "must be \"all\" or an array of skill names, but it is " + describe(value);
        }
        String element = firstNonString(value);
        return element == null ? null : "must be \"all\" or an array of skill names, but " + element;
    }

    private static String stringArray(JsonNode value) {
        if (!value.isArray()) {
            return "must be an array of package names, but it is " + describe(value);
        }
        String element = firstNonString(value);
        return element == null ? null : "must be an array of package names, but " + element;
    }

    private static String mounts(JsonNode value) {
        if (!value.isArray()) {
            return "must be an array of mounts, but it is " + describe(value);
        }
        int size = value.size();
        for (int i = 0; i < size; i++) {
            JsonNode mount = value.get(i);
            String entry = "entry " + (i + 1) + " of " + size;
            if (!mount.isObject()) {
                return "must be an array of mounts ({\"hostPath\": …}), but " + entry + " is " + describe(mount);
            }
            JsonNode hostPath = mount.get("hostPath");
            if (hostPath == null) {
                return "must be an array of mounts with a string hostPath, but " + entry + " has no hostPath";
            }
            if (!hostPath.isString()) {
                return "must be an array of mounts with a string hostPath, but the hostPath of " + entry + " is "
                        + describe(hostPath);
            }
        }
        return null;
    }

    private static String firstNonString(JsonNode array) {
        int size = array.size();
        for (int i = 0; i < size; i++) {
            if (!array.get(i).isString()) {
                return "element " + (i + 1) + " of " + size + " is " + describe(array.get(i));
            }
        }
        return null;
    }

    /** The rest of a sentence about {@code max_messages_per_prompt}, or null when it is NULL or an integer. */
    private static String maxMessages(Object value) {
        if (value == null || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            return null;
        }
        String expected = "must be NULL or an integer, but ";
        if (value instanceof String text) {
            return expected + "it holds the text " + shown(text);
        }
        if (value instanceof Double || value instanceof Float) {
            double real = ((Number) value).doubleValue();
            // SQLite keeps a whole real such as 1e20 as a real when it does not fit a 64-bit integer: still whole.
            return Double.isFinite(real) && real == Math.rint(real) ? null
                    : expected + "it holds the real number " + real;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0 ? null
                    : expected + "it holds the real number " + decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return expected + "it holds a blob of " + bytes.length + (bytes.length == 1 ? " byte" : " bytes");
        }
        return expected + "it holds a " + value.getClass().getSimpleName();
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isString()) {
            return "the string " + shown(ContainerConfigFormat.compact(value));
        }
        if (value.isNumber()) {
            return "the number " + ContainerConfigFormat.compact(value);
        }
        if (value.isBoolean()) {
            return "the boolean " + value.booleanValue();
        }
        return "null";
    }

    private static String shown(String text) {
        String quoted = text.startsWith("\"") ? text : "'" + text + "'";
        return quoted.length() <= SHOWN_TEXT ? quoted : quoted.substring(0, SHOWN_TEXT - 1) + "…";
    }
}
