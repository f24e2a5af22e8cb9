package io.nanoclaw.admin.install;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * NanoClaw's own tables: the primary DataSource, used by Spring Data JDBC and Boot's JDBC support. Attached mode opens
 * the install's SQLite DB (never created, never migrated); embedded mode opens an H2 demo DB, seeded on first start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstallProperties.class)
public class NanoclawStoreConfig {

    private static final Logger log = LoggerFactory.getLogger(NanoclawStoreConfig.class);

    @Bean
    InstallLayout installLayout(InstallProperties properties) {
        InstallLayout layout = InstallLayout.of(properties);
        if (layout.mode() == InstallMode.ATTACHED && !Files.isRegularFile(layout.sqliteFile())) {
            throw new InstallNotUsableException("No NanoClaw database at " + layout.sqliteFile(),
                    "Point --nanoclaw.install-root at the root of a NanoClaw install: the folder that holds data/v2.db"
                            + " and groups/. Leave it unset to run on the embedded demo install.");
        }
        return layout;
    }

    @Bean
    GroupsDirectory groupsDirectory(InstallLayout layout) {
        return layout.groups();
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(InstallLayout layout, InstallProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("nanoclaw");
        if (layout.mode() == InstallMode.ATTACHED) {
            configureSqlite(dataSource, layout.sqliteFile(), properties);
            InstallSchema.verify(dataSource, layout.sqliteFile().toString());
            if (!Files.isDirectory(layout.groups().root())) {
                log.warn("The install has no groups/ folder at {}: every group will show its folder as missing",
                        layout.groups().root());
            }
            log.info("Attached to the NanoClaw install at {}", layout.root());
        } else {
            dataSource.setJdbcUrl("jdbc:h2:file:" + layout.root().resolve("demo-install") + ";DATABASE_TO_UPPER=FALSE");
            dataSource.setUsername("sa");
            DemoInstall.seedIfNew(dataSource, layout.groups(), properties.demoInstallEra());
            log.info("Running on the embedded demo install in {} (set --nanoclaw.install-root to attach to a real one)",
                    layout.root());
        }
        return dataSource;
    }

    /** The install's era, from its DB alone: the {@code container_configs} table makes it the DB-config era. */
    @Bean
    DetectedEra detectedEra(DataSource dataSource, InstallLayout layout) {
        DetectedEra detected;
        try {
            detected = EraDetection.detect(dataSource);
        } catch (java.sql.SQLException e) {
            throw new InstallNotUsableException("Cannot read NanoClaw's database " + layout.database() + ": "
                    + e.getMessage(), "Check that the file is a SQLite database and that this user may read it.");
        }
        log.info("NanoClaw era: {}{}", detected.era().label(), detected.era() == InstallEra.DB_CONFIG
                ? " (container_configs is the source; the host rewrites container.json at every spawn)"
                : " (container.json is the source; the host reads the DB columns first)");
        detected.notes().forEach(note -> log.warn("{}", note));
        return detected;
    }

    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        JdbcTransactionManager manager = new JdbcTransactionManager(dataSource);
        // A commit that fails (SQLITE_BUSY at COMMIT) must be rolled back, or returning the connection to
        // auto-commit would commit it after the change's files were already put back.
        manager.setRollbackOnCommitFailure(true);
        return manager;
    }

    private static void configureSqlite(HikariDataSource dataSource, Path file, InstallProperties properties) {
        SQLiteConfig config = new SQLiteConfig();
        // Open read-write but never create: a wrong path must fail, not leave an empty v2.db behind.
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setBusyTimeout((int) properties.sqliteBusyTimeout().toMillis());
        config.enforceForeignKeys(true);
        dataSource.setJdbcUrl("jdbc:sqlite:" + file);
        dataSource.setDataSourceProperties(config.toProperties());
        // NanoClaw's host holds the DB open too: few connections, short transactions.
        dataSource.setMaximumPoolSize(4);
        dataSource.setMinimumIdle(1);
    }
}
