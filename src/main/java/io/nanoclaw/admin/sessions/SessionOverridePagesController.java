package io.nanoclaw.admin.sessions;

import static io.nanoclaw.admin.change.EditPages.params;
import static io.nanoclaw.admin.change.EditPages.requireOperator;
import static io.nanoclaw.admin.change.EditPages.url;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
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

import io.nanoclaw.admin.change.ChangePage;
import io.nanoclaw.admin.change.EditPages;
import io.nanoclaw.admin.change.EditPages.PreviewExtras;
import io.nanoclaw.admin.change.EditRefusedException;
import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.groups.AgentGroup;

/**
 * Setting or clearing a session's provider override, and clearing every override of a group, for operators: the
 * dry-run plan first, applied only from its confirm form. An override the runner will not follow needs a ticked box.
 */
@Controller
class SessionOverridePagesController implements ChangePage {

    private final SessionOverrideService overrides;
    private final EditTargets targets;

    SessionOverridePagesController(SessionOverrideService overrides, EditTargets targets) {
        this.overrides = overrides;
        this.targets = targets;
    }

    @GetMapping("/groups/{id}/sessions/{sessionId}/override")
    String previewSessionOverride(@PathVariable String id, @PathVariable String sessionId,
            @RequestParam(required = false) String agentProvider, Authentication caller, Model model,
            HttpServletResponse response) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        Session session = sessionOf(group, sessionId);
        String requested = agentProvider == null ? "" : agentProvider;
        return EditPages.preview(model, response, group, "Override the provider of session " + session.id(),
                "/groups/" + id + "/sessions/" + sessionId + "/override", params("agentProvider", requested),
                () -> overrides.setSessionOverride(sessionId, requested, true, null),
                result -> {
                    String mismatch = runnerWillNotFollow(result, requested);
                    return mismatch == null ? PreviewExtras.NONE : new PreviewExtras(List.of(mismatch), List.of(),
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
        return EditPages.apply(id, back, reason, redirect, () -> {
            EditResult planned = overrides.setSessionOverride(sessionId, requested, true, null);
            if (runnerWillNotFollow(planned, requested) != null && !confirmed) {
                throw new EditRefusedException("Nothing was changed: the runner will not follow this override, so"
                        + " tick the box to confirm that this is what you want.");
            }
            return overrides.setSessionOverride(sessionId, requested, false, reason);
        });
    }

    @GetMapping("/groups/{id}/clear-overrides")
    String previewClearOverrides(@PathVariable String id, Authentication caller, Model model,
            HttpServletResponse response) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        return EditPages.preview(model, response, group, "Clear every session override of " + group.folder(),
                "/groups/" + id + "/clear-overrides", Map.of(), () -> overrides.clearOverrides(id, true, null),
                result -> PreviewExtras.NONE);
    }

    @PostMapping("/groups/{id}/clear-overrides")
    String applyClearOverrides(@PathVariable String id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return EditPages.apply(id, "/groups/" + id + "/clear-overrides", reason, redirect,
                () -> overrides.clearOverrides(id, false, reason));
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
}
