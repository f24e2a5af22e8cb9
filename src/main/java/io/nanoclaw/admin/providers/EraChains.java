package io.nanoclaw.admin.providers;

import java.util.ArrayList;
import java.util.List;

import io.nanoclaw.admin.install.InstallEra;
import io.nanoclaw.admin.providers.ProviderResolution.Link;

/**
 * NanoClaw's two provider chains as one era has them: the one seam between the eras for everything that asks which
 * provider the host prepares and which the runner runs ({@code reference/drift-kinds.md}).
 * <ul>
 * <li>file era: host = session override, group column, container.json, claude; runner = container.json, claude;</li>
 * <li>DB-config era: host = session override, {@code container_configs.provider}, claude; runner at the next spawn =
 * {@code container_configs.provider}, claude (the host writes the row into the file just before the start).</li>
 * </ul>
 */
public enum EraChains {

    FILE {
        @Override
        public String host(String sessionOverride, ProviderSources sources) {
            return ProviderChain.host(sessionOverride, sources.groupColumn(), sources.fileProvider());
        }

        @Override
        public String runner(ProviderSources sources) {
            return ProviderChain.runner(sources.fileProvider());
        }

        @Override
        List<Link> hostLinks(ProviderSources sources) {
            return links(new String[] {"group column", "container.json"},
                    new String[] {sources.groupColumn(), sources.fileProvider()});
        }

        @Override
        List<Link> runnerLinks(ProviderSources sources) {
            return links(new String[] {"container.json"}, new String[] {sources.fileProvider()});
        }
    },

    DB_CONFIG {
        @Override
        public String host(String sessionOverride, ProviderSources sources) {
            return ProviderChain.host(sessionOverride, sources.configRow(), null);
        }

        @Override
        public String runner(ProviderSources sources) {
            return ProviderChain.runner(sources.configRow());
        }

        @Override
        List<Link> hostLinks(ProviderSources sources) {
            return links(new String[] {rowPlace(sources)}, new String[] {sources.configRow()});
        }

        @Override
        List<Link> runnerLinks(ProviderSources sources) {
            return links(new String[] {rowPlace(sources)}, new String[] {sources.configRow()});
        }

        private static String rowPlace(ProviderSources sources) {
            return sources.hasConfigRow() ? "container_configs row" : "row the back-fill would create";
        }
    };

    public static EraChains of(InstallEra era) {
        return era == InstallEra.DB_CONFIG ? DB_CONFIG : FILE;
    }

    /** The provider the host prepares mounts and environment for; {@code sessionOverride} null for a new session. */
    public abstract String host(String sessionOverride, ProviderSources sources);

    /** The provider the runner starts (in the DB era: at the next spawn). */
    public abstract String runner(ProviderSources sources);

    /** The places the host reads after the session override, in order, the default last. */
    abstract List<Link> hostLinks(ProviderSources sources);

    /** The places the runner reads, in order, the default last. */
    abstract List<Link> runnerLinks(ProviderSources sources);

    /** Both chains link by link, for a new session ({@code forSession} false) or a session with its override. */
    public ProviderResolution resolve(String sessionOverride, boolean forSession, ProviderSources sources) {
        List<Link> host = new ArrayList<>();
        if (forSession) {
            host.add(new Link("session override", sessionOverride, false));
        }
        host.addAll(hostLinks(sources));
        return new ProviderResolution(markFirstSet(host), markFirstSet(runnerLinks(sources)),
                host(forSession ? sessionOverride : null, sources), runner(sources));
    }

    private static List<Link> links(String[] places, String[] values) {
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < places.length; i++) {
            links.add(new Link(places[i], values[i], false));
        }
        links.add(new Link("default", ProviderChain.DEFAULT_PROVIDER, false));
        return links;
    }

    private static List<Link> markFirstSet(List<Link> links) {
        int taken = links.size() - 1;
        for (int i = 0; i < links.size() - 1; i++) {
            if (ProviderChain.isSet(links.get(i).value())) {
                taken = i;
                break;
            }
        }
        List<Link> marked = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            marked.add(new Link(links.get(i).place(), links.get(i).value(), i == taken));
        }
        return List.copyOf(marked);
    }
}
