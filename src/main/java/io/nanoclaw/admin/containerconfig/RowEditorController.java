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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.ContainerConfigRowValidator;
import io.nanoclaw.admin.dbconfig.RowAndFile;
import io.nanoclaw.admin.dbconfig.RowProblem;
import io.nanoclaw.admin.change.EditPages.Problem;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.change.ProviderChoices;
import io.nanoclaw.admin.change.EditRefusedException;
import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.change.InvalidConfigException;
import io.nanoclaw.admin.web.InvalidInputException;
import io.nanoclaw.admin.change.StaleEditException;

/**
 * The config editor of a DB-config era install, for operators: a form with one input per {@code container_configs}
 * column and a raw tab holding the document the host will write from the row, a preview of the plan (the row's
 * changes and the file's diff) before saving, the merge view when someone else saved in between, and the row's kept
 * versions (compare, restore as a plan first). {@link ConfigEditorController} and {@link ConfigHistoryController} hand
 * their pages over to this one when the install's config is a row.
 */
@Controller
public class RowEditorController {

    static final String EDITOR = "containerconfig/row-editor";
    static final String PREVIEW = "containerconfig/row-preview";
    static final String HISTORY = "containerconfig/row-history";
    static final String HISTORY_ENTRY = "containerconfig/row-history-entry";

    private final EditableConfig config;
    private final EditTargets targets;
    private final ProviderChoices providerChoices;
    private final JsonMapper json;

    RowEditorController(EditableConfig config, EditTargets targets, ProviderChoices providerChoices, JsonMapper json) {
        this.config = config;
        this.targets = targets;
        this.providerChoices = providerChoices;
        this.json = json;
    }

    /**
     * The editor's fixed facts.
     *
     * @param notes per column, what the form shows as raw text and why (a column the row's rules refuse)
     */
    public record RowEditor(String groupId, String groupName, String folder, ConfigFileState fileState,
            boolean rowExists, List<String> rowProblems, boolean documentAvailable, boolean fileMatchesRow,
            List<String> providerChoices, List<String> cliScopes, boolean hasCliScope, Map<String, String> notes) {

        public String note(String column) {
            return notes.get(column);
        }
    }

    /** Someone else saved in between: their change, yours, and the config as it is now (document plus cliScope). */
    public record Merge(String otherChange, String yourChange, String currentText) {
    }

    /** True when the install's config is a row: the pages of this controller apply. */
    boolean applies() {
        return config instanceof DbEraEditableConfig;
    }

    private DbEraEditableConfig rows() {
        if (config instanceof DbEraEditableConfig rows) {
            return rows;
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The row editor is for DB-config era installs");
    }

    @ModelAttribute
    void defaults(Model model) {
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("errors", List.of());
    }

    // ---- the editor ---------------------------------------------------------------------------------------------

    /** {@code GET /groups/{id}/container-config/edit} in the DB era. */
    String editor(String id, String tab, Authentication caller, Model model) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        RowAndFile state = rows().current(group);
        showCurrent(group, state, model);
        model.addAttribute("tab", "raw".equals(tab) && state.document().isPresent() ? "raw" : "form");
        return EDITOR;
    }

    @PostMapping("/groups/{id}/container-config/row-preview")
    String preview(@PathVariable String id, @RequestParam(defaultValue = "form") String tab,
            @ModelAttribute("rowForm") RowEditorForm form, @RequestParam(required = false) String original,
            @RequestParam(required = false) String text, @RequestParam(required = false) String rawCliScope,
            @RequestParam(required = false) String version, Model model, HttpServletResponse response) {
        AgentGroup group = targets.group(id);
        RowAndFile state = rows().current(group);
        boolean fromForm = !"raw".equals(tab);
        Submitted submitted = fromForm ? fromForm(group, state, form, original) : fromRaw(text, rawCliScope);
        try {
            EditResult result = apply(group, submitted, version, true, null);
            model.addAttribute("editor", editorOf(group, state, new LinkedHashMap<>()));
            model.addAttribute("result", result);
            model.addAttribute("title", "Preview the config of " + group.folder());
            model.addAttribute("saveUrl", "/groups/" + group.id() + "/container-config/row");
            Map<String, String> hidden = new LinkedHashMap<>();
            hidden.put("mode", submitted.mode());
            hidden.put("version", version);
            if (fromForm) {
                hidden.put("changes", json.writeValueAsString(submitted.columns()));
            } else {
                hidden.put("text", submitted.text());
                hidden.put("rawCliScope", submitted.cliScope());
            }
            model.addAttribute("hidden", hidden);
            return PREVIEW;
        } catch (RuntimeException e) {
            return explain(e, group, submitted, version, model, response);
        }
    }

