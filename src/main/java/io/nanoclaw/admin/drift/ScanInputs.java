package io.nanoclaw.admin.drift;

import java.util.List;
import java.util.Set;

/**
 * What a scan judged against, so people can see which set was in force and why.
 *
 * @param warnings things the scan could not look at (an unreadable groups folder, …); the scan still completed
 */
public record ScanInputs(Set<String> runnerProviders, String runnerProvidersSource, Set<String> hostProviders,
        String hostProvidersSource, String mountAllowlist, String mountAllowlistState, List<String> warnings) {
}
