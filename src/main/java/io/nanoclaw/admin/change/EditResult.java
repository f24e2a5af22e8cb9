package io.nanoclaw.admin.change;

import java.util.List;

import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.GroupDrift;

/**
 * The answer to an edit: the plan (exactly what is or would be changed), whether it was applied, and the group's
 * drift state afterwards (for a dry run: as it is now).
 */
public record EditResult(boolean applied, ChangePlan plan, GroupDrift group, List<Finding> findings) {
}
