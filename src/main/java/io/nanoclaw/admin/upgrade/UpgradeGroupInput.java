package io.nanoclaw.admin.upgrade;

/**
 * A group as the back-fill sees it: its {@code agent_groups} row.
 *
 * @param legacyProvider {@code agent_groups.agent_provider}, as stored
 */
public record UpgradeGroupInput(String groupId, String name, String folder, String legacyProvider) {
}
