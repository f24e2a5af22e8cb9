package io.nanoclaw.admin.groups;

import io.nanoclaw.admin.containerconfig.ConfigFileState;

/**
 * One line of the groups list: the DB side and the file side of the group's provider next to each other.
 *
 * @param dbProvider {@code agent_groups.agent_provider} as stored (null, '' or a name)
 * @param fileProvider container.json {@code provider} as written (a non-string value in JSON form); null when absent
 * @param fileState whether container.json could be read at all
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
        String createdAt) {

    /** True when the DB names a provider and the file does not name the same one: worth a look. */
    public boolean providersDiffer() {
        boolean dbSet = dbProvider != null && !dbProvider.isEmpty();
        return dbSet && !dbProvider.equals(fileProvider);
    }
}
