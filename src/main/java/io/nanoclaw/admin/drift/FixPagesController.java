package io.nanoclaw.admin.drift;

import static io.nanoclaw.admin.change.EditPages.blankToNull;
import static io.nanoclaw.admin.change.EditPages.params;
import static io.nanoclaw.admin.change.EditPages.requireOperator;
import static io.nanoclaw.admin.change.EditPages.url;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
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
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.listing.Listing;

/** A fix of a finding, for operators: its dry-run plan first, applied only from that page's confirm form. */
@Controller
class FixPagesController implements ChangePage {

    private final FixService fixes;
    private final EditTargets targets;

    FixPagesController(FixService fixes, EditTargets targets) {
        this.fixes = fixes;
        this.targets = targets;
    }

    @GetMapping("/groups/{id}/fixes/{fix}")
    String previewFix(@PathVariable String id, @PathVariable String fix,
            @RequestParam(required = false) String sessionId, @RequestParam(required = false) Long version,
            Authentication caller, Model model, HttpServletResponse response) {
        requireOperator(caller);
        Fix wanted = fix(fix);
        AgentGroup group = targets.group(id);
        return EditPages.preview(model, response, group, "Fix " + wanted, fixPath(id, wanted, null, null),
                params("sessionId", blankToNull(sessionId), "version", version == null ? null : version.toString()),
                () -> fixes.fix(id, new FixService.FixRequest(wanted, blankToNull(sessionId), version, true, null)),
                result -> PreviewExtras.NONE);
    }

    @PostMapping("/groups/{id}/fixes/{fix}")
    String applyFix(@PathVariable String id, @PathVariable String fix,
            @RequestParam(required = false) String sessionId, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Fix wanted = fix(fix);
        return EditPages.apply(id, fixPath(id, wanted, blankToNull(sessionId), version), reason, redirect,
                () -> fixes.fix(id, new FixService.FixRequest(wanted, blankToNull(sessionId), version, false, reason)));
    }

    private static Fix fix(String name) {
        return Listing.enumParameter(Fix.class, "fix", name);
    }

    private static String fixPath(String groupId, Fix fix, String sessionId, Long version) {
        Map<String, String> query = params("sessionId", sessionId, "version", version == null ? null : version.toString());
        return url("/groups/{id}/fixes/{fix}", query, groupId, fix.name());
    }
}