    @PostMapping("/groups/{id}/container-config/row")
    String save(@PathVariable String id, @RequestParam(defaultValue = "form") String mode,
            @RequestParam(required = false) String changes, @RequestParam(required = false) String text,
            @RequestParam(required = false) String rawCliScope, @RequestParam(required = false) String version,
            @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        AgentGroup group = targets.group(id);
        RowAndFile state = rows().current(group);
        Submitted submitted = "raw".equals(mode) ? fromRaw(text, rawCliScope)
                : new Submitted("form", columnsOf(changes), List.of(), null, null, null);
        try {
            EditResult result = apply(group, submitted, version, false, reason);
            redirect.addFlashAttribute("notice", result.applied()
                    ? "Saved the container_configs row of " + group.folder() + " and groups/" + group.folder()
                            + "/container.json, as the host writes it from the row."
                    : "Nothing to save: the row and groups/" + group.folder() + "/container.json already say this.");
            redirect.addFlashAttribute("noticeDetails", afterwards(result));
            return "redirect:/groups/" + id;
        } catch (RuntimeException e) {
            return explain(e, group, submitted, version, model, response, state);
        }
    }

    /** What the operator sent: the form's changed columns (and the form as sent), or the raw document. */
    private record Submitted(String mode, Map<String, Object> columns, List<String> formViolations,
            RowEditorForm form, String text, String cliScope) {
    }

    private Submitted fromForm(AgentGroup group, RowAndFile state, RowEditorForm form, String original) {
        RowEditorForm before = originalForm(original, state);
        List<String> violations = new ArrayList<>();
        Map<String, Object> columns = form.changes(before, violations);
        return new Submitted("form", columns, violations, RowEditorForm.shown(form, before), null, null);
    }

    private static Submitted fromRaw(String text, String cliScope) {
        return new Submitted("raw", Map.of(), List.of(), null, lf(text == null ? "" : text), cliScope);
    }

    private EditResult apply(AgentGroup group, Submitted submitted, String version, boolean dryRun, String reason) {
        FileVersion basedOn = versionOf(version);
        if ("raw".equals(submitted.mode())) {
            return rows().replace(group, withCliScope(submitted.text(), submitted.cliScope()), basedOn, dryRun, reason);
        }
        return rows().changeColumns(group, basedOn, submitted.columns(), submitted.formViolations(), dryRun, reason);
    }

    /** The raw tab's document with the CLI scope select beside it as {@code cliScope}, as PUT takes them. */
    private String withCliScope(String text, String cliScope) {
        if (cliScope == null || cliScope.isBlank()) {
            return text;
        }
        try {
            JsonNode parsed = json.readTree(text);
            if (parsed instanceof ObjectNode object && !object.has("cliScope")) {
                object.put("cliScope", cliScope);
                return ContainerConfigFormat.render(ContainerConfigDocument.of(object));
            }
        } catch (JacksonException e) {
            // not JSON: the edit's own parse names the problem
        }
        return text;
    }

    private String explain(RuntimeException e, AgentGroup group, Submitted submitted, String version, Model model,
            HttpServletResponse response) {
        return explain(e, group, submitted, version, model, response, rows().current(group));
    }

