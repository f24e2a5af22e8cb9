package io.nanoclaw.admin.change;

import java.util.List;

import org.springframework.stereotype.Component;

import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.DriftService;
import io.nanoclaw.admin.drift.UnknownGroupException;

/** Runs a plan (or only shows it, for a dry run) and answers with the group's drift state afterwards. */
@Component
public class EditRunner {

    private final ChangeExecutor executor;
    private final DriftService drift;

    public EditRunner(ChangeExecutor executor, DriftService drift) {
        this.executor = executor;
        this.drift = drift;
    }

    public EditResult run(ChangePlan plan, boolean dryRun, String reason) {
        AuditService.checkReason(reason);
        if (!dryRun) {
            executor.apply(plan, reason);
        }
        // An applied change re-checks its group into the report before it answers, so the next read shows it.
        DriftReport check = (dryRun ? drift.checkGroup(plan.groupId()) : drift.recheck(plan.groupId()))
                .orElseThrow(() -> new UnknownGroupException(plan.groupId()));
        return new EditResult(!dryRun && !plan.isEmpty(), plan, check.groups().get(0), List.copyOf(check.findings()));
    }

    /** Re-checks a group that a change made without {@link #run} (a create, a delete) into the drift report. */
    public void recheck(String groupId) {
        drift.recheck(groupId);
    }
}
