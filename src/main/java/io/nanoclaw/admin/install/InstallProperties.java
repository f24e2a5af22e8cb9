package io.nanoclaw.admin.install;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the NanoClaw install and our own data live.
 *
 * @param installRoot a NanoClaw install root (holding {@code data/v2.db} and {@code groups/}); unset = embedded demo
 * @param dataDir our own data: the admin store, and in embedded mode the demo install
 * @param sqliteBusyTimeout how long to wait on a NanoClaw host holding the SQLite write lock
 * @param demoEra the era of the embedded demo install: {@code db} (today's NanoClaw, the default) or {@code file};
 *        ignored when attached, where the era is detected from the install's DB
 */
@ConfigurationProperties("nanoclaw")
public record InstallProperties(
        Path installRoot,
        @DefaultValue("./var") Path dataDir,
        @DefaultValue("5s") Duration sqliteBusyTimeout,
        @DefaultValue("db") String demoEra) {

    public InstallMode mode() {
        return installRoot == null ? InstallMode.EMBEDDED : InstallMode.ATTACHED;
    }

    /** The demo's era; a value other than {@code db} or {@code file} stops the start with a clear message. */
    public InstallEra demoInstallEra() {
        String value = demoEra == null ? "db" : demoEra.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "db", "db_config", "db-config" -> InstallEra.DB_CONFIG;
            case "file" -> InstallEra.FILE;
            default -> throw new InstallNotUsableException(
                    "nanoclaw.demo-era is '" + demoEra + "', which names no era of the demo install.",
                    "Set --nanoclaw.demo-era=db (today's NanoClaw, the default) or --nanoclaw.demo-era=file.");
        };
    }
}