    /** The editor again, saying why nothing was written: a merge view, the violations, or the refusal. */
    private String explain(RuntimeException e, AgentGroup group, Submitted submitted, String version, Model model,
            HttpServletResponse response, RowAndFile state) {
        if (e instanceof StaleEditException stale) {
            RowAndFile now = rows().current(group);
            showCurrent(group, now, model);
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            model.addAttribute("merge", new Merge(stale.otherChange(), stale.yourChange(), stale.currentText()));
            model.addAttribute("tab", "raw".equals(submitted.mode()) && now.document().isPresent() ? "raw" : "form");
            model.addAttribute("problem", "Someone else changed the row or container.json since you opened the editor."
                    + " Nothing was written. Their change and yours are below; the editor now holds the config as it is"
                    + " now: make your change again, then preview and save.");
            return EDITOR;
        }
        showCurrent(group, state, model);
        model.addAttribute("version", version);
        model.addAttribute("tab", submitted.mode());
        RowEditorForm shownForm = submitted.form();
        if (shownForm == null && "form".equals(submitted.mode()) && state.hasRow()) {
            // Saved from the preview: the form shows the row as it is now with the carried changes made.
            shownForm = RowEditorForm.of(state.row().with(submitted.columns()), new LinkedHashMap<>());
        }
        if (shownForm != null) {
            model.addAttribute("form", shownForm);
        }
        if ("raw".equals(submitted.mode())) {
            model.addAttribute("rawText", submitted.text());
            model.addAttribute("rawCliScope", submitted.cliScope());
        }
        if (e instanceof InvalidConfigException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
            List<String> errors = new ArrayList<>();
            for (String violation : invalid.violations()) {
                String input = "form".equals(submitted.mode()) ? RowEditorForm.inputOf(violation) : null;
                if (input == null) {
                    errors.add(violation);
                } else {
                    fieldErrors.computeIfAbsent(input, k -> new ArrayList<>()).add(violation);
                }
            }
            model.addAttribute("fieldErrors", fieldErrors);
            model.addAttribute("errors", errors);
            model.addAttribute("problem", "Nothing was written: the row cannot hold this config as it is.");
            return EDITOR;
        }
        Problem problem = Problem.of(e);
        response.setStatus(problem.status().value());
        model.addAttribute("problem", problem.message());
        return EDITOR;
    }

    /** The editor's model for the row and the file as they are now. */
    private void showCurrent(AgentGroup group, RowAndFile state, Model model) {
        Map<String, String> notes = new LinkedHashMap<>();
        if (state.hasRow()) {
            RowEditorForm form = RowEditorForm.of(state.row(), notes);
            model.addAttribute("form", form);
            model.addAttribute("original", json.writeValueAsString(form));
            model.addAttribute("rawCliScope", state.row().cliScope());
        }
        model.addAttribute("editor", editorOf(group, state, notes));
        model.addAttribute("version", state.version().value());
        model.addAttribute("rawText", state.document().map(ContainerConfigFormat::render).orElse(""));
    }

    private RowEditor editorOf(AgentGroup group, RowAndFile state, Map<String, String> notes) {
        ContainerConfigRow row = state.row();
        List<String> problems = row == null ? List.of()
                : ContainerConfigRowValidator.check(row).stream().map(RowProblem::message).toList();
        List<String> scopes = new ArrayList<>(DbEraEditableConfig.CLI_SCOPES);
        if (row != null && !scopes.contains(row.cliScope())) {
            scopes.add(row.cliScope());
        }
        boolean matches = state.document().isPresent() && state.file().document() != null
                && JsonValues.sameValue(state.file().document().toJson(), state.document().get().toJson());
        return new RowEditor(group.id(), group.name(), group.folder(), state.file().state(), row != null, problems,
                state.document().isPresent(), matches,
                providerChoices.providerChoices(row == null ? null : row.provider()), scopes, rows().hasCliScope(),
                notes);
    }

    private RowEditorForm originalForm(String original, RowAndFile state) {
        if (original != null && !original.isBlank()) {
            try {
                return json.readValue(original, RowEditorForm.class);
            } catch (JacksonException e) {
                // fall through: compare with the row as it is
            }
        }
        return RowEditorForm.of(state.row(), new LinkedHashMap<>());
    }

