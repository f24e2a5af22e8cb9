package io.nanoclaw.admin.drift;

/** A group's state after a scan. */
public enum GroupStatus {
    /** No finding above INFO. */
    ALIGNED,
    /** A disagreement between the DB and the file (any ERROR or WARNING that does not break the group). */
    DRIFTED,
    /** The file or folder cannot be used as it is, or the runner's provider is unknown. */
    BROKEN
}
