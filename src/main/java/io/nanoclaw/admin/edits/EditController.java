package io.nanoclaw.admin.edits;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.domain.PageRequest;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.change.ConflictException;
import io.nanoclaw.admin.change.UnifiedDiff;
import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.FileVersion;
import io.nanoclaw.admin.containerconfig.KnownField;
import io.nanoclaw.admin.containerconfig.StaleVersionException;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.drift.Fix;
import io.nanoclaw.admin.install.SqliteBusy;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.install.InstallMode;
import io.nanoclaw.admin.listing.Listing;
import io.nanoclaw.admin.providers.KnownProviders;
import io.nanoclaw.admin.providers.ProviderChain;
import io.nanoclaw.admin.providers.ProvidersProperties;
import io.nanoclaw.admin.security.Role;
import io.nanoclaw.admin.sessions.Session;
import io.nanoclaw.admin.sessions.SessionFilter;
import io.nanoclaw.admin.sessions.SessionService;

/**
 * The editing pages, for operators: every change is shown as its dry-run plan first (DB changes, file diffs, next
 * steps) and applied only from that page's confirm form. Fixes, the group's provider, session overrides, the
 * container.json editor (form and raw, with a merge view when someone else saved in between) and its history.
 * Errors of the edit services are shown on the page as sentences; nothing is changed when they happen.
 */
@Controller
public class EditController {

    static final String PREVIEW = "edits/preview";
    static final String EDITOR = "edits/config-editor";
    static final String CONFIG_PREVIEW = "edits/config-preview";
    static final String HISTORY = "edits/history";
    static final String HISTORY_ENTRY = "edits/history-entry";

    private final ProviderEditService providers;
    private final FixService fixes;
    private final ConfigEditService configs;
    private final EditTargets targets;
    private final SessionService sessions;
    private final InstallLayout install;
    private final ProvidersProperties providerSettings;
    private final JsonMapper json;

    EditController(ProviderEditService providers, FixService fixes, ConfigEditService configs, EditTargets targets,
            SessionService sessions, InstallLayout install, ProvidersProperties providerSettings, JsonMapper json) {
        this.providers = providers;
        this.fixes = fixes;
        this.configs = configs;
        this.targets = targets;
        this.sessions = sessions;
        this.install = install;
        this.providerSettings = providerSettings;
        this.json = json;
    }

