package io.nanoclaw.admin.containerconfig;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.containerconfig.ConfigEditorController.ConfigForm;

/**
 * The container.json editor's form tab: a document as the form's fields, the fields the form cannot show (locked),
 * and the document with only the fields the operator changed.
 */
public final class ConfigEditorForm {

    private final JsonMapper json;

    public ConfigEditorForm(JsonMapper json) {
        this.json = json;
    }

    /** What the form shows again after a refusal: what was sent, and for a field not sent what it first showed. */
    public static ConfigForm shown(ConfigForm sent, ConfigForm original) {
        return new ConfigForm(either(sent.provider(), original.provider()),
                either(sent.assistantName(), original.assistantName()), either(sent.skillsMode(), original.skillsMode()),
                either(sent.skills(), original.skills()), either(sent.apt(), original.apt()),
                either(sent.npm(), original.npm()), either(sent.maxMessagesPerPrompt(), original.maxMessagesPerPrompt()),
                either(sent.mcpServers(), original.mcpServers()),
                either(sent.additionalMounts(), original.additionalMounts()));
    }

    private static String either(String value, String otherwise) {
        return value != null ? value : otherwise;
    }

    /** The form's view of a document; a field the form cannot show is null (and locked). */
    public ConfigForm formOf(ContainerConfigDocument document) {
        Map<String, String> locked = locked(document);
        String provider = locked.containsKey("provider") ? null : document.provider().orElse("");
        String assistantName = locked.containsKey("assistantName") ? null : document.assistantName().orElse("");
        String skillsMode = null;
        String skills = null;
        if (!locked.containsKey("skills")) {
            JsonNode value = document.field(KnownField.SKILLS).orElse(null);
            skillsMode = value == null || value.isString() ? "all" : "list";
            skills = value == null || value.isString() ? "" : lines(value);
        }
        String apt = null;
        String npm = null;
        if (!locked.containsKey("packages")) {
            JsonNode packages = document.field(KnownField.PACKAGES).orElse(null);
            apt = packages == null || !packages.has("apt") ? "" : lines(packages.get("apt"));
            npm = packages == null || !packages.has("npm") ? "" : lines(packages.get("npm"));
        }
        String max = locked.containsKey("maxMessagesPerPrompt") ? null : document.field(KnownField.MAX_MESSAGES_PER_PROMPT)
                .map(ContainerConfigFormat::compact).orElse("");
        String mcp = document.field(KnownField.MCP_SERVERS).map(ConfigEditorForm::pretty).orElse("");
        String mounts = document.field(KnownField.ADDITIONAL_MOUNTS).map(ConfigEditorForm::pretty).orElse("");
        return new ConfigForm(provider, assistantName, skillsMode, skills, apt, npm, max, mcp, mounts);
    }

    /** The known fields whose value the form has no input for, with what they hold. */
    public static Map<String, String> locked(ContainerConfigDocument document) {
        Map<String, String> locked = new LinkedHashMap<>();
        document.field(KnownField.PROVIDER).filter(v -> !v.isString()).ifPresent(v -> locked.put("provider", describe(v)));
        document.field(KnownField.ASSISTANT_NAME).filter(v -> !v.isString())
                .ifPresent(v -> locked.put("assistantName", describe(v)));
        document.field(KnownField.SKILLS).filter(v -> !(v.isString() && "all".equals(v.stringValue()) || ContainerConfigValidator.isStringArray(v)))
                .ifPresent(v -> locked.put("skills", describe(v)));
        document.field(KnownField.PACKAGES).filter(v -> !v.isObject() || v.has("apt") && !ContainerConfigValidator.isStringArray(v.get("apt"))
                        || v.has("npm") && !ContainerConfigValidator.isStringArray(v.get("npm")))
                .ifPresent(v -> locked.put("packages", describe(v)));
        document.field(KnownField.MAX_MESSAGES_PER_PROMPT).filter(v -> !v.isNumber())
                .ifPresent(v -> locked.put("maxMessagesPerPrompt", describe(v)));
        return locked;
    }

