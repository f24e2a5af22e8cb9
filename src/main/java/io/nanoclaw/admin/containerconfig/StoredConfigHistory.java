package io.nanoclaw.admin.containerconfig;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.nanoclaw.admin.install.AdminStore;
import io.nanoclaw.admin.install.StoreSeal;

/** Keeps replaced container.json bytes in the admin store, sealed. */
@Component
class StoredConfigHistory implements ConfigHistory {

    private final ConfigVersionRepository versions;
    private final StoreSeal seal;
    private final Clock clock;

    StoredConfigHistory(ConfigVersionRepository versions, StoreSeal seal) {
        this.versions = versions;
        this.seal = seal;
        this.clock = Clock.systemUTC();
    }

    @Override
    @AdminStore.Transaction
    public void keep(String folder, FileVersion version, byte[] bytes, String replacedBy) {
        versions.save(new ConfigVersion(null, folder, version.value(), bytes == null ? null : seal.seal(bytes), clock.instant(), replacedBy));
    }
}
