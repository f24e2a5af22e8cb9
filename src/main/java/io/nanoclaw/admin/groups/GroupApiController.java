package io.nanoclaw.admin.groups;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.drift.DriftService;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.drift.GroupStatus;
import io.nanoclaw.admin.listing.Listing;
import io.nanoclaw.admin.security.Roles;

@RestController
@RequestMapping("/api/groups")
@Tag(name = "Groups", description = "Agent groups: the DB row and container.json side by side")
class GroupApiController {

    private final GroupService groups;
    private final ObjectProvider<DbEraContainerConfig> dbEraConfigs;
    private final DriftService drift;

    GroupApiController(GroupService groups, ObjectProvider<DbEraContainerConfig> dbEraConfigs, DriftService drift) {
        this.drift = drift;
        this.groups = groups;
        this.dbEraConfigs = dbEraConfigs;
    }

    @GetMapping
    @Operation(summary = "List groups", description = "Sort by name, folder, provider, sessions, overrides or createdAt"
            + " (e.g. sessions,desc). provider=(unset) lists groups with no DB provider; status (ALIGNED, DRIFTED,"
            + " BROKEN) and kind (a finding kind) narrow to the latest report's groups. Each item carries its status.")
    PagedModel<GroupListItem> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        GroupFilter filter = new GroupFilter(q, provider, drift.groupsMatching(
                Listing.enumParameter(GroupStatus.class, "status", status),
                Listing.enumParameter(FindingKind.class, "kind", kind)));
        return new PagedModel<>(groups.list(filter,
                Listing.pageable(page, size, sort, GroupService.SORTABLE, GroupService.DEFAULT_SORT)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One group with its DB and file providers and its session counts")
    GroupListItem get(@PathVariable String id) {
        return groups.get(id);
    }

    @GetMapping("/{id}/container-config")
    @Operation(summary = "The group's config: container.json, or in the DB-config era its container_configs row",
            description = "era is FILE or DB_CONFIG. state (the file's) is OK, MISSING, MALFORMED, NOT_AN_OBJECT,"
                    + " UNREADABLE, FOLDER_MISSING or FOLDER_INVALID. File era: document is the file, the ETag the"
                    + " SHA-256 of its bytes. DB-config era: row holds the container_configs columns (null without a"
                    + " row), document the container.json the host will write from the row at the next spawn, file"
                    + " the file on disk, fileMatchesRow and nextSpawnDiff how they differ; version and the ETag"
                    + " cover the row and the file (<row sha-256>-<file sha-256 or absent>): send it as If-Match to"
                    + " PUT/PATCH. MCP server env values are masked for VIEWERs.")
    ResponseEntity<?> containerConfig(@PathVariable String id, Authentication caller, WebRequest request) {
        DbEraContainerConfig dbEra = dbEraConfigs.getIfAvailable();
        if (dbEra != null && dbEra.applies()) {
            DbEraContainerConfig.Read read = dbEra.read(id, Roles.canSeeSecrets(caller));
            if (!read.secretsMasked() && request.checkNotModified(read.etag())) {
                return null;
            }
            return ResponseEntity.ok().eTag(read.etag()).body(read.response());
        }
        GroupConfigView view = groups.containerConfig(id, Roles.canSeeSecrets(caller));
        if (view.version().isAbsent()) {
            return ResponseEntity.ok(ContainerConfigResponse.of(view));
        }
        if (!view.secretsMasked() && request.checkNotModified(view.version().etag())) {
            return null;
        }
        return ResponseEntity.ok().eTag(view.version().etag()).body(ContainerConfigResponse.of(view));
    }

    /**
     * @param document the object (state OK only)
     * @param raw the file's text when it is not a usable object (MALFORMED, NOT_AN_OBJECT); null otherwise
     */
    record ContainerConfigResponse(String folder, ConfigFileState state, String version, ObjectNode document,
            String raw, String error, List<String> unknownKeys, boolean secretsMasked) {

        static ContainerConfigResponse of(GroupConfigView view) {
            boolean ok = view.state() == ConfigFileState.OK;
            return new ContainerConfigResponse(view.folder(), view.state(),
                    view.version().isAbsent() ? null : view.version().value(),
                    ok ? view.document().toJson() : null, ok ? null : view.raw(), view.error(), view.unknownKeys(),
                    view.secretsMasked());
        }
    }
}
