package io.nanoclaw.admin.groups;

/** A group row with its session counts, as the groups list shows it. */
public record GroupRow(
        String id,
        String name,
        String folder,
        String agentProvider,
        String createdAt,
        long sessionCount,
        long overrideCount) {
}
