package io.nanoclaw.admin.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nanoclaw.admin.security.Roles;

/** The audit trail over the API: the same events and filters as the page. */
@RestController
@Tag(name = "Audit", description = "Every change made through the service: who, when, what, why, before and after")
class AuditApiController {

    private final AuditService audit;

    AuditApiController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "List audit events, newest first", description = "actor: exact user name or token:<name>;"
            + " action: a prefix (FIX: finds every fix); groupId: exact. size is 1-200 (default 50). fileDiff is null"
            + " for VIEWER tokens: diffs of container.json can hold MCP server secrets.")
    PagedModel<AuditEvent> list(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String groupId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Authentication caller) {
        return new PagedModel<>(AuditController.find(audit, actor, action, groupId, AuditController.pageable(page, size),
                Roles.canSeeSecrets(caller)));
    }
}
