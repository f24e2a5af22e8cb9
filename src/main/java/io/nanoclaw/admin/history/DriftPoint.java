package io.nanoclaw.admin.history;

import java.time.Instant;
import java.util.Map;

/**
 * The install at one moment: groups by status ({@code ALIGNED}, {@code DRIFTED}, {@code BROKEN}) and findings by
 * severity ({@code ERROR}, {@code WARNING}, {@code INFO}).
 */
public record DriftPoint(Instant at, Map<String, Integer> groups, Map<String, Integer> findings) {
}
