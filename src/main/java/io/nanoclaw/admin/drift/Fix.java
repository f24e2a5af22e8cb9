package io.nanoclaw.admin.drift;

/** The fixes a finding can offer (the catalogue's fix codes). */
public enum Fix {
    ALIGN_FROM_DB,
    ALIGN_FROM_FILE,
    CLEAR_SESSION_OVERRIDE,
    PROMOTE_SESSION_OVERRIDE,
    NORMALIZE_PROVIDER,
    CREATE_CONFIG_FILE,
    REFRESH_IDENTITY,
    RESTORE_CONFIG_VERSION,
    /** Ours, beyond the catalogue: create the missing folder with NanoClaw's default container.json. */
    RECREATE_GROUP_FOLDER,
    /**
     * Ours, beyond the catalogue: replace an unusable container.json with NanoClaw's defaults, the identity and the
     * DB's provider (what the next spawn would write anyway, minus the provider loss); the old bytes stay in history.
     */
    RESET_CONFIG_FILE
}
