package io.nanoclaw.admin.containerconfig;

import static io.nanoclaw.admin.containerconfig.ConfigEditorForm.lf;
import static io.nanoclaw.admin.change.EditPages.afterwards;
import static io.nanoclaw.admin.change.EditPages.requireOperator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.change.ChangePage;
import io.nanoclaw.admin.change.UnifiedDiff;
import io.nanoclaw.admin.change.EditPages.Problem;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.change.ProviderChoices;
import io.nanoclaw.admin.change.EditRefusedException;
import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.change.InvalidConfigException;
import io.nanoclaw.admin.change.StaleEditException;

/**
 * The container.json editor, for operators: a form and a raw tab, a preview of the change (its diff and what NanoClaw
 * will do) before saving, and a merge view when someone else saved in between. Errors are shown on the editor as
 * sentences or next to the field; nothing is written when they happen.
 */
@Controller
class ConfigEditorController implements ChangePage {

    static final String EDITOR = "containerconfig/config-editor";
    static final String CONFIG_PREVIEW = "containerconfig/config-preview";

    private final ConfigEditService configs;
    private final EditTargets targets;
    private final ProviderChoices providerChoices;
    private final JsonMapper json;
    private final ConfigEditorForm forms;
    private final RowEditorController rows;

    ConfigEditorController(ConfigEditService configs, EditTargets targets, ProviderChoices providerChoices,
            JsonMapper json, RowEditorController rows) {
        this.rows = rows;
        this.configs = configs;
        this.targets = targets;
        this.providerChoices = providerChoices;
        this.json = json;
        this.forms = new ConfigEditorForm(json);
    }

    /** The form tab's fields as text; a null field was not sent, and is kept as the file has it. */
    public record ConfigForm(String provider, String assistantName, String skillsMode, String skills, String apt,
            String npm, String maxMessagesPerPrompt, String mcpServers, String additionalMounts) {
    }

    /**
     * The editor's fixed facts: the group, the file's state, whether the form can show it, and the fields the form
     * cannot show (their value has a type the form has no input for: they stay as they are).
     */
    public record ConfigEditor(String groupId, String groupName, String folder, ConfigFileState state,
            boolean formAvailable, Map<String, String> locked, List<String> providerChoices, String note) {

        public boolean isLocked(String key) {
            return locked.containsKey(key);
        }
    }

    /** Someone else saved in between: their change, yours, and the file as it is now. */
    public record Merge(String otherChange, String yourChange, String currentText, String yourText) {
    }

    @GetMapping("/groups/{id}/container-config/edit")
    String editor(@PathVariable String id, @RequestParam(defaultValue = "form") String tab, Authentication caller,
            Model model) {
        if (rows.applies()) {
            // The DB-config era: the config is the container_configs row.
            return rows.editor(id, tab, caller, model);
        }
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        ContainerConfigFile file = targets.file(group);
        ConfigEditor editor = editorOf(group, file);
        model.addAttribute("editor", editor);
        model.addAttribute("tab", editor.formAvailable() && !"raw".equals(tab) ? "form" : "raw");
        model.addAttribute("version", file.version().value());
        model.addAttribute("baseText", file.rawText());
        if (editor.formAvailable()) {
            ConfigForm form = forms.formOf(targets.editable(group, file));
            model.addAttribute("form", form);
            model.addAttribute("original", json.writeValueAsString(form));
        }
        model.addAttribute("rawText", rawTextOf(group, file));
        if (!editable(file)) {
            model.addAttribute("problem", "groups/" + group.folder() + " cannot hold a container.json ("
                    + file.state() + "); fix the folder first.");
        }
        return EDITOR;
    }

    @PostMapping("/groups/{id}/container-config/preview")
    String previewConfig(@PathVariable String id, @RequestParam(defaultValue = "form") String tab,
            @ModelAttribute ConfigForm form, @RequestParam(required = false) String original,
            @RequestParam(required = false) String text, @RequestParam(required = false) String version,
            @RequestParam(required = false) String baseText, Model model, HttpServletResponse response) {
        AgentGroup group = targets.group(id);
        ContainerConfigFile file = targets.file(group);
        ConfigEditor editor = editorOf(group, file);
        model.addAttribute("editor", editor);
        model.addAttribute("version", version);
        model.addAttribute("baseText", lf(baseText));
        boolean fromForm = "form".equals(tab) && editor.formAvailable();
        model.addAttribute("tab", fromForm ? "form" : "raw");
        String yours;
        if (fromForm) {
            ConfigForm before = originalForm(original, group, file);
            model.addAttribute("form", ConfigEditorForm.shown(form, before));
            model.addAttribute("original", original);
            model.addAttribute("rawText", rawTextOf(group, file));
            Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
            ContainerConfigDocument changed = forms.applyForm(targets.editable(group, file), form, before, fieldErrors);
            if (!fieldErrors.isEmpty()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("fieldErrors", fieldErrors);
                model.addAttribute("problem", "Nothing was written: correct the fields marked below.");
                return EDITOR;
            }
            yours = ContainerConfigFormat.render(changed);
        } else {
            yours = lf(text == null ? "" : text);
            model.addAttribute("rawText", yours);
        }
        return previewOrExplain(group, yours, version, lf(baseText), fromForm, model, response);
    }

    private String previewOrExplain(AgentGroup group, String yours, String version, String baseText, boolean fromForm,
            Model model, HttpServletResponse response) {
        try {
            EditResult result = configs.replace(group.id(), yours, versionOf(version), true, null);
            model.addAttribute("result", result);
            model.addAttribute("text", yours);
            return CONFIG_PREVIEW;
        } catch (RuntimeException e) {
            return explain(e, group, yours, version, baseText, fromForm, model, response);
        }
    }

