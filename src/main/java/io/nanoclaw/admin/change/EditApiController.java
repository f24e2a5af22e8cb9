package io.nanoclaw.admin.change;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.containerconfig.FileVersion;
import io.nanoclaw.admin.drift.Fix;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.listing.Listing;
import io.nanoclaw.admin.security.Roles;
import io.nanoclaw.admin.containerconfig.ConfigEditService;
import io.nanoclaw.admin.drift.FixService;
import io.nanoclaw.admin.groups.GroupLifecycleService;
import io.nanoclaw.admin.groups.ProviderEditService;

/** Every change to providers, overrides and container.json. Each takes {@code dryRun} (the plan only) and a reason. */
@RestController
@Tag(name = "Edits", description = "Change providers, overrides and container.json; fixes and alignment, dry run first")
class EditApiController {

    private final ProviderEditService providers;
    private final FixService fixes;
    private final ConfigEditService configs;
    private final GroupLifecycleService lifecycle;

    EditApiController(ProviderEditService providers, FixService fixes, ConfigEditService configs,
            GroupLifecycleService lifecycle) {
        this.lifecycle = lifecycle;
        this.providers = providers;
        this.fixes = fixes;
        this.configs = configs;
    }

    /** {@code agentProvider}: a provider name, or null/"" to clear. */
    record ProviderChange(String agentProvider, Boolean dryRun, String reason) {
    }

    record FixBody(String fix, String sessionId, Long version, Boolean dryRun, String reason) {
    }

    record AlignBody(String source, List<String> groupIds, List<String> kinds, Boolean dryRun, String reason) {
    }

    record DryRun(Boolean dryRun, String reason) {
    }

    @PatchMapping("/api/groups/{id}")
    @Operation(summary = "Set or clear the group's provider, or rename it", description = "Body: {\"agentProvider\":"
            + " \"codex\" | null} changes agent_groups.agent_provider and container.json provider together; {\"name\":"
            + " \"…\"} renames the group, and the file's groupName and assistantName follow. Plus \"dryRun\", \"reason\".")
    EditResult patchGroup(@PathVariable String id, @RequestBody JsonNode body) {
        boolean dryRun = body.path("dryRun").asBoolean(false);
        String reason = body.path("reason").isString() ? body.get("reason").stringValue() : null;
        boolean hasProvider = body.has("agentProvider");
        boolean hasName = body.has("name");
        if (hasProvider == hasName) {
            throw new InvalidEditException(hasProvider ? "name" : "agentProvider",
                    "send either agentProvider or name (one change at a time)");
        }
        if (hasName) {
            return lifecycle.rename(id, body.get("name").isString() ? body.get("name").stringValue() : null, dryRun, reason);
        }
        JsonNode provider = body.get("agentProvider");
        if (!provider.isNull() && !provider.isString()) {
            throw new InvalidEditException("agentProvider", "agentProvider must be a string or null");
        }
        return providers.setGroupProvider(id, provider.isNull() ? null : provider.stringValue(), dryRun, reason);
    }

    record NewGroup(String name, String folder, String agentProvider, String reason) {
    }

