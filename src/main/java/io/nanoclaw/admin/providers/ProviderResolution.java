package io.nanoclaw.admin.providers;

import java.util.List;

/**
 * How the host and the runner resolve a session's provider, link by link: the page draws both chains and marks the
 * link each side takes. Built by {@link EraChains#resolve}.
 *
 * @param links the host's chain
 * @param runnerLinks the runner's chain
 */
public record ProviderResolution(List<Link> links, List<Link> runnerLinks, String host, String runner) {

    /** One place a side looks, in order; {@code value} as stored (null = unset), {@code taken} on the one it uses. */
    public record Link(String place, String value, boolean taken) {
    }

    /** The file era's chains (kept for callers that know they are in the file era). */
    public static ProviderResolution of(String sessionOverride, boolean forSession, String groupProvider,
            String fileProvider) {
        return EraChains.FILE.resolve(sessionOverride, forSession, ProviderSources.fileEra(groupProvider, fileProvider));
    }

    public boolean agrees() {
        return host.equals(runner);
    }

    public String sentence() {
        return agrees()
                ? "The host prepares " + host + " and the runner runs " + runner + "."
                : "The host prepares " + host + ", the runner runs " + runner + ".";
    }
}
