package io.nanoclaw.admin.edits;

import java.util.Set;

import io.nanoclaw.admin.change.ChangePlan;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.drift.Fix;
import io.nanoclaw.admin.edits.FixService.FixRequest;
import io.nanoclaw.admin.edits.FixService.Source;
import io.nanoclaw.admin.groups.AgentGroup;

/** How one era plans the catalogue's fixes ({@link FileEraFixes}, {@link DbEraFixes}); nothing is written here. */
interface Fixes {

    ChangePlan plan(AgentGroup group, FixRequest request);

    /** The kinds bulk alignment fixes when none are named. */
    Set<FindingKind> defaultAlignKinds();

    /** The fix that makes one side say what the other says. */
    Fix alignFix(Source source);
}