    /** What the editing pages expect to find even when nothing went wrong. */
    @ModelAttribute
    void defaults(Model model) {
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("errors", List.of());
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Used by templates (the group page's forms)

    /** The providers the runner registers, sorted: what the provider selects offer. */
    public List<String> knownProviders() {
        return KnownProviders.of(install.mode() == InstallMode.ATTACHED ? install.root() : null,
                providerSettings.known()).runner().stream().sorted().toList();
    }

    /** The known providers, plus {@code current} when it is set and not among them, so a select can show it as is. */
    public List<String> providerChoices(String current) {
        List<String> choices = new ArrayList<>(knownProviders());
        if (ProviderChain.isSet(current) && !choices.contains(current)) {
            choices.add(current);
        }
        return choices;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Previews and their confirm forms

    /** What a preview page shows: the dry run's plan, with what to warn about and the form that applies it. */
    public record Preview(String title, String groupId, String groupName, String folder, EditResult result,
            String action, Map<String, String> hidden, List<String> warnings, List<String> afterNotes,
            String confirmLabel) {
    }

    private record Extras(List<String> warnings, List<String> afterNotes, String confirmLabel) {
        static final Extras NONE = new Extras(List.of(), List.of(), null);
    }

    @GetMapping("/groups/{id}/fixes/{fix}")
    String previewFix(@PathVariable String id, @PathVariable String fix,
            @RequestParam(required = false) String sessionId, @RequestParam(required = false) Long version,
            Authentication caller, Model model, HttpServletResponse response) {
        requireOperator(caller);
        Fix wanted = fix(fix);
        AgentGroup group = targets.group(id);
        return preview(model, response, group, "Fix " + wanted, fixPath(id, wanted, null, null),
                params("sessionId", blankToNull(sessionId), "version", version == null ? null : version.toString()),
                () -> fixes.fix(id, new FixService.FixRequest(wanted, blankToNull(sessionId), version, true, null)),
                result -> Extras.NONE);
    }

    @PostMapping("/groups/{id}/fixes/{fix}")
    String applyFix(@PathVariable String id, @PathVariable String fix,
            @RequestParam(required = false) String sessionId, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Fix wanted = fix(fix);
        return apply(id, fixPath(id, wanted, blankToNull(sessionId), version), reason, redirect,
                () -> fixes.fix(id, new FixService.FixRequest(wanted, blankToNull(sessionId), version, false, reason)));
    }

    @GetMapping("/groups/{id}/provider")
    String previewGroupProvider(@PathVariable String id, @RequestParam(required = false) String agentProvider,
            Authentication caller, Model model, HttpServletResponse response) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        String requested = agentProvider == null ? "" : agentProvider;
        return preview(model, response, group, "Set the provider of " + group.folder(), "/groups/" + id + "/provider",
                params("agentProvider", requested),
                () -> providers.setGroupProvider(id, requested, true, null),
                result -> new Extras(List.of(), overridesThatWouldDisagree(id, requested), null));
    }

    @PostMapping("/groups/{id}/provider")
    String applyGroupProvider(@PathVariable String id, @RequestParam(required = false) String agentProvider,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        String requested = agentProvider == null ? "" : agentProvider;
        return apply(id, url("/groups/{id}/provider", Map.of("agentProvider", requested), id), reason, redirect,
                () -> providers.setGroupProvider(id, requested, false, reason));
    }

    @GetMapping("/groups/{id}/sessions/{sessionId}/override")
    String previewSessionOverride(@PathVariable String id, @PathVariable String sessionId,
            @RequestParam(required = false) String agentProvider, Authentication caller, Model model,
            HttpServletResponse response) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        Session session = sessionOf(group, sessionId);
        String requested = agentProvider == null ? "" : agentProvider;
        return preview(model, response, group, "Override the provider of session " + session.id(),
                "/groups/" + id + "/sessions/" + sessionId + "/override", params("agentProvider", requested),
                () -> providers.setSessionOverride(sessionId, requested, true, null),
                result -> {
                    String mismatch = runnerWillNotFollow(result, requested);
                    return mismatch == null ? Extras.NONE : new Extras(List.of(mismatch), List.of(),
                            "I understand: the runner will not follow this override.");
                });
    }

    @PostMapping("/groups/{id}/sessions/{sessionId}/override")
    String applySessionOverride(@PathVariable String id, @PathVariable String sessionId,
            @RequestParam(required = false) String agentProvider, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
        AgentGroup group = targets.group(id);
        sessionOf(group, sessionId);
        String requested = agentProvider == null ? "" : agentProvider;
        String back = url("/groups/{id}/sessions/{sessionId}/override", Map.of("agentProvider", requested), id,
                sessionId);
        return apply(id, back, reason, redirect, () -> {
            EditResult planned = providers.setSessionOverride(sessionId, requested, true, null);
            if (runnerWillNotFollow(planned, requested) != null && !confirmed) {
                throw new EditRefusedException("Nothing was changed: the runner will not follow this override, so"
                        + " tick the box to confirm that this is what you want.");
            }
            return providers.setSessionOverride(sessionId, requested, false, reason);
        });
    }

    @GetMapping("/groups/{id}/clear-overrides")
    String previewClearOverrides(@PathVariable String id, Authentication caller, Model model,
            HttpServletResponse response) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        return preview(model, response, group, "Clear every session override of " + group.folder(),
                "/groups/" + id + "/clear-overrides", Map.of(), () -> providers.clearOverrides(id, true, null),
                result -> Extras.NONE);
    }

