package io.nanoclaw.admin.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.change.EditRunner;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.web.InvalidInputException;

/** The catalogue's fixes, one group at a time or in bulk (alignment), always as a plan first. */
@Service
public class FixService {

    private final EditTargets targets;
    private final EditRunner runner;
    private final DriftService drift;
    private final Fixes fixes;

    public FixService(EditTargets targets, EditRunner runner, DriftService drift, Fixes fixes) {
        this.targets = targets;
        this.runner = runner;
        this.drift = drift;
        this.fixes = fixes;
    }

    /**
     * @param sessionId for the session fixes (and NORMALIZE_PROVIDER of a session)
     * @param version the history entry to put back, for RESTORE_CONFIG_VERSION
     */
    public record FixRequest(Fix fix, String sessionId, Long version, boolean dryRun, String reason) {
    }

    /** Which side wins when aligning: the DB's provider is written to the file, or the file's to the DB. */
    public enum Source { DB, FILE }

    public record AlignRequest(Source source, List<String> groupIds, List<FindingKind> kinds, boolean dryRun,
            String reason) {
    }

    public EditResult fix(String groupId, FixRequest request) {
        if (request.fix() == null) {
            throw InvalidInputException.field("fix", "name a fix: one of " + java.util.Arrays.toString(Fix.values()));
        }
        AgentGroup group = targets.group(groupId);
        return runner.run(fixes.plan(group, request), request.dryRun(), request.reason());
    }

    /**
     * Aligns every group (or those named) that has a finding of the given kinds (default: the era's disagreement
     * between its two sides: GROUP_PROVIDER_MISMATCH, or CONFIG_FILE_DIVERGES_FROM_DB in the DB-config era).
     */
    public List<EditResult> align(AlignRequest request) {
        if (request.source() == null) {
            throw InvalidInputException.field("source", "source must be 'db' or 'file'");
        }
        io.nanoclaw.admin.audit.AuditService.checkReason(request.reason());
        Set<FindingKind> kinds = request.kinds() == null || request.kinds().isEmpty()
                ? fixes.defaultAlignKinds() : Set.copyOf(request.kinds());
        Fix fix = fixes.alignFix(request.source());
        List<String> groupIds = request.groupIds() == null || request.groupIds().isEmpty()
                ? drift.scan().findings().stream()
                        .filter(f -> kinds.contains(f.kind()) && f.groupId() != null && f.fixes().contains(fix))
                        .map(Finding::groupId).distinct().toList()
                : request.groupIds();
        List<EditResult> results = new ArrayList<>();
        for (String groupId : groupIds) {
            results.add(fix(groupId, new FixRequest(fix, null, null, request.dryRun(), request.reason())));
        }
        return results;
    }
}
