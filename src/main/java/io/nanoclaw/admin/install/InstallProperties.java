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
 */
@ConfigurationProperties("nanoclaw")
public record InstallProperties(
        Path installRoot,
        @DefaultValue("./var") Path dataDir,
        @DefaultValue("5s") Duration sqliteBusyTimeout) {

    public InstallMode mode() {
        return installRoot == null ? InstallMode.EMBEDDED : InstallMode.ATTACHED;
    }
}
