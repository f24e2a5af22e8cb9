package io.nanoclaw.admin.drift;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.listing.Listing;
import io.nanoclaw.admin.web.InvalidInputException;

/** Fixes of findings and alignment, one group or many. Each takes {@code dryRun} (the plan only) and a reason. */
@RestController
@Tag(name = "Fixes", description = "Fix findings and align groups, dry run first")
class FixApiController {

    private final FixService fixes;

    FixApiController(FixService fixes) {
        this.fixes = fixes;
    }

    record FixBody(String fix, String sessionId, Long version, Boolean dryRun, String reason) {
    }

    record AlignBody(String source, List<String> groupIds, List<String> kinds, Boolean dryRun, String reason) {
    }

    @PostMapping("/api/groups/{id}/fixes")
    @Operation(summary = "Apply (or plan) one fix", description = "fix: a fix code the group's findings offer (see"
            + " docs/eras.md), with sessionId for the session fixes (CLEAR_SESSION_OVERRIDE, PROMOTE_SESSION_OVERRIDE,"
            + " NORMALIZE_PROVIDER on a session) and version (a history id) for RESTORE_CONFIG_VERSION.")
    EditResult fix(@PathVariable String id, @RequestBody FixBody body) {
        Fix fix = Listing.enumParameter(Fix.class, "fix", body.fix());
        return fixes.fix(id, new FixService.FixRequest(fix, body.sessionId(), body.version(),
                Boolean.TRUE.equals(body.dryRun()), body.reason()));
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

    private static FixService.AlignRequest alignRequest(AlignBody body, List<String> groupIds) {
        FixService.Source source = Listing.enumParameter(FixService.Source.class, "source", body.source());
        List<FindingKind> kinds = body.kinds() == null ? List.of() : body.kinds().stream().map(kind -> {
            if (kind == null) {
                throw InvalidInputException.field("kinds", "kinds holds null; give finding kinds such as"
                        + " GROUP_PROVIDER_MISMATCH");
            }
            return Listing.enumParameter(FindingKind.class, "kinds", kind);
        }).toList();
        return new FixService.AlignRequest(source, groupIds, kinds, Boolean.TRUE.equals(body.dryRun()), body.reason());
    }
}
