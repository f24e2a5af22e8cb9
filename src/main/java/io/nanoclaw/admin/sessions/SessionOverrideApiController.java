package io.nanoclaw.admin.sessions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.nanoclaw.admin.change.EditResult;

/** Sessions' provider overrides. Each change takes {@code dryRun} (the plan only) and a reason. */
@RestController
@Tag(name = "Sessions")
class SessionOverrideApiController {

    private final SessionOverrideService overrides;

    SessionOverrideApiController(SessionOverrideService overrides) {
        this.overrides = overrides;
    }

    /** {@code agentProvider}: a provider name, or null/"" to clear. */
    record OverrideChange(String agentProvider, Boolean dryRun, String reason) {
    }

    record DryRun(Boolean dryRun, String reason) {
    }

    @PatchMapping("/api/sessions/{id}")
    @Operation(summary = "Set or clear a session's provider override", description = "The host prefers it; the runner"
            + " never sees it. The answer's findings say whether the runner will follow.")
    EditResult patchSession(@PathVariable String id, @RequestBody OverrideChange body) {
        return overrides.setSessionOverride(id, body.agentProvider(), Boolean.TRUE.equals(body.dryRun()), body.reason());
    }

    @PostMapping("/api/groups/{id}/clear-overrides")
    @Operation(summary = "Clear every session override of the group")
    EditResult clearOverrides(@PathVariable String id, @RequestBody(required = false) DryRun body) {
        return overrides.clearOverrides(id, body != null && Boolean.TRUE.equals(body.dryRun()),
                body == null ? null : body.reason());
    }
}
