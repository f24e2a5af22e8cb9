package io.nanoclaw.admin.install;

/** Where NanoClaw's tables and group folders come from. */
public enum InstallMode {
    /** An embedded H2 demo install under the data directory, seeded on first start. */
    EMBEDDED,
    /** A real NanoClaw install: its SQLite {@code data/v2.db} and its {@code groups/} folder. */
    ATTACHED
}
