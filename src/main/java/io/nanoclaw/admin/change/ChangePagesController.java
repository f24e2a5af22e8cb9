package io.nanoclaw.admin.change;

import static io.nanoclaw.admin.change.EditPages.afterwards;
import static io.nanoclaw.admin.change.EditPages.requireOperator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import io.nanoclaw.admin.drift.Fix;
import io.nanoclaw.admin.change.EditPages.Problem;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.listing.Listing;
import io.nanoclaw.admin.providers.ProviderChain;
import io.nanoclaw.admin.sessions.Session;
import io.nanoclaw.admin.sessions.SessionFilter;
import io.nanoclaw.admin.sessions.SessionService;
import io.nanoclaw.admin.drift.FixService;
import io.nanoclaw.admin.groups.ProviderEditService;

/**
 * The change pages, for operators: fixes, the group's provider, session overrides and clearing them. Every change is
 * shown as its dry-run plan first (DB changes, file diffs, next steps) and applied only from that page's confirm
 * form. Errors of the edit services are shown on the page as sentences; nothing is changed when they happen.
 */
@Controller
public class ChangePagesController {

    static final String PREVIEW = "edits/preview";

    private final ProviderEditService providers;
    private final FixService fixes;
    private final EditTargets targets;
    private final SessionService sessions;

    ChangePagesController(ProviderEditService providers, FixService fixes, EditTargets targets,
            SessionService sessions) {
        this.providers = providers;
        this.fixes = fixes;
        this.targets = targets;
        this.sessions = sessions;
    }

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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
