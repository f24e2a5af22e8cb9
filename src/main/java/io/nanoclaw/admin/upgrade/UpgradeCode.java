package io.nanoclaw.admin.upgrade;

import io.nanoclaw.admin.drift.Severity;

/**
 * What the first start of a DB-era NanoClaw (v2.0.48+) will do to a group of a file-era install
 * ({@code drift-kinds.md}, "Upgrade preview"). Part of the public contract like the drift kinds: add codes, never
 * rename them. A report of its own: these codes never change a group's drift status.
 */
public enum UpgradeCode {
    /** The back-fill throws for the group: the upgraded host does not start at all. */
    UPGRADE_BLOCKS_HOST_START(Severity.ERROR),
    /** container.json is there but unusable (malformed, unreadable, not an object nor null): the row gets defaults. */
    UPGRADE_LOSES_FILE_CONTENT(Severity.ERROR),
    /** The container will run another provider after the upgrade than it runs today. */
    UPGRADE_SWITCHES_RUNNER(Severity.WARNING),
    /** container.json has keys the back-fill does not copy: gone at the group's first spawn. */
    UPGRADE_DROPS_KEYS(Severity.WARNING),
    /** The file's assistantName goes into the row: renaming the group no longer renames the assistant. */
    UPGRADE_PINS_ASSISTANT_NAME(Severity.INFO);

    private final Severity severity;

    UpgradeCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
