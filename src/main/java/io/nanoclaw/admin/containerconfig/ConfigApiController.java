package io.nanoclaw.admin.containerconfig;

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

import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.change.PreconditionRequiredException;
import io.nanoclaw.admin.security.Roles;
import io.nanoclaw.admin.web.InvalidInputException;

/**
 * Replacing and patching a group's config (container.json in the file era, the container_configs row in the DB-config
 * era), its kept versions and restoring one. Reading it is {@code GET /api/groups/{id}/container-config}.
 */
@RestController
@Tag(name = "Container config", description = "Change a group's config, version-checked (If-Match), dry run first;"
        + " its kept versions")
class ConfigApiController {

    private final ConfigEditService configs;

    ConfigApiController(ConfigEditService configs) {
        this.configs = configs;
    }

    record DryRun(Boolean dryRun, String reason) {
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
    ResponseEntity<EditResult> put(@PathVariable String id, @RequestBody byte[] body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String reason) {
        return withEtag(id, configs.replace(id, utf8(body), version(ifMatch), dryRun, reason));
    }

    /** The body as NanoClaw reads a file: UTF-8, and bytes that are not UTF-8 refused rather than replaced. */
    private static String utf8(byte[] body) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw InvalidInputException.field("body", "the body is not valid UTF-8; container.json is UTF-8");
        }
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

    private static boolean isDryRun(Boolean dryRun) {
        return Boolean.TRUE.equals(dryRun);
    }

    /** If-Match is required: "*" means "whatever is there" is not offered, since it would defeat the check. */
    private static FileVersion version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        if (ifMatch.strip().startsWith("W/")) {
            throw InvalidInputException.field("If-Match", "a weak entity tag (W/…) never matches: If-Match compares"
                    + " strongly, so send the ETag exactly as it was read");
        }
        return FileVersion.fromEtag(ifMatch);
    }

    private ResponseEntity<EditResult> withEtag(String groupId, EditResult result) {
        return configs.etagAfter(groupId, result).map(etag -> ResponseEntity.ok().eTag(etag).body(result))
                .orElseGet(() -> ResponseEntity.ok(result));
    }
}
