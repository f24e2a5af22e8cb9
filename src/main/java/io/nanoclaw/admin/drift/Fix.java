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
    RESET_CONFIG_FILE,
    // The DB-config era's fixes.
    /** Write container.json exactly as the host would from the row; the replaced bytes are kept in history. */
    MATERIALIZE_FROM_DB,
    /** Make the row say what the file says (known fields only; the rest is listed), then materialize. */
    IMPORT_FILE_INTO_DB,
    /** Set {@code agent_groups.agent_provider}, which nothing reads any more, to NULL. */
    CLEAR_LEGACY_PROVIDER,
    /** Insert the row the host's back-fill would insert, refusing what it could not store; then materialize. */
    CREATE_CONFIG_ROW,
    /** Store NULL for an {@code assistant_name} of {@code ''}, so the assistant gets the group's name. */
    NORMALIZE_ASSISTANT_NAME
}
