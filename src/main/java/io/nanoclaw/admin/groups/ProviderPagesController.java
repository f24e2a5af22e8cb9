package io.nanoclaw.admin.groups;

import static io.nanoclaw.admin.change.EditPages.params;
import static io.nanoclaw.admin.change.EditPages.requireOperator;
import static io.nanoclaw.admin.change.EditPages.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.nanoclaw.admin.change.ChangePage;
import io.nanoclaw.admin.change.EditPages;
import io.nanoclaw.admin.change.EditPages.PreviewExtras;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.providers.ProviderChain;
import io.nanoclaw.admin.sessions.Session;
import io.nanoclaw.admin.sessions.SessionFilter;
import io.nanoclaw.admin.sessions.SessionService;

/** Changing a group's provider, for operators: the dry-run plan first, applied only from its confirm form. */
@Controller
class ProviderPagesController implements ChangePage {

    private final ProviderEditService providers;
    private final EditTargets targets;
    private final SessionService sessions;

    ProviderPagesController(ProviderEditService providers, EditTargets targets, SessionService sessions) {
        this.providers = providers;
        this.targets = targets;
        this.sessions = sessions;
    }

    @GetMapping("/groups/{id}/provider")
    String previewGroupProvider(@PathVariable String id, @RequestParam(required = false) String agentProvider,
            Authentication caller, Model model, HttpServletResponse response) {
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        String requested = agentProvider == null ? "" : agentProvider;
        return EditPages.preview(model, response, group, "Set the provider of " + group.folder(),
                "/groups/" + id + "/provider", params("agentProvider", requested),
                () -> providers.setGroupProvider(id, requested, true, null),
                result -> new PreviewExtras(List.of(), overridesThatWouldDisagree(id, requested), null));
    }

    @PostMapping("/groups/{id}/provider")
    String applyGroupProvider(@PathVariable String id, @RequestParam(required = false) String agentProvider,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        String requested = agentProvider == null ? "" : agentProvider;
        return EditPages.apply(id, url("/groups/{id}/provider", Map.of("agentProvider", requested), id), reason,
                redirect, () -> providers.setGroupProvider(id, requested, false, reason));
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
}
