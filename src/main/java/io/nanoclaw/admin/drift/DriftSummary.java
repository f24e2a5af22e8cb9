package io.nanoclaw.admin.drift;

import java.util.Map;

/** Counts of one scan: groups by status, findings by severity. */
public record DriftSummary(int groups, int aligned, int drifted, int broken, Map<Severity, Integer> findings) {
}
