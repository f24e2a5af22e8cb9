package io.nanoclaw.admin.drift;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import io.nanoclaw.admin.listing.Listing;

@RestController
@Tag(name = "Drift", description = "Disagreements between NanoClaw's DB and container.json")
class DriftApiController {

    private final DriftService drift;

    DriftApiController(DriftService drift) {
        this.drift = drift;
    }

    @GetMapping("/api/drift")
    @Operation(summary = "The latest scan", description = "Findings worst first, filterable by severity, kind and"
            + " groupId; the summary always counts the whole scan.")
    ResponseEntity<DriftReport> report(@RequestParam(required = false) String severity,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String groupId,
            WebRequest request) {
        DriftReport latest = drift.latest();
        // A poller that already has this report gets 304 instead of the whole report again.
        String etag = "\"drift-" + latest.scannedAt().toEpochMilli() + "-" + drift.generation() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(filter(latest, severity, kind, groupId));
    }

    @PostMapping("/api/drift/scan")
    @Operation(summary = "Scan now", description = "Reads every group, session override and file again.")
    DriftReport scan() {
        return drift.scan();
    }

    @GetMapping("/api/groups/{id}/drift")
    @Operation(summary = "A fresh check of one group", description = "Reads the group's row, overriding sessions and"
            + " container.json now; the same shape as /api/drift.")
    DriftReport group(@PathVariable String id, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String kind) {
        DriftReport report = drift.checkGroup(id).orElseThrow(() -> new UnknownGroupException(id));
        return filter(report, severity, kind, null);
    }

    private static DriftReport filter(DriftReport report, String severity, String kind, String groupId) {
        Severity wantedSeverity = Listing.enumParameter(Severity.class, "severity", severity);
        FindingKind wantedKind = Listing.enumParameter(FindingKind.class, "kind", kind);
        if (wantedSeverity == null && wantedKind == null && groupId == null) {
            return report;
        }
        return report.filtered(
                f -> (wantedSeverity == null || f.severity() == wantedSeverity)
                        && (wantedKind == null || f.kind() == wantedKind)
                        && (groupId == null || groupId.equals(f.groupId())),
                g -> groupId == null || groupId.equals(g.id()));
    }
}
