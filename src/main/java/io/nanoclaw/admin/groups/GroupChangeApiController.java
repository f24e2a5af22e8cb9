package io.nanoclaw.admin.groups;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.web.InvalidInputException;

/** A group's provider, name, creation and deletion. Changes take {@code dryRun} (the plan only) and a reason. */
@RestController
@Tag(name = "Groups")
class GroupChangeApiController {

    private final ProviderEditService providers;
    private final GroupLifecycleService lifecycle;

    GroupChangeApiController(ProviderEditService providers, GroupLifecycleService lifecycle) {
        this.providers = providers;
        this.lifecycle = lifecycle;
    }

    @PatchMapping("/api/groups/{id}")
    @Operation(summary = "Set or clear the group's provider, or rename it", description = "Body: {\"agentProvider\":"
            + " \"codex\" | null} changes the provider everywhere the era keeps it (file era: agent_groups and"
            + " container.json; DB-config era: the container_configs row and container.json as the host writes it);"
            + " {\"name\": \"…\"} renames the group, and the file's identity fields follow. Plus \"dryRun\" (a boolean)"
            + " and \"reason\".")
    EditResult patchGroup(@PathVariable String id, @RequestBody JsonNode body) {
        boolean dryRun = booleanMember(body, "dryRun");
        String reason = stringMember(body, "reason");
        boolean hasProvider = body.has("agentProvider");
        boolean hasName = body.has("name");
        if (hasProvider == hasName) {
            throw InvalidInputException.field(hasProvider ? "name" : "agentProvider",
                    "send either agentProvider or name (one change at a time)");
        }
        if (hasName) {
            return lifecycle.rename(id, stringMember(body, "name"), dryRun, reason);
        }
        return providers.setGroupProvider(id, stringMember(body, "agentProvider"), dryRun, reason);
    }

    record NewGroup(String name, String folder, String agentProvider, String reason) {
    }

    @PostMapping("/api/groups")
    @Operation(summary = "Create a group", description = "Row, folder and container.json (with the identity fields);"
            + " in the DB-config era its container_configs row too, as NanoClaw's group set-up inserts it."
            + " Idempotent on the folder: 200 with the existing group instead of 201.")
    ResponseEntity<GroupLifecycleService.LifecycleResult> create(@RequestBody NewGroup body) {
        var result = lifecycle.create(body.name(), body.folder(), body.agentProvider(), body.reason());
        return result.created()
                ? ResponseEntity.created(URI.create("/api/groups/" + result.groupId())).body(result)
                : ResponseEntity.ok(result);
    }

    @DeleteMapping("/api/groups/{id}")
    @Operation(summary = "Delete a group", description = "Deletes the row (and its container_configs row), its"
            + " sessions and chat routes, and moves the folder to <data-dir>/archive/. Refused (409) while a session"
            + " is active unless force=true.")
    GroupLifecycleService.LifecycleResult delete(@PathVariable String id,
            @RequestParam(defaultValue = "false") boolean force, @RequestParam(required = false) String reason) {
        return lifecycle.delete(id, force, reason);
    }

    /** A boolean member, false when absent; anything but true or false is refused rather than read as false. */
    private static boolean booleanMember(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw InvalidInputException.field(name, name + " must be true or false");
        }
        return value.booleanValue();
    }

    /** A string member, null when absent or null; any other type is refused. */
    private static String stringMember(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw InvalidInputException.field(name, name + " must be a string or null");
        }
        return value.stringValue();
    }
}
