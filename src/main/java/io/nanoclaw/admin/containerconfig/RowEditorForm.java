package io.nanoclaw.admin.containerconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import io.nanoclaw.admin.dbconfig.ColumnJson;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;

/**
 * The DB-era editor's form: one input per {@code container_configs} column, the row as those inputs, and the columns
 * the operator changed (submitted ≠ what the form first showed), and only those, as the row will store them.
 *
 * @param assistantNameMode {@code group} (NULL: the group's name, also after a rename) or {@code custom}
 * @param skillsMode {@code all}, {@code list}, or empty when the column holds neither (shown in a note)
 */
public record RowEditorForm(String provider, String model, String effort, String imageTag, String assistantNameMode,
        String assistantName, String maxMessagesPerPrompt, String skillsMode, String skills, String mcpServers,
        String apt, String npm, String additionalMounts, String cliScope) {

    /** The form's view of a row; {@code notes} gets a sentence for each column the form shows as raw text. */
    public static RowEditorForm of(ContainerConfigRow row, Map<String, String> notes) {
        String skillsMode = "";
        String skills = "";
        ColumnJson.Parsed parsedSkills = ColumnJson.parse(row.skills());
        if (parsedSkills.ok() && parsedSkills.value().isString() && "all".equals(parsedSkills.value().stringValue())) {
            skillsMode = "all";
        } else if (parsedSkills.ok() && ContainerConfigValidator.isStringArray(parsedSkills.value())) {
            skillsMode = "list";
            skills = lines(parsedSkills.value());
        } else {
            notes.put("skills", "holds " + shown(row.skills()) + ", which is neither \"all\" nor a list of skill"
                    + " names: choose one");
        }
        return new RowEditorForm(text(row.provider()), text(row.model()), text(row.effort()), text(row.imageTag()),
                row.assistantName() == null ? "group" : "custom", text(row.assistantName()),
                count(row.maxMessagesPerPrompt()), skillsMode, skills, json(row.mcpServers(), "mcp_servers", notes),
                packages(row.packagesApt(), "packages_apt", notes), packages(row.packagesNpm(), "packages_npm", notes),
                json(row.additionalMounts(), "additional_mounts", notes), row.cliScope());
    }

    /** What the form shows again after a refusal: what was sent, and for a field not sent what it first showed. */
    public static RowEditorForm shown(RowEditorForm sent, RowEditorForm original) {
        return new RowEditorForm(either(sent.provider, original.provider), either(sent.model, original.model),
                either(sent.effort, original.effort), either(sent.imageTag, original.imageTag),
                either(sent.assistantNameMode, original.assistantNameMode),
                either(sent.assistantName, original.assistantName),
                either(sent.maxMessagesPerPrompt, original.maxMessagesPerPrompt),
                either(sent.skillsMode, original.skillsMode), either(sent.skills, original.skills),
                either(sent.mcpServers, original.mcpServers), either(sent.apt, original.apt),
                either(sent.npm, original.npm), either(sent.additionalMounts, original.additionalMounts),
                either(sent.cliScope, original.cliScope));
    }

    /**
     * The columns whose inputs changed, as the row will store them: empty inputs are NULL (or the JSON column's
     * default), JSON as compact JSON (text that is not JSON is kept, for the row's rules to name), lists as arrays.
     * What cannot be read (a count that is not a whole number) goes to {@code violations}, by the column's document
     * name so that the form can show it next to its input.
     */
    public Map<String, Object> changes(RowEditorForm original, List<String> violations) {
        Map<String, Object> columns = new LinkedHashMap<>();
        if (changed(provider, original.provider)) {
            columns.put("provider", blankToNull(provider));
        }
        if (changed(model, original.model)) {
            columns.put("model", blankToNull(model));
        }
        if (changed(effort, original.effort)) {
            columns.put("effort", blankToNull(effort));
        }
        if (changed(imageTag, original.imageTag)) {
            columns.put("image_tag", blankToNull(imageTag));
        }
        if (changed(assistantNameMode, original.assistantNameMode) || "custom".equals(assistantNameMode)
                && assistantName != null && !Objects.equals(assistantName, original.assistantName)) {
            columns.put("assistant_name", "group".equals(assistantNameMode) ? null
                    : assistantName == null ? "" : assistantName);
        }
        if (changed(maxMessagesPerPrompt, original.maxMessagesPerPrompt)) {
            String value = maxMessagesPerPrompt.strip();
            if (value.isEmpty()) {
                columns.put("max_messages_per_prompt", null);
            } else {
                try {
                    columns.put("max_messages_per_prompt", Long.parseLong(value));
                } catch (NumberFormatException e) {
                    violations.add("maxMessagesPerPrompt must be a whole number, or empty for NULL (NanoClaw's"
                            + " default of 10), not '" + value + "'");
                }
            }
        }
        if (skillsMode != null && (changed(skillsMode, original.skillsMode)
                || "list".equals(skillsMode) && !splitLines(skills).equals(splitLines(original.skills)))) {
            if ("all".equals(skillsMode)) {
                columns.put("skills", "\"all\"");
            } else if ("list".equals(skillsMode)) {
                columns.put("skills", array(splitLines(skills)));
            }
        }
        if (changed(mcpServers, original.mcpServers)) {
            columns.put("mcp_servers", jsonColumn(mcpServers, "{}"));
        }
        if (apt != null && !splitLines(apt).equals(splitLines(original.apt))) {
            columns.put("packages_apt", array(splitLines(apt)));
        }
        if (npm != null && !splitLines(npm).equals(splitLines(original.npm))) {
            columns.put("packages_npm", array(splitLines(npm)));
        }
        if (changed(additionalMounts, original.additionalMounts)) {
            columns.put("additional_mounts", jsonColumn(additionalMounts, "[]"));
        }
        if (changed(cliScope, original.cliScope)) {
            columns.put("cli_scope", cliScope.strip());
        }
        return columns;
    }

    /** The form input a violation is about (violations start with a column's or a document field's name). */
    public static String inputOf(String violation) {
        for (Map.Entry<String, String> field : DbEraEditableConfig.FIELDS.entrySet()) {
            String top = field.getValue().contains(".") ? field.getValue().substring(0, field.getValue().indexOf('.'))
                    : field.getValue();
            for (String name : List.of(field.getKey(), field.getValue(), top)) {
                if (violation.startsWith(name + " ") || violation.startsWith(name + ":")
                        || violation.startsWith(name + ".")) {
                    return field.getKey().equals("packages_apt") && name.equals("packages") ? "packages" : field.getKey();
                }
            }
        }
        return null;
    }

    private static String jsonColumn(String text, String empty) {
        if (text.isBlank()) {
            return empty;
        }
        ColumnJson.Parsed parsed = ColumnJson.parse(ConfigEditorForm.lf(text).strip());
        return parsed.ok() ? ContainerConfigFormat.compact(parsed.value()) : ConfigEditorForm.lf(text).strip();
    }

    private static String json(String column, String name, Map<String, String> notes) {
        ColumnJson.Parsed parsed = ColumnJson.parse(column);
        if (!parsed.ok()) {
            notes.put(name, parsed.problem(name) + ": correct it here");
            return column == null ? "" : column;
        }
        return ConfigEditorForm.pretty(parsed.value());
    }

    private static String packages(String column, String name, Map<String, String> notes) {
        ColumnJson.Parsed parsed = ColumnJson.parse(column);
        if (parsed.ok() && ContainerConfigValidator.isStringArray(parsed.value())) {
            return lines(parsed.value());
        }
        notes.put(name, "holds " + shown(column) + ", which is not a list of package names: replace it with one"
                + " name per line");
        return "";
    }

    private static String count(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double real && real == Math.rint(real) && !real.isInfinite()) {
            return String.valueOf(real.longValue());
        }
        return String.valueOf(value);
    }

    private static String array(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return ContainerConfigFormat.compact(array);
    }

    private static String lines(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array.values()) {
            values.add(value.stringValue());
        }
        return String.join("\n", values);
    }

    private static List<String> splitLines(String text) {
        if (text == null) {
            return List.of();
        }
        return ConfigEditorForm.lf(text).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static boolean changed(String submitted, String original) {
        return submitted != null && !Objects.equals(ConfigEditorForm.lf(submitted).strip(),
                original == null ? "" : ConfigEditorForm.lf(original).strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String either(String value, String otherwise) {
        return value != null ? value : otherwise;
    }

    private static String shown(String column) {
        String text = String.valueOf(column);
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }
}