    @PostMapping("/groups/{id}/container-config")
    String saveConfig(@PathVariable String id, @RequestParam String text, @RequestParam(required = false) String version,
            @RequestParam(required = false) String baseText, @RequestParam(required = false) String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        AgentGroup group = targets.group(id);
        String yours = lf(text);
        try {
            EditResult result = configs.replace(id, yours, versionOf(version), false, reason);
            redirect.addFlashAttribute("notice", result.applied()
                    ? "Saved groups/" + group.folder() + "/container.json."
                    : "Nothing to save: groups/" + group.folder() + "/container.json already says this.");
            redirect.addFlashAttribute("noticeDetails", afterwards(result));
            return "redirect:/groups/" + id;
        } catch (RuntimeException e) {
            ContainerConfigFile file = targets.file(group);
            model.addAttribute("editor", editorOf(group, file));
            model.addAttribute("tab", "raw");
            model.addAttribute("rawText", yours);
            model.addAttribute("version", version);
            model.addAttribute("baseText", lf(baseText));
            return explain(e, group, yours, version, lf(baseText), false, model, response);
        }
    }

    /** The editor again, saying why nothing was written: a merge view, the violations, or the refusal. */
    private String explain(RuntimeException e, AgentGroup group, String yours, String version, String baseText,
            boolean fromForm, Model model, HttpServletResponse response) {
        if (e instanceof StaleEditException stale) {
            String path = "groups/" + group.folder() + "/container.json";
            String base = FileVersion.ABSENT.value().equals(version) ? null : baseText;
            boolean baseKnown = base != null || FileVersion.ABSENT.value().equals(version);
            String otherChange = stale.otherChange() != null ? stale.otherChange()
                    : baseKnown ? UnifiedDiff.of(path, base, stale.currentText()) : null;
            String yourChange = fromForm || !baseKnown ? stale.yourChange() : UnifiedDiff.of(path, base, yours);
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            model.addAttribute("merge", new Merge(otherChange, yourChange, stale.currentText(), yours));
            model.addAttribute("tab", "raw");
            model.addAttribute("rawText", stale.currentText() == null ? "" : stale.currentText());
            model.addAttribute("version", stale.current().value());
            model.addAttribute("baseText", stale.currentText());
            model.addAttribute("problem", "Someone else changed container.json since you opened it. Nothing was"
                    + " written. Their change and yours are below; the raw editor now holds the current file: merge"
                    + " your change into it, then preview and save again.");
            return EDITOR;
        }
        if (e instanceof InvalidConfigException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
            List<String> errors = new ArrayList<>();
            for (String violation : invalid.violations()) {
                String key = fromForm ? ConfigEditorForm.fieldOf(violation) : null;
                if (key == null) {
                    errors.add(violation);
                } else {
                    fieldErrors.computeIfAbsent(key, k -> new ArrayList<>()).add(violation);
                }
            }
            model.addAttribute("fieldErrors", fieldErrors);
            model.addAttribute("errors", errors);
            model.addAttribute("problem", "Nothing was written: NanoClaw could not use this container.json.");
            return EDITOR;
        }
        Problem problem = Problem.of(e);
        response.setStatus(problem.status().value());
        model.addAttribute("problem", problem.message());
        return EDITOR;
    }

    private ConfigEditor editorOf(AgentGroup group, ContainerConfigFile file) {
        boolean formAvailable = file.state() == ConfigFileState.OK || file.state() == ConfigFileState.MISSING;
        Map<String, String> locked = formAvailable ? ConfigEditorForm.locked(targets.editable(group, file)) : Map.of();
        ContainerConfigDocument document = formAvailable ? targets.editable(group, file) : null;
        String currentProvider = document == null ? null : document.provider().orElse(null);
        String note = switch (file.state()) {
            case MISSING -> "There is no container.json yet: saving creates it, starting from NanoClaw's defaults.";
            case MALFORMED, NOT_AN_OBJECT -> "container.json is " + file.state() + (file.error() == null ? ""
                    : " (" + file.errorMessage() + ")") + ": NanoClaw reads it as {} and overwrites it with defaults at"
                    + " the next spawn. Correct it in the raw editor, or restore a version from the history.";
            case UNREADABLE -> "container.json cannot be read (" + file.errorMessage() + ").";
            default -> null;
        };
        return new ConfigEditor(group.id(), group.name(), group.folder(), file.state(), formAvailable, locked,
                providerChoices.providerChoices(currentProvider), note);
    }

    private static boolean editable(ContainerConfigFile file) {
        return file.state() != ConfigFileState.FOLDER_MISSING && file.state() != ConfigFileState.FOLDER_INVALID;
    }

    /** The raw editor's text: the file, or for a missing file the one NanoClaw would write. */
    private String rawTextOf(AgentGroup group, ContainerConfigFile file) {
        if (file.state() == ConfigFileState.MISSING) {
            return ContainerConfigFormat.render(targets.editable(group, file));
        }
        return file.rawText() == null ? "" : file.rawText();
    }

    private ConfigForm originalForm(String original, AgentGroup group, ContainerConfigFile file) {
        if (original != null && !original.isBlank()) {
            try {
                return json.readValue(original, ConfigForm.class);
            } catch (JacksonException e) {
                // fall through: compare with the file as it is
            }
        }
        return forms.formOf(targets.editable(group, file));
    }

    private static FileVersion versionOf(String version) {
        if (version == null || version.isBlank()) {
            throw new EditRefusedException("The page did not say which version of container.json it was based on;"
                    + " nothing was written. Open the editor again.");
        }
        return new FileVersion(version.strip());
    }
}
