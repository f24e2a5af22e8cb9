package io.nanoclaw.admin.drift;

/**
 * The kinds of disagreement a scan reports: a public contract (REST, CLI, metrics labels), catalogued in
 * {@code reference/drift-kinds.md}. Codes are never renamed; new kinds are added.
 */
public enum FindingKind {
    GROUP_PROVIDER_MISMATCH(false),
    SESSION_PROVIDER_MISMATCH(false),
    SESSION_OVERRIDE_REDUNDANT(false),
    PROVIDER_UNKNOWN(false),
    PROVIDER_NOT_NORMALIZED(false),
    PROVIDER_EMPTY_STRING(false),
    CONFIG_FILE_MISSING(false),
    CONFIG_FILE_MALFORMED(true),
    /** Ours, beyond the catalogue: the file exists but cannot be read (permissions, size). Both sides read it as {}. */
    CONFIG_FILE_UNREADABLE(true),
    CONFIG_FIELD_INVALID(true),
    IDENTITY_STALE(false),
    UNKNOWN_KEYS_AT_RISK(false),
    GROUP_FOLDER_MISSING(true),
    GROUP_FOLDER_INVALID(true),
    ORPHAN_FOLDER(false),
    SESSION_GROUP_MISSING(false),
    MOUNT_NOT_ALLOWED(false),
    // The DB-config era (NanoClaw 2.0.48+): the container_configs row is the source.
    CONFIG_FILE_DIVERGES_FROM_DB(false),
    LEGACY_GROUP_PROVIDER_IGNORED(false),
    CONFIG_ROW_MISSING(true),
    BACKFILL_WILL_FAIL(true),
    CONFIG_ROW_INVALID(true),
    ASSISTANT_NAME_EMPTY(false),
    CLI_SCOPE_INVALID(false),
    CONFIG_ROW_ORPHANED(false),
    MODEL_NOT_USED(false);

    private static final java.util.Set<FindingKind> NOT_IN_THE_DB_ERA = java.util.EnumSet.of(GROUP_PROVIDER_MISMATCH,
            CONFIG_FILE_MALFORMED, CONFIG_FILE_UNREADABLE, CONFIG_FIELD_INVALID, IDENTITY_STALE, UNKNOWN_KEYS_AT_RISK);
    private static final java.util.Set<FindingKind> DB_ERA_ONLY = java.util.EnumSet.range(CONFIG_FILE_DIVERGES_FROM_DB,
            MODEL_NOT_USED);

    private final boolean breaksGroup;

    /** The kinds a scan of an install of this era can report, in catalogue order (for filters and metrics). */
    public static java.util.List<FindingKind> ofEra(io.nanoclaw.admin.install.InstallEra era) {
        return java.util.Arrays.stream(values())
                .filter(kind -> era.isDbConfig() ? !NOT_IN_THE_DB_ERA.contains(kind) : !DB_ERA_ONLY.contains(kind))
                .toList();
    }

    FindingKind(boolean breaksGroup) {
        this.breaksGroup = breaksGroup;
    }

    /**
     * A finding of this kind makes its group BROKEN (PROVIDER_UNKNOWN does only for the runner's provider). Each era
     * reports only its own kinds, so one flag serves both.
     */
    boolean breaksGroup() {
        return breaksGroup;
    }
}
