package io.nanoclaw.admin.providers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider names the host and the runner can use, and where each set came from. An attached install that has its
 * providers' index files is read: one {@code import './codex.js';} line per registered provider
 * ({@code container/agent-runner/src/providers/index.ts} for the runner, {@code src/providers/index.ts} for the host).
 * Otherwise the configured list is in force for both.
 */
public record KnownProviders(Set<String> runner, String runnerSource, Set<String> host, String hostSource) {

    static final String RUNNER_INDEX = "container/agent-runner/src/providers/index.ts";
    static final String HOST_INDEX = "src/providers/index.ts";
    /** A side-effect import, {@code import './codex.js';}: how a provider registers itself. */
    private static final Pattern IMPORT = Pattern.compile(
            "^\\s*import\\s+['\"]\\./([A-Za-z0-9_-]+)(?:\\.[jt]s)?['\"]", Pattern.MULTILINE);
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    public static KnownProviders configured(Collection<String> names) {
        Set<String> set = normalise(names);
        return new KnownProviders(set, "setting nanoclaw.providers.known", set, "setting nanoclaw.providers.known");
    }

    /** The install's registrations where its index files exist, the configured list where they do not. */
    public static KnownProviders of(Path installRoot, Collection<String> configured) {
        KnownProviders fallback = configured(configured);
        if (installRoot == null) {
            return fallback;
        }
        Path runnerIndex = installRoot.resolve(RUNNER_INDEX);
        Path hostIndex = installRoot.resolve(HOST_INDEX);
        Set<String> runner = imports(runnerIndex);
        Set<String> host = imports(hostIndex);
        return new KnownProviders(
                runner == null ? fallback.runner() : runner,
                runner == null ? fallback.runnerSource() : runnerIndex.toString(),
                host == null ? fallback.host() : host,
                host == null ? fallback.hostSource() : hostIndex.toString());
    }

    public boolean runnerKnows(String provider) {
        return runner.contains(provider);
    }

    /**
     * The host's index imports only providers that add mounts or environment on the host (never claude or mock); a
     * provider the runner registers but the host does not import is known too, with nothing to add.
     */
    public boolean hostKnows(String provider) {
        return host.contains(provider) || runner.contains(provider);
    }

    /** The names an index file imports, or null when there is no readable file. */
    static Set<String> imports(Path index) {
        if (!Files.isRegularFile(index)) {
            return null;
        }
        try {
            Set<String> names = new TreeSet<>();
            Matcher matcher = IMPORT.matcher(BLOCK_COMMENT.matcher(Files.readString(index)).replaceAll(""));
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!name.equals("registry") && !name.equals("types") && !name.equals("index")) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            return null;
        }
    }

    private static Set<String> normalise(Collection<String> names) {
        Set<String> set = new TreeSet<>();
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                set.add(name.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(set);
    }
}
