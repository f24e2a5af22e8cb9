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
    RESTORE_CONFIG_VERSION
}