    @PostMapping("/api/groups")
    @Operation(summary = "Create a group", description = "Row, folder and container.json (with the identity fields)."
            + " Idempotent on the folder: 200 with the existing group instead of 201.")
    ResponseEntity<GroupLifecycleService.LifecycleResult> create(@RequestBody NewGroup body) {
        var result = lifecycle.create(body.name(), body.folder(), body.agentProvider(), body.reason());
        return result.created()
                ? ResponseEntity.created(java.net.URI.create("/api/groups/" + result.groupId())).body(result)
                : ResponseEntity.ok(result);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/groups/{id}")
    @Operation(summary = "Delete a group", description = "Deletes the row, its sessions and chat routes, and moves"
            + " the folder to <data-dir>/archive/. Refused (409) while a session is active unless force=true.")
    GroupLifecycleService.LifecycleResult delete(@PathVariable String id, @RequestParam(defaultValue = "false") boolean force,
            @RequestParam(required = false) String reason) {
        return lifecycle.delete(id, force, reason);
    }

    @PatchMapping("/api/sessions/{id}")
    @Operation(summary = "Set or clear a session's provider override", description = "The host prefers it; the runner"
            + " never sees it. The answer's findings say whether the runner will follow.")
    EditResult patchSession(@PathVariable String id, @RequestBody ProviderChange body) {
        return providers.setSessionOverride(id, body.agentProvider(), isDryRun(body.dryRun()), body.reason());
    }

    @PostMapping("/api/groups/{id}/clear-overrides")
    @Operation(summary = "Clear every session override of the group")
    EditResult clearOverrides(@PathVariable String id, @RequestBody(required = false) DryRun body) {
        return providers.clearOverrides(id, body != null && isDryRun(body.dryRun()), body == null ? null : body.reason());
    }

    @PostMapping("/api/groups/{id}/fixes")
    @Operation(summary = "Apply (or plan) one fix", description = "fix: ALIGN_FROM_DB, ALIGN_FROM_FILE,"
            + " CLEAR_SESSION_OVERRIDE, PROMOTE_SESSION_OVERRIDE (sessionId), NORMALIZE_PROVIDER (sessionId optional),"
            + " CREATE_CONFIG_FILE, REFRESH_IDENTITY, RESTORE_CONFIG_VERSION (version = a history id).")
    EditResult fix(@PathVariable String id, @RequestBody FixBody body) {
        Fix fix = Listing.enumParameter(Fix.class, "fix", body.fix());
        return fixes.fix(id, new FixService.FixRequest(fix, body.sessionId(), body.version(), isDryRun(body.dryRun()),
                body.reason()));
    }

    @PostMapping("/api/groups/{id}/align")
    @Operation(summary = "Align one group from the DB or from the file")
    List<EditResult> alignGroup(@PathVariable String id, @RequestBody AlignBody body) {
        return fixes.align(alignRequest(body, List.of(id)));
    }

    @PostMapping("/api/drift/align")
    @Operation(summary = "Align many groups", description = "source: db (write the DB's provider into each file) or"
            + " file (write each file's provider into the DB); groupIds: default every group with a finding of the kinds"
            + " (default GROUP_PROVIDER_MISMATCH). Each group is its own unit.")
    List<EditResult> align(@RequestBody AlignBody body) {
        return fixes.align(alignRequest(body, body.groupIds()));
    }

    @PutMapping(path = "/api/groups/{id}/container-config", consumes = "application/json")
    @Operation(summary = "Replace the group's config", description = "Needs If-Match with the ETag that was read (428"
            + " without, 412 with a stale one; the answer then carries currentEtag, otherChange and diff). File era:"
            + " the body is the whole container.json; it is validated, then written as NanoClaw writes it. DB-config"
            + " era: the body is the whole document the host writes (as GET's document gives it), plus an optional"
            + " top-level \"cliScope\" (disabled, group, global; absent keeps the row's); it is stored in the"
            + " container_configs row and container.json is written from the row as the host would, in one unit."
            + " Keys the row cannot hold, wrong types, maxMessagesPerPrompt 0 or negative, another cliScope, an"
            + " unknown provider, or a groupName/agentGroupId other than the group's are refused (400 invalid-config,"
            + " violations). A group without a row is 409 (CREATE_CONFIG_ROW first). dryRun=true returns the plan.")
    ResponseEntity<EditResult> put(@PathVariable String id, @RequestBody String body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String reason) {
        return withEtag(id, configs.replace(id, body, version(ifMatch), dryRun, reason));
    }

    @PatchMapping(path = "/api/groups/{id}/container-config", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change the group's config with a JSON Merge Patch (RFC 7396)", description = "Same If-Match"
            + " rules as PUT. File era: on container.json; null removes a key, unknown keys and key order are kept."
            + " DB-config era: on the document the host writes from the row plus \"cliScope\", then stored as PUT"
            + " stores it.")
    ResponseEntity<EditResult> patch(@PathVariable String id, @RequestBody JsonNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String reason) {
        return withEtag(id, configs.patch(id, body, version(ifMatch), dryRun, reason));
    }

    @GetMapping("/api/groups/{id}/container-config/history")
    @Operation(summary = "The kept versions of the config, newest first", description = "File era: the container.json"
            + " contents writes replaced. DB-config era: the container_configs rows changes through the service"
            + " replaced (OPERATOR only: rows hold MCP secrets), with the columns each change wrote.")
    List<?> history(@PathVariable String id, Authentication caller) {
        if (configs.historyListHoldsSecrets() && !Roles.canSeeSecrets(caller)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The kept row versions hold MCP server secrets:"
                    + " they are for operators.");
        }
        return configs.history(id);
    }

    @GetMapping("/api/groups/{id}/container-config/history/{version}")
    @Operation(summary = "One kept version, with its diff to the config as it is now", description = "DB-config era:"
            + " the kept row's columns, the document the host would write from it, and the diff (as the document plus"
            + " cliScope) to the row now.")
    Object historyEntry(@PathVariable String id, @PathVariable long version) {
        return configs.historyEntry(id, version);
    }

    @PostMapping("/api/groups/{id}/container-config/history/{version}/restore")
    @Operation(summary = "Put a kept version back, plan first", description = "dryRun=true returns the plan. DB-config"
            + " era: writes the kept row's columns (updated_at now) and container.json as the host would, in one unit;"
            + " validated like an edit, 409 when the row changed while the plan was applied. File era: the fix"
            + " RESTORE_CONFIG_VERSION.")
    EditResult restore(@PathVariable String id, @PathVariable long version,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String reason,
            @RequestBody(required = false) DryRun body) {
        boolean dry = dryRun || body != null && isDryRun(body.dryRun());
        return configs.restore(id, version, dry, reason != null ? reason : body == null ? null : body.reason());
    }

    private static FixService.AlignRequest alignRequest(AlignBody body, List<String> groupIds) {
        FixService.Source source = Listing.enumParameter(FixService.Source.class, "source", body.source());
        List<FindingKind> kinds = body.kinds() == null ? List.of()
                : body.kinds().stream().map(kind -> Listing.enumParameter(FindingKind.class, "kinds", kind)).toList();
        return new FixService.AlignRequest(source, groupIds, kinds, isDryRun(body.dryRun()), body.reason());
    }

    private static boolean isDryRun(Boolean dryRun) {
        return Boolean.TRUE.equals(dryRun);
    }

    /** If-Match is required: "*" means "whatever is there" is not offered, since it would defeat the check. */
    private static FileVersion version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        return FileVersion.fromEtag(ifMatch);
    }

    private ResponseEntity<EditResult> withEtag(String groupId, EditResult result) {
        return configs.etagAfter(groupId, result).map(etag -> ResponseEntity.ok().eTag(etag).body(result))
                .orElseGet(() -> ResponseEntity.ok(result));
    }
}
