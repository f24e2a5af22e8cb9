package io.nanoclaw.admin.install;

import java.util.List;

/**
 * What era detection found in NanoClaw's DB.
 *
 * @param era the era the install is judged by
 * @param hasCliScope whether {@code container_configs.cli_scope} exists (missing only on pre-release builds: read as
 *        {@code group})
 * @param notes what a person should know about the schema (a migration listed without its table, …); empty normally
 */
public record DetectedEra(InstallEra era, boolean hasCliScope, List<String> notes) {

    public DetectedEra {
        notes = List.copyOf(notes);
    }

    public static DetectedEra fileEra(List<String> notes) {
        return new DetectedEra(InstallEra.FILE, false, notes);
    }
}
