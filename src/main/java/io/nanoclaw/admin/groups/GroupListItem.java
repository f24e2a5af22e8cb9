package io.nanoclaw.admin.groups;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.drift.GroupStatus;
import io.nanoclaw.admin.install.InstallEra;
import io.nanoclaw.admin.providers.EraChains;
import io.nanoclaw.admin.providers.ProviderSources;

/**
 * One line of the groups list: every place the group's provider is kept, next to each other, and what the host and the
 * runner make of them in the install's era.
 *
 * @param dbProvider {@code agent_groups.agent_provider} as stored (null, '' or a name); in the DB-config era a legacy
 *        column nothing reads
 * @param configProvider {@code container_configs.provider} as stored (DB-config era; null in the file era). For a group
 *        without a row, null: see {@code backfillProvider}
 * @param hasConfigRow whether the group has a {@code container_configs} row (always false in the file era)
 * @param backfillProvider for a DB-era group without a row, the provider the host's back-fill would store
 * @param fileProvider container.json {@code provider} as written (a non-string value in JSON form); null when absent
 * @param fileState whether container.json could be read at all
 * @param status the group's drift status in the latest report (null before the report knows the group)
 * @param fileProviderAsRead the file's provider as NanoClaw's chains read it (null for a broken file)
 */
public record GroupListItem(
        String id,
        String name,
        String folder,
        InstallEra era,
        String dbProvider,
        String configProvider,
        boolean hasConfigRow,
        String backfillProvider,
        String fileProvider,
        ConfigFileState fileState,
        long sessionCount,
        long overrideCount,
        String createdAt,
        GroupStatus status,
        @JsonIgnore String fileProviderAsRead) {

    /** Every place the group's provider is kept, for the era's chains. */
    @JsonIgnore
    public ProviderSources sources() {
        return new ProviderSources(dbProvider, hasConfigRow ? configProvider : backfillProvider, hasConfigRow,
                fileProviderAsRead);
    }

    /** The provider in force at the era's source: the row's in the DB-config era, the group column's in the file era. */
    @JsonIgnore
    public String sourceProvider() {
        return era.isDbConfig() ? configProvider : dbProvider;
    }

    /** What the host prepares for a new session of this group (no override). */
    @JsonProperty
    public String hostProvider() {
        return EraChains.of(era).host(null, sources());
    }

    /** What the runner in the container starts (in the DB-config era: at the next spawn). */
    @JsonProperty
    public String runnerProvider() {
        return EraChains.of(era).runner(sources());
    }

    /** The host prepares one provider and the runner runs another, for a new session of this group. */
    @JsonProperty
    public boolean providersDiffer() {
        return !hostProvider().equals(runnerProvider());
    }
}
