package io.nanoclaw.admin.containerconfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.nanoclaw.admin.dbconfig.ConfigRowHistory;
import io.nanoclaw.admin.dbconfig.RowAndFileReader;
import io.nanoclaw.admin.dbconfig.RowPlans;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.StoreSeal;
import io.nanoclaw.admin.change.EditRunner;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.drift.FixService;

/** Picks what the config editor edits, once, from the era detected at start. */
@Configuration(proxyBeanMethods = false)
class EditableConfigConfig {

    @Bean
    EditableConfig editableConfig(DetectedEra era, EditTargets targets, EditRunner runner,
            ConfigVersionRepository versions, FixService fixes, RowPlans rows, RowAndFileReader reader,
            ConfigRowHistory history, StoreSeal seal) {
        return era.era().isDbConfig()
                ? new DbEraEditableConfig(targets, runner, rows, reader, history, versions, seal, era.hasCliScope())
                : new FileEraEditableConfig(targets, runner, versions, seal, fixes);
    }
}
