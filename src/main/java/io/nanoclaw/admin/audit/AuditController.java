package io.nanoclaw.admin.audit;

import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.nanoclaw.admin.listing.ListLinks;
import io.nanoclaw.admin.listing.Listing;
import io.nanoclaw.admin.security.Roles;

/**
 * The audit trail page: every change made through the service, newest first, filtered by actor, action (prefix) and
 * group. File diffs can hold MCP server secrets, so only operators see them; everyone logged in sees the rest.
 */
@Controller
class AuditController {

    /** Newest first; events of the same instant by id, so pages never shuffle. */
    static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id"));

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String groupId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Authentication caller,
            Model model) {
        Pageable pageable = pageable(page, size);
        boolean diffsShown = Roles.canSeeSecrets(caller);
        model.addAttribute("events", find(audit, actor, action, groupId, pageable, diffsShown));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("groupId", groupId);
        model.addAttribute("diffsShown", diffsShown);
        model.addAttribute("links", ListLinks.ofCurrentRequest(pageable));
        return "audit/list";
    }

    static Pageable pageable(Integer page, Integer size) {
        return Listing.pageable(page, size, null, Set.of(), NEWEST_FIRST);
    }

    /** A page of events; without {@code withDiffs} each file diff is left out (it may hold MCP secrets). */
    static Page<AuditEvent> find(AuditService audit, String actor, String action, String groupId, Pageable pageable,
            boolean withDiffs) {
        Page<AuditEvent> events = audit.find(blankToNull(actor), blankToNull(action), blankToNull(groupId), pageable);
        return withDiffs ? events : events.map(e -> new AuditEvent(e.id(), e.at(), e.actor(), e.action(), e.groupId(),
                e.folder(), e.sessionId(), e.reason(), e.summary(), withoutSecrets(e.dbChanges()), null));
    }

    /** A DB-era row's MCP servers hold env secrets: their values are left out for readers without them. */
    static String withoutSecrets(String dbChanges) {
        if (dbChanges == null) {
            return null;
        }
        return dbChanges.lines().map(line -> line.startsWith("container_configs.mcp_servers[")
                        ? line.substring(0, line.indexOf(']') + 1) + ": (hidden: it may hold MCP secrets)"
                        : MCP_VALUE.matcher(line).replaceAll("mcp_servers=(hidden)"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static final java.util.regex.Pattern MCP_VALUE = java.util.regex.Pattern.compile("mcp_servers='(?:[^']|'')*'");

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