    @PostMapping("/groups/{id}/clear-overrides")
    String applyClearOverrides(@PathVariable String id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return apply(id, "/groups/" + id + "/clear-overrides", reason, redirect,
                () -> providers.clearOverrides(id, false, reason));
    }

    private String preview(Model model, HttpServletResponse response, AgentGroup group, String title, String action,
            Map<String, String> hidden, Supplier<EditResult> dryRun, Function<EditResult, Extras> extras) {
        EditResult result = null;
        Extras more = Extras.NONE;
        try {
            result = dryRun.get();
            more = extras.apply(result);
        } catch (RuntimeException e) {
            Problem problem = Problem.of(e);
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem.message());
        }
        model.addAttribute("preview", new Preview(title, group.id(), group.name(), group.folder(), result, action,
                hidden, more.warnings(), more.afterNotes(), more.confirmLabel()));
        return PREVIEW;
    }

    /** Applies, then back to the group with what was done; on a refusal, back to the preview with the reason. */
    private String apply(String groupId, String previewUrl, String reason, RedirectAttributes redirect,
            Supplier<EditResult> change) {
        try {
            EditResult result = change.get();
            redirect.addFlashAttribute("notice", result.applied() ? "Done: " + result.plan().summary() + "."
                    : "Nothing to change: " + result.plan().summary() + " is already the case.");
            redirect.addFlashAttribute("noticeDetails", afterwards(result));
            return "redirect:/groups/" + groupId;
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("problem", Problem.of(e).message());
            redirect.addFlashAttribute("reason", reason);
            return "redirect:" + previewUrl;
        }
    }

    /** What the operator should know after a change: NanoClaw's next steps, the group's state, what still disagrees. */
    private static List<String> afterwards(EditResult result) {
        List<String> lines = new ArrayList<>(result.plan().nextSteps());
        lines.add("The group is now " + result.group().status() + ": for a new session the host prepares "
                + result.group().hostProvider() + ", the runner runs " + result.group().runnerProvider() + ".");
        for (Finding finding : result.findings()) {
            if (finding.kind() == FindingKind.SESSION_PROVIDER_MISMATCH) {
                lines.add("Session " + finding.sessionId() + " still disagrees: the host prepares "
                        + finding.hostProvider() + ", the runner runs " + finding.runnerProvider() + ".");
            }
        }
        return lines;
    }

    /**
     * The overrides that would disagree with the runner once the group's provider is {@code requested}. A dry run's
     * findings describe the group as it is now, so this is worked out from the plan: the runner will run the new
     * provider (claude when it is cleared), and an override makes the host prepare its own.
     */
    private List<String> overridesThatWouldDisagree(String groupId, String requested) {
        String normalized = requested == null || requested.isBlank() ? null
                : requested.strip().toLowerCase(Locale.ROOT);
        String runner = ProviderChain.runner(normalized);
        List<String> notes = new ArrayList<>();
        for (Session session : sessions.list(SessionFilter.ofGroupWithOverrides(groupId), PageRequest.of(0, 200))) {
            String host = ProviderChain.host(session.agentProvider(), normalized, normalized);
            if (session.hasOverride() && !host.equals(runner)) {
                notes.add("Session " + session.id() + " (" + session.status() + ") overrides the provider with "
                        + session.agentProvider() + ": the host will prepare " + host + ", the runner will run "
                        + runner + ".");
            }
        }
        return notes;
    }

    /** Why the runner will not follow a session override, or null when it will (or when the override is cleared). */
    private static String runnerWillNotFollow(EditResult planned, String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        String override = requested.strip().toLowerCase(Locale.ROOT);
        String runner = planned.group().runnerProvider();
        return override.equals(runner) ? null : "The runner will not follow this override: it runs " + runner
                + " (container.json is per group and the runner never reads session overrides), while the host"
                + " will prepare " + override + ". NanoClaw will report SESSION_PROVIDER_MISMATCH for this session.";
    }

    private Session sessionOf(AgentGroup group, String sessionId) {
        Session session = targets.session(sessionId);
        if (!session.agentGroupId().equals(group.id())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "Session " + sessionId + " belongs to another group");
        }
        return session;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // The container.json editor

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
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        ContainerConfigFile file = targets.file(group);
        ConfigEditor editor = editorOf(group, file);
        model.addAttribute("editor", editor);
        model.addAttribute("tab", editor.formAvailable() && !"raw".equals(tab) ? "form" : "raw");
        model.addAttribute("version", file.version().value());
        model.addAttribute("baseText", file.rawText());
        if (editor.formAvailable()) {
            ConfigForm form = formOf(targets.editable(group, file));
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
            model.addAttribute("form", shown(form, before));
            model.addAttribute("original", original);
            model.addAttribute("rawText", rawTextOf(group, file));
            Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
            ContainerConfigDocument changed = applyForm(targets.editable(group, file), form, before, fieldErrors);
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
                String key = fromForm ? fieldOf(violation) : null;
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
        Map<String, String> locked = formAvailable ? locked(targets.editable(group, file)) : Map.of();
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
                providerChoices(currentProvider), note);
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
        return formOf(targets.editable(group, file));
    }

    /** What the form shows again after a refusal: what was sent, and for a field not sent what it first showed. */
    private static ConfigForm shown(ConfigForm sent, ConfigForm original) {
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
    ConfigForm formOf(ContainerConfigDocument document) {
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
        String mcp = document.field(KnownField.MCP_SERVERS).map(EditController::pretty).orElse("");
        String mounts = document.field(KnownField.ADDITIONAL_MOUNTS).map(EditController::pretty).orElse("");
        return new ConfigForm(provider, assistantName, skillsMode, skills, apt, npm, max, mcp, mounts);
    }

    /** The known fields whose value the form has no input for, with what they hold. */
    private static Map<String, String> locked(ContainerConfigDocument document) {
        Map<String, String> locked = new LinkedHashMap<>();
        document.field(KnownField.PROVIDER).filter(v -> !v.isString()).ifPresent(v -> locked.put("provider", describe(v)));
        document.field(KnownField.ASSISTANT_NAME).filter(v -> !v.isString())
                .ifPresent(v -> locked.put("assistantName", describe(v)));
        document.field(KnownField.SKILLS).filter(v -> !(v.isString() && "all".equals(v.stringValue()) || isStrings(v)))
                .ifPresent(v -> locked.put("skills", describe(v)));
        document.field(KnownField.PACKAGES).filter(v -> !v.isObject() || v.has("apt") && !isStrings(v.get("apt"))
                        || v.has("npm") && !isStrings(v.get("npm")))
                .ifPresent(v -> locked.put("packages", describe(v)));
        document.field(KnownField.MAX_MESSAGES_PER_PROMPT).filter(v -> !v.isNumber())
                .ifPresent(v -> locked.put("maxMessagesPerPrompt", describe(v)));
        return locked;
    }

    /**
     * The current document with the fields the operator changed (submitted ≠ what the form first showed), and only
     * those; every other key, known or not, stays as it is, in its place.
     */
    ContainerConfigDocument applyForm(ContainerConfigDocument current, ConfigForm submitted, ConfigForm original,
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
    private static String fieldOf(String violation) {
        for (KnownField field : KnownField.values()) {
            if (violation.startsWith(field.key() + " ") || violation.startsWith(field.key() + ".")
                    || violation.startsWith(field.key() + ":")) {
                return field.key();
            }
        }
        return null;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // History

    @GetMapping("/groups/{id}/container-config/history")
    String history(@PathVariable String id, Authentication caller, Model model) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        model.addAttribute("group", group);
        model.addAttribute("entries", configs.history(id));
        model.addAttribute("current", targets.file(group));
        return HISTORY;
    }

    @GetMapping("/groups/{id}/container-config/history/{version}")
    String historyEntry(@PathVariable String id, @PathVariable long version, Authentication caller, Model model,
            HttpServletResponse response) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        model.addAttribute("group", group);
        try {
            model.addAttribute("entry", configs.historyEntry(id, version));
        } catch (InvalidEditException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", e.getMessage() + ".");
        }
        return HISTORY_ENTRY;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Helpers

    /** An error of the edit services as a status and a sentence; anything else is not ours to explain. */
    record Problem(HttpStatus status, String message) {

        static Problem of(RuntimeException e) {
            if (e instanceof EditRefusedException) {
                return new Problem(HttpStatus.CONFLICT, sentence(e.getMessage()));
            }
            if (e instanceof InvalidEditException || e instanceof InvalidConfigException) {
                return new Problem(HttpStatus.BAD_REQUEST, "Nothing was changed: " + sentence(e.getMessage()));
            }
            if (e instanceof ConflictException) {
                return new Problem(HttpStatus.CONFLICT, sentence(e.getMessage()));
            }
            if (e instanceof StaleEditException || e instanceof StaleVersionException) {
                return new Problem(HttpStatus.PRECONDITION_FAILED, "container.json changed while you were looking at"
                        + " this change; nothing was written. Look at the preview again: it shows the file as it is now.");
            }
            if (e instanceof DataAccessException && SqliteBusy.isBusy(e)) {
                return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "NanoClaw's database stayed locked by another"
                        + " writer (the NanoClaw host); nothing was changed. Try again in a moment.");
            }
            throw e;
        }

        private static String sentence(String message) {
            return message == null ? "" : message.endsWith(".") ? message : message + ".";
        }
    }

    private static void requireOperator(Authentication caller) {
        boolean operator = caller != null && caller.getAuthorities().stream()
                .anyMatch(authority -> Role.OPERATOR.authority().equals(authority.getAuthority()));
        if (!operator) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Changes are for operators");
        }
    }

    private static Fix fix(String name) {
        return Listing.enumParameter(Fix.class, "fix", name);
    }

    private static String fixPath(String groupId, Fix fix, String sessionId, Long version) {
        Map<String, String> query = params("sessionId", sessionId, "version", version == null ? null : version.toString());
        return url("/groups/{id}/fixes/{fix}", query, groupId, fix.name());
    }

    /** A path with its variables expanded and the non-null query parameters, all encoded. */
    private static String url(String template, Map<String, String> query, Object... variables) {
        StringBuilder url = new StringBuilder(UriComponentsBuilder.fromPath(template).buildAndExpand(variables).encode()
                .toUriString());
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (parameter.getValue() != null) {
                url.append(separator).append(parameter.getKey()).append('=')
                        .append(UriUtils.encodeQueryParam(parameter.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    private static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                params.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return params;
    }

    private static FileVersion versionOf(String version) {
        if (version == null || version.isBlank()) {
            throw new EditRefusedException("The page did not say which version of container.json it was based on;"
                    + " nothing was written. Open the editor again.");
        }
        return new FileVersion(version.strip());
    }

    private static boolean changed(String submitted, String original) {
        return submitted != null && !Objects.equals(lf(submitted).strip(), original == null ? "" : lf(original).strip());
    }

    private static String lf(String text) {
        return text == null ? null : text.replace("\r\n", "\n");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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

    private static boolean isStrings(JsonNode value) {
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

    private static String describe(JsonNode value) {
        String text = ContainerConfigFormat.compact(value);
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }

    /** A value as {@code JSON.stringify(value, null, 2)} writes it, like the file does. */
    static String pretty(JsonNode value) {
        String wrapped = ContainerConfigFormat.render(ContainerConfigDocument.empty().with("v", value));
        String inner = wrapped.substring(wrapped.indexOf(':') + 2, wrapped.length() - "\n}\n".length());
        return inner.replace("\n  ", "\n");
    }
}
