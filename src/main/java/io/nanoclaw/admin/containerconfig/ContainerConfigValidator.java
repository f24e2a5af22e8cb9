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

    /**
     * What edits refuse before writing, beyond the types: a number JavaScript cannot hold (Infinity, a whole number
     * past 2^53), and what NanoClaw's mount security would refuse in any install: a host path that
     * is not absolute (or {@code ~/…}), holds a {@code ..} segment or a pattern NanoClaw always blocks (.ssh, .aws,
     * credentials, …); a container path that is absolute or climbs out. Whether a path is under an allowed root depends
     * on the operator's allowlist and is left to the drift scan ({@code MOUNT_REJECTED}).
     */
    public static List<Problem> editProblems(ContainerConfigDocument document) {
        List<Problem> problems = new ArrayList<>(unsafeNumbers(document));
        problems.addAll(mountPathProblems(document));
        return problems;
    }

    /** Each top-level key holding a number JavaScript turns into Infinity or rounds (a whole number past 2^53). */
    public static List<Problem> unsafeNumbers(ContainerConfigDocument document) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : document.json().properties()) {
            String unsafe = unsafeNumber(entry.getValue());
            if (unsafe != null) {
                problems.add(new Problem(entry.getKey(), entry.getKey() + " holds the number " + unsafe + ", which"
                        + " NanoClaw (JavaScript) cannot hold exactly"));
            }
        }
        return problems;
    }

    /** Mount paths NanoClaw's mount security refuses in any install. */
    public static List<Problem> mountPathProblems(ContainerConfigDocument document) {
        List<Problem> problems = new ArrayList<>();
        document.field(KnownField.ADDITIONAL_MOUNTS).filter(JsonNode::isArray).ifPresent(mounts -> {
            for (JsonNode mount : mounts.values()) {
                if (!mount.path("hostPath").isString()) {
                    continue; // a wrong type, reported by check()
                }
                String host = mount.get("hostPath").stringValue();
                String problem = hostPathProblem(host);
                if (problem == null && mount.path("containerPath").isString()) {
                    String target = mount.get("containerPath").stringValue();
                    if (target.startsWith("/") || List.of(target.split("/")).contains("..") || target.contains(":")
                            || target.indexOf('\0') >= 0) {
                        problem = "containerPath '" + target + "' must be relative, without '..' or ':'";
                    }
                }
                if (problem != null) {
                    problems.add(new Problem(KnownField.ADDITIONAL_MOUNTS.key(),
                            KnownField.ADDITIONAL_MOUNTS.key() + ": " + problem + " (NanoClaw refuses it)"));
                }
            }
        });
        return problems;
    }

    private static final java.math.BigDecimal MAX_SAFE = java.math.BigDecimal.valueOf((1L << 53) - 1);

    /** The first number in the value that JavaScript turns into Infinity or rounds (a whole number past 2^53). */
    private static String unsafeNumber(JsonNode value) {
        if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            return value.toString();
        }
        if (value.isNumber()) {
            java.math.BigDecimal number = value.decimalValue();
            boolean whole = number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
            boolean unsafe = whole ? number.abs().compareTo(MAX_SAFE) > 0 : Double.isInfinite(number.doubleValue());
            return unsafe ? value.toString() : null;
        }
        for (JsonNode child : value.values()) {
            String unsafe = unsafeNumber(child);
            if (unsafe != null) {
                return unsafe;
            }
        }
        return null;
    }

    /** NanoClaw's {@code DEFAULT_BLOCKED_PATTERNS}: refused in a host path whatever the allowlist says. */
    public static final List<String> ALWAYS_BLOCKED = List.of(".ssh", ".gnupg", ".gpg", ".aws", ".azure", ".gcloud", ".kube",
            ".docker", "credentials", ".env", ".netrc", ".npmrc", ".pypirc", "id_rsa", "id_ed25519", "private_key",
            ".secret");

    private static String hostPathProblem(String host) {
        if (host.indexOf('\0') >= 0 || host.isBlank()) {
            return "hostPath must be a path";
        }
        if (!host.startsWith("/") && !host.equals("~") && !host.startsWith("~/")) {
            return "hostPath '" + host + "' must be absolute (or start with ~/)";
        }
        if (List.of(host.split("/")).contains("..")) {
            return "hostPath '" + host + "' must not climb with '..'";
        }
        for (String pattern : ALWAYS_BLOCKED) {
            if (host.contains(pattern)) {
                return "hostPath '" + host + "' holds the blocked pattern '" + pattern + "'";
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