    /** The changed columns the preview carried: JSON text or null for text columns, a whole number for the count. */
    private Map<String, Object> columnsOf(String changes) {
        Map<String, Object> columns = new LinkedHashMap<>();
        if (changes == null || changes.isBlank()) {
            return columns;
        }
        JsonNode node = json.readTree(changes);
        for (Map.Entry<String, JsonNode> column : node.properties()) {
            if (!ContainerConfigRow.COLUMNS.contains(column.getKey()) || column.getKey().equals("updated_at")) {
                throw new EditRefusedException("The page sent an unknown column " + column.getKey() + "; nothing was"
                        + " written. Open the editor again.");
            }
            JsonNode value = column.getValue();
            columns.put(column.getKey(), value.isNull() ? null
                    : value.isIntegralNumber() ? (Object) value.longValue() : value.asString());
        }
        return columns;
    }

    private static FileVersion versionOf(String version) {
        if (version == null || version.isBlank()) {
            throw new EditRefusedException("The page did not say which version of the row it was based on; nothing"
                    + " was written. Open the editor again.");
        }
        return new FileVersion(version.strip());
    }

    // ---- history ------------------------------------------------------------------------------------------------

    /** {@code GET /groups/{id}/container-config/history} in the DB era. */
    String history(String id, Authentication caller, Model model) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        RowAndFile state = rows().current(group);
        model.addAttribute("group", group);
        model.addAttribute("entries", rows().history(group));
        model.addAttribute("current", state);
        return HISTORY;
    }

    /** {@code GET /groups/{id}/container-config/history/{version}} in the DB era. */
    String historyEntry(String id, long version, Authentication caller, Model model, HttpServletResponse response) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        model.addAttribute("group", group);
        try {
            model.addAttribute("entry", rows().historyEntry(group, version));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", e.getMessage() + ".");
        }
        return HISTORY_ENTRY;
    }

    @GetMapping("/groups/{id}/container-config/history/{version}/restore")
    String restorePreview(@PathVariable String id, @PathVariable long version, Authentication caller, Model model,
            HttpServletResponse response) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        model.addAttribute("group", group);
        try {
            EditResult result = rows().restore(group, version, true, null);
            model.addAttribute("editor", editorOf(group, rows().current(group), new LinkedHashMap<>()));
            model.addAttribute("result", result);
            model.addAttribute("title", "Restore kept version " + version + " of the config of " + group.folder());
            model.addAttribute("saveUrl", "/groups/" + group.id() + "/container-config/history/" + version + "/restore");
            model.addAttribute("hidden", Map.of());
            return PREVIEW;
        } catch (RuntimeException e) {
            return restoreRefused(e, group, version, model, response);
        }
    }

    @PostMapping("/groups/{id}/container-config/history/{version}/restore")
    String restore(@PathVariable String id, @PathVariable long version, @RequestParam(required = false) String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        AgentGroup group = targets.group(id);
        try {
            EditResult result = rows().restore(group, version, false, reason);
            redirect.addFlashAttribute("notice", result.applied()
                    ? "Restored kept version " + version + " of the container_configs row of " + group.folder()
                            + ", and wrote container.json from it."
                    : "Nothing to restore: the row already says what kept version " + version + " says.");
            redirect.addFlashAttribute("noticeDetails", afterwards(result));
            return "redirect:/groups/" + id;
        } catch (RuntimeException e) {
            model.addAttribute("group", group);
            return restoreRefused(e, group, version, model, response);
        }
    }

    /** The kept version again, saying why it cannot be restored as it is. */
    private String restoreRefused(RuntimeException e, AgentGroup group, long version, Model model,
            HttpServletResponse response) {
        if (e instanceof InvalidConfigException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", invalid.violations());
            model.addAttribute("problem", "This version cannot be restored as it is: the row's rules refuse it."
                    + " Nothing was written; open the editor to make the change by hand.");
        } else {
            Problem problem = Problem.of(e);
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem.message());
        }
        try {
            model.addAttribute("entry", rows().historyEntry(group, version));
        } catch (InvalidInputException missing) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", missing.getMessage() + ".");
        }
        return HISTORY_ENTRY;
    }
}
