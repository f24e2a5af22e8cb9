package io.nanoclaw.admin.providers;

import java.util.List;

/**
 * How the host resolves a session's provider, link by link, next to what the runner runs: the page draws it as a chain
 * and marks the link the host takes.
 */
public record ProviderResolution(List<Link> links, String host, String runner) {

    /** One place the host looks, in order; {@code value} as stored (null = unset), {@code taken} on the one it uses. */
    public record Link(String place, String value, boolean taken) {
    }

    public static ProviderResolution of(String sessionOverride, boolean forSession, String groupProvider,
            String fileProvider) {
        String host = ProviderChain.host(sessionOverride, groupProvider, fileProvider);
        String runner = ProviderChain.runner(fileProvider);
        String[] places = {"session override", "group column", "container.json", "default"};
        String[] values = {sessionOverride, groupProvider, fileProvider, ProviderChain.DEFAULT_PROVIDER};
        int taken = 3;
        for (int i = 0; i < 3; i++) {
            if (ProviderChain.isSet(values[i])) {
                taken = i;
                break;
            }
        }
        List<Link> links = new java.util.ArrayList<>();
        for (int i = forSession ? 0 : 1; i < places.length; i++) {
            links.add(new Link(places[i], values[i], i == taken));
        }
        return new ProviderResolution(List.copyOf(links), host, runner);
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
