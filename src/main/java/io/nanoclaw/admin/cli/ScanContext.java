package io.nanoclaw.admin.cli;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import io.nanoclaw.admin.containerconfig.AtomicFileWriter;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.drift.DriftProperties;
import io.nanoclaw.admin.drift.DriftScanner;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.install.NanoclawStoreConfig;
import io.nanoclaw.admin.providers.ProvidersProperties;
import io.nanoclaw.admin.upgrade.UpgradePreviewService;

/**
 * The few beans a scan needs: NanoClaw's DB and folders, read-only. No auto-configuration, no web, no admin store.
 * Deliberately not a {@code @Configuration}: the web application's component scan must not pick it up.
 */
@Import(NanoclawStoreConfig.class)
@EnableConfigurationProperties({DriftProperties.class, ProvidersProperties.class})
class ScanContext {

    @Bean
    ContainerConfigStore containerConfigStore(InstallLayout install) {
        return new ContainerConfigStore(install.groups(), (folder, version, bytes, by) -> {
            throw new UnsupportedOperationException("the scan command never writes");
        }, new AtomicFileWriter());
    }

    @Bean
    UpgradePreviewService upgradePreviewService(DataSource dataSource, ContainerConfigStore configs, DetectedEra era) {
        return new UpgradePreviewService(dataSource, configs, era);
    }

    @Bean
    DriftScanner driftScanner(DataSource dataSource, InstallLayout install, ContainerConfigStore configs,
            ProvidersProperties providers, DriftProperties properties) {
        return new DriftScanner(new JdbcTemplate(dataSource), install, configs, providers, properties, Clock.systemUTC());
    }
}
