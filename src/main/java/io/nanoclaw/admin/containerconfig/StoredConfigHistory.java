package io.nanoclaw.admin.containerconfig;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.nanoclaw.admin.install.AdminStore;

/** Keeps replaced container.json bytes in the admin store. */
@Component
class StoredConfigHistory implements ConfigHistory {

    private final ConfigVersionRepository versions;
    private final Clock clock;

    StoredConfigHistory(ConfigVersionRepository versions) {
        this.versions = versions;
        this.clock = Clock.systemUTC();
    }

    @Override
    @AdminStore.Transaction
    public void keep(String folder, FileVersion version, byte[] bytes, String replacedBy) {
        versions.save(new ConfigVersion(null, folder, version.value(), bytes, clock.instant(), replacedBy));
    }
}
