package io.nanoclaw.admin.change;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.nanoclaw.admin.containerconfig.ConfigVersionRepository;
import io.nanoclaw.admin.dbconfig.RowPlans;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.StoreSeal;
import io.nanoclaw.admin.drift.Fixes;
import io.nanoclaw.admin.drift.FileEraFixes;
import io.nanoclaw.admin.drift.DbEraFixes;

/** Picks where changes write and how fixes are planned, once, from the era detected at start. */
@Configuration(proxyBeanMethods = false)
public class ConfigPlaceConfig {

    @Bean
    public ConfigPlace configPlace(DetectedEra era, EditTargets targets, RowPlans rows) {
        return era.era().isDbConfig() ? new DbEraConfigPlace(rows, targets, Clock.systemUTC())
                : new FileEraConfigPlace(targets);
    }

    @Bean
    public Fixes fixes(DetectedEra era, EditTargets targets, RowPlans rows, ConfigPlace place,
            ConfigVersionRepository versions, StoreSeal seal) {
        return era.era().isDbConfig() ? new DbEraFixes(targets, rows, place, Clock.systemUTC())
                : new FileEraFixes(targets, versions, seal);
    }
}
