package io.nanoclaw.admin.edits;

import java.util.Set;

import org.springframework.stereotype.Component;

import io.nanoclaw.admin.drift.Fix;
import io.nanoclaw.admin.install.DetectedEra;

/**
 * Refuses, on a DB-config era install, the changes that still write the file era's places: NanoClaw would ignore them
 * (the next spawn rewrites container.json from the {@code container_configs} row, and nothing reads
 * {@code agent_groups.agent_provider}), so an operator would get a success and keep the old provider. Session overrides
 * still reach the host in that era, so their changes go through.
 */
@Component
class DbEraChangeGuard {

    /** The fixes that are right in both eras: they touch only a session's own override. */
    static final Set<Fix> BOTH_ERAS = Set.of(Fix.CLEAR_SESSION_OVERRIDE);

    private final boolean dbEra;

    DbEraChangeGuard(DetectedEra era) {
        this.dbEra = era.era().isDbConfig();
    }

    void refuse(String change, String groupId) {
        if (dbEra) {
            throw new EditRefusedException(change + " is not available on a DB-config era install yet: NanoClaw would"
                    + " ignore it, because the container_configs row is the source and the next spawn rewrites"
                    + " container.json from it. Nothing was changed. Change the row with NanoClaw's own"
                    + " `ncl groups config update --id " + groupId + " …` meanwhile.");
        }
    }

    void refuseFix(Fix fix, String sessionId, String groupId) {
        boolean sessionOnly = BOTH_ERAS.contains(fix) || fix == Fix.NORMALIZE_PROVIDER && sessionId != null;
        if (!sessionOnly) {
            refuse("The fix " + fix, groupId);
        }
    }
}
