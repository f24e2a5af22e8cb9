package io.nanoclaw.admin.install;

/**
 * Which of NanoClaw's two eras an install is in, detected from its DB at start (never configured): it decides where a
 * group's configuration lives and how the provider chains read it ({@code reference/nanoclaw-db-era.md}).
 */
public enum InstallEra {
    /** NanoClaw up to v2.0.47: container.json is the source; the host reads the DB columns first. */
    FILE("file era (NanoClaw ≤ 2.0.47)"),
    /** NanoClaw v2.0.48 and later: a {@code container_configs} row is the source; the host writes container.json from it. */
    DB_CONFIG("DB-config era (NanoClaw 2.0.48+)");

    private final String label;

    InstallEra(String label) {
        this.label = label;
    }

    /** For people: "DB-config era (NanoClaw 2.0.48+)". */
    public String label() {
        return label;
    }

    public boolean isDbConfig() {
        return this == DB_CONFIG;
    }
}
