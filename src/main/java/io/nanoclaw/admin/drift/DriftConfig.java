package io.nanoclaw.admin.drift;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.providers.ProvidersProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DriftProperties.class, ProvidersProperties.class, WatchProperties.class})
@EnableScheduling
class DriftConfig {

    @Bean
    DriftScanner driftScanner(JdbcTemplate jdbc, InstallLayout install, DetectedEra era, ContainerConfigStore configs,
            ProvidersProperties providers, DriftProperties properties) {
        return new DriftScanner(jdbc, install, era, configs, providers, properties, Clock.systemUTC());
    }
}
