package io.nanoclaw.admin.providers;

/**
 * Every place a group's provider is kept, as stored, for the chains of either era to read.
 *
 * @param groupColumn {@code agent_groups.agent_provider} (the file era's DB side; the DB era's legacy column)
 * @param configRow the DB era's {@code container_configs.provider}, or for a group without a row the provider the
 *        host's back-fill would store; unused in the file era
 * @param hasConfigRow whether the DB era's row exists (false: {@code configRow} is the back-fill's value)
 * @param fileProvider container.json {@code provider} as both sides read it ({@link ProviderChain#fromFile})
 */
public record ProviderSources(String groupColumn, String configRow, boolean hasConfigRow, String fileProvider) {

    public static ProviderSources fileEra(String groupColumn, String fileProvider) {
        return new ProviderSources(groupColumn, null, false, fileProvider);
    }
}
