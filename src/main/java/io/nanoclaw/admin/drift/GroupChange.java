package io.nanoclaw.admin.drift;

import java.util.List;

/**
 * What a scan or a re-check changed for one group (a re-checked group is told even when nothing about its drift
 * changed: {@link #changed()} says) (or, with a null {@code groupId}, for the install: an orphan
 * folder, a session whose group is gone).
 *
 * @param before the status before; null when the group is new to the report
 * @param after the status now; null when the group is gone
 * @param findings every finding of the group now
 * @param appeared the findings that were not there before
 * @param resolved the findings that are gone
 */
public record GroupChange(String groupId, String folder, GroupStatus before, GroupStatus after, List<Finding> findings,
        List<Finding> appeared, List<Finding> resolved) {

    /** "DRIFTED: 2 findings, GROUP_PROVIDER_MISMATCH (ERROR) first", "ALIGNED", "gone". */
    public String summary() {
        if (after == null) {
            return "gone";
        }
        if (findings.isEmpty()) {
            return after.name();
        }
        Finding worst = findings.get(0);
        return after.name() + ": " + findings.size() + " finding(s), " + worst.kind() + " (" + worst.severity() + ")"
                + (findings.size() > 1 ? " first" : "");
    }

    public boolean statusChanged() {
        return before != after;
    }

    /** Whether anything about the group's drift changed (a re-checked group may be told with nothing changed). */
    public boolean changed() {
        return statusChanged() || !appeared.isEmpty() || !resolved.isEmpty();
    }
}
