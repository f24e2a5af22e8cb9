package io.nanoclaw.admin.drift;

import java.util.Set;

import io.nanoclaw.admin.change.ChangePlan;
import io.nanoclaw.admin.drift.FixService.FixRequest;
import io.nanoclaw.admin.drift.FixService.Source;
import io.nanoclaw.admin.groups.AgentGroup;

/** How one era plans the catalogue's fixes ({@link FileEraFixes}, {@link DbEraFixes}); nothing is written here. */
public interface Fixes {

    public ChangePlan plan(AgentGroup group, FixRequest request);

    /** The kinds bulk alignment fixes when none are named. */
    public Set<FindingKind> defaultAlignKinds();

    /** The fix that makes one side say what the other says. */
    public Fix alignFix(Source source);
}
