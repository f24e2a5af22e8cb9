package io.nanoclaw.admin.groups;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.providers.ProviderChain;

/**
 * One line of the groups list: the DB side and the file side of the group's provider next to each other.
 *
 * @param dbProvider {@code agent_groups.agent_provider} as stored (null, '' or a name)
 * @param fileProvider container.json {@code provider} as written (a non-string value in JSON form); null when absent
 * @param fileState whether container.json could be read at all
 * @param fileProviderAsRead the file's provider as NanoClaw's chains read it (null for a broken file)
 */
public record GroupListItem(
        String id,
        String name,
        String folder,
        String dbProvider,
        String fileProvider,
        ConfigFileState fileState,
        long sessionCount,
        long overrideCount,
        String createdAt,
        @JsonIgnore String fileProviderAsRead) {

    /** What the host prepares for a new session of this group (no override). */
    @JsonProperty
    public String hostProvider() {
        return ProviderChain.host(null, dbProvider, fileProviderAsRead);
    }

    /** What the runner in the container starts. */
    @JsonProperty
    public String runnerProvider() {
        return ProviderChain.runner(fileProviderAsRead);
    }

    /** The host prepares one provider and the runner runs another, for a new session of this group. */
    @JsonProperty
    public boolean providersDiffer() {
        return !hostProvider().equals(runnerProvider());
    }
}