    /**
     * The current document with the fields the operator changed (submitted ≠ what the form first showed), and only
     * those; every other key, known or not, stays as it is, in its place.
     */
    public ContainerConfigDocument applyForm(ContainerConfigDocument current, ConfigForm submitted, ConfigForm original,
            Map<String, List<String>> errors) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ContainerConfigDocument document = current;
        Map<String, String> locked = locked(current);
        if (changed(submitted.provider(), original.provider()) && !locked.containsKey("provider")) {
            document = submitted.provider().isBlank() ? document.without("provider")
                    : document.with("provider", submitted.provider().strip());
        }
        if (changed(submitted.assistantName(), original.assistantName()) && !locked.containsKey("assistantName")) {
            document = submitted.assistantName().isEmpty() ? document.without("assistantName")
                    : document.with("assistantName", submitted.assistantName());
        }
        if (!locked.containsKey("skills") && submitted.skillsMode() != null
                && (changed(submitted.skillsMode(), original.skillsMode())
                        || "list".equals(submitted.skillsMode()) && !splitLines(submitted.skills())
                                .equals(splitLines(original.skills())))) {
            document = "list".equals(submitted.skillsMode())
                    ? document.with("skills", strings(splitLines(submitted.skills())))
                    : document.with("skills", "all");
        }
        if (!locked.containsKey("packages")) {
            boolean aptChanged = submitted.apt() != null && !splitLines(submitted.apt()).equals(splitLines(original.apt()));
            boolean npmChanged = submitted.npm() != null && !splitLines(submitted.npm()).equals(splitLines(original.npm()));
            if (aptChanged || npmChanged) {
                JsonNode existing = document.field(KnownField.PACKAGES).orElse(null);
                boolean created = !(existing instanceof ObjectNode);
                ObjectNode packages = existing instanceof ObjectNode object ? object.deepCopy() : nodes.objectNode();
                if (aptChanged || created) {
                    packages.set("apt", strings(splitLines(submitted.apt())));
                }
                if (npmChanged || created) {
                    packages.set("npm", strings(splitLines(submitted.npm())));
                }
                document = document.with("packages", packages);
            }
        }
        if (changed(submitted.maxMessagesPerPrompt(), original.maxMessagesPerPrompt())
                && !locked.containsKey("maxMessagesPerPrompt")) {
            String value = submitted.maxMessagesPerPrompt().strip();
            if (value.isEmpty()) {
                document = document.without("maxMessagesPerPrompt");
            } else {
                try {
                    BigInteger number = new BigInteger(value);
                    if (number.signum() <= 0) {
                        throw new NumberFormatException();
                    }
                    document = document.with("maxMessagesPerPrompt", nodes.numberNode(number));
                } catch (NumberFormatException e) {
                    errors.computeIfAbsent("maxMessagesPerPrompt", k -> new ArrayList<>())
                            .add("maxMessagesPerPrompt must be a positive integer, not '" + value + "'");
                }
            }
        }
        document = jsonField(document, "mcpServers", submitted.mcpServers(), original.mcpServers(), errors);
        document = jsonField(document, "additionalMounts", submitted.additionalMounts(), original.additionalMounts(),
                errors);
        return document;
    }

    private ContainerConfigDocument jsonField(ContainerConfigDocument document, String key, String submitted,
            String original, Map<String, List<String>> errors) {
        if (!changed(submitted, original)) {
            return document;
        }
        if (submitted.isBlank()) {
            return document.without(key);
        }
        try {
            JsonNode value = json.readTree(submitted);
            JsonNode before = original == null || original.isBlank() ? null : readOrNull(original);
            return value.equals(before) ? document : document.with(key, value);
        } catch (JacksonException e) {
            errors.computeIfAbsent(key, k -> new ArrayList<>()).add(key + " is not valid JSON: "
                    + e.getOriginalMessage());
            return document;
        }
    }

    private JsonNode readOrNull(String text) {
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The known field a violation is about: violations start with the field's name. */
    public static String fieldOf(String violation) {
        for (KnownField field : KnownField.values()) {
            if (violation.startsWith(field.key() + " ") || violation.startsWith(field.key() + ".")
                    || violation.startsWith(field.key() + ":")) {
                return field.key();
            }
        }
        return null;
    }

    private static boolean changed(String submitted, String original) {
        return submitted != null && !Objects.equals(lf(submitted).strip(), original == null ? "" : lf(original).strip());
    }

    public static String lf(String text) {
        return text == null ? null : text.replace("\r\n", "\n");
    }

    private static List<String> splitLines(String text) {
        if (text == null) {
            return List.of();
        }
        return lf(text).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String lines(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array.values()) {
            values.add(value.stringValue());
        }
        return String.join("\n", values);
    }

    private static String describe(JsonNode value) {
        String text = ContainerConfigFormat.compact(value);
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }

    /** A value as {@code JSON.stringify(value, null, 2)} writes it, like the file does. */
    public static String pretty(JsonNode value) {
        String wrapped = ContainerConfigFormat.render(ContainerConfigDocument.empty().with("v", value));
        String inner = wrapped.substring(wrapped.indexOf(':') + 2, wrapped.length() - "\n}\n".length());
        return inner.replace("\n  ", "\n");
    }
}
