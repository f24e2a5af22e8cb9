package io.nanoclaw.admin.containerconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;


/**
 * Type checks of container.json's known fields: a wrong type is undefined behaviour in NanoClaw's host or runner. The
 * drift scan reports them; edits refuse them.
 */
public final class ContainerConfigValidator {

    /** One field with a wrong type; {@code message} starts with the field's name. */
    public record Problem(String field, String message) {
    }

    private ContainerConfigValidator() {
    }

    public static List<Problem> check(ContainerConfigDocument document) {
        List<Problem> problems = new ArrayList<>();
        for (KnownField field : KnownField.values()) {
            document.field(field).ifPresent(value -> {
                String problem = problem(field, value);
                if (problem != null) {
                    problems.add(new Problem(field.key(), field.key() + (problem.startsWith(".") ? "" : " ") + problem));
                }
            });
        }
        return problems;
    }

    private static String problem(KnownField field, JsonNode value) {
        return switch (field) {
            case PROVIDER, IMAGE_TAG, GROUP_NAME, ASSISTANT_NAME, AGENT_GROUP_ID ->
                    value.isString() ? null : "must be a string, not " + kind(value);
            case MCP_SERVERS -> mcpServers(value);
            case PACKAGES -> packages(value);
            case ADDITIONAL_MOUNTS -> mounts(value);
            case SKILLS -> value.isString() && value.stringValue().equals("all") || isStringArray(value) ? null
                    : "must be \"all\" or an array of strings";
            case MAX_MESSAGES_PER_PROMPT -> value.isIntegralNumber() && value.bigIntegerValue().signum() > 0
                    || value.isNumber() && isPositiveWhole(value) ? null : "must be a positive integer";
        };
    }

    private static String mcpServers(JsonNode value) {
        if (!value.isObject()) {
            return "must be an object of servers, not " + kind(value);
        }
        for (Map.Entry<String, JsonNode> server : value.properties()) {
            JsonNode spec = server.getValue();
            String name = "server '" + server.getKey() + "'";
            if (!spec.isObject()) {
                return name + " must be an object";
            }
            if (!spec.path("command").isString()) {
                return name + " needs a string command";
            }
            if (spec.has("args") && !isStringArray(spec.get("args"))) {
                return name + ": args must be an array of strings";
            }
            if (spec.has("env") && !isStringObject(spec.get("env"))) {
                return name + ": env must map names to strings";
            }
        }
        return null;
    }

    private static String packages(JsonNode value) {
        if (!value.isObject()) {
            return "must be an object {apt, npm}, not " + kind(value);
        }
        for (String list : new String[] {"apt", "npm"}) {
            if (value.has(list) && !isStringArray(value.get(list))) {
                return "." + list + " must be an array of strings";
            }
        }
        return null;
    }

    private static String mounts(JsonNode value) {
        if (!value.isArray()) {
            return "must be an array, not " + kind(value);
        }
        for (JsonNode mount : value.values()) {
            if (!mount.isObject() || !mount.path("hostPath").isString()) {
                return "entries must be objects with a string hostPath";
            }
            if (mount.has("containerPath") && !mount.get("containerPath").isString()) {
                return "containerPath must be a string";
            }
            if (mount.has("readonly") && !mount.get("readonly").isBoolean()) {
                return "readonly must be true or false";
            }
        }
        return null;
    }

    private static boolean isPositiveWhole(JsonNode value) {
        java.math.BigDecimal decimal = value.decimalValue();
        return decimal.signum() > 0 && decimal.stripTrailingZeros().scale() <= 0;
    }

    /** A JSON array of strings only (an empty array included). */
    public static boolean isStringArray(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode element : value.values()) {
            if (!element.isString()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStringObject(JsonNode value) {
        if (!value.isObject()) {
            return false;
        }
        for (JsonNode element : value.values()) {
            if (!element.isString()) {
                return false;
            }
        }
        return true;
    }

    public static String kind(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isString()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
