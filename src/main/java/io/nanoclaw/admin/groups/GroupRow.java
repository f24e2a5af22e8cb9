package io.nanoclaw.admin.groups;

/**
 * A group row with its session counts, as the groups list shows it.
 *
 * @param configProvider {@code container_configs.provider} (DB-config era); null in the file era
 * @param hasConfigRow whether the group has a {@code container_configs} row (DB-config era)
 */
public record GroupRow(
        String id,
        String name,
        String folder,
        String agentProvider,
        String createdAt,
        long sessionCount,
        long overrideCount,
        String configProvider,
        boolean hasConfigRow) {
}
