package io.nanoclaw.admin.install;

import java.nio.file.Path;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.core.convert.DataAccessStrategy;
import org.springframework.data.jdbc.core.convert.DataAccessStrategyFactory;
import org.springframework.data.jdbc.core.convert.DefaultJdbcTypeFactory;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.convert.MappingJdbcConverter;
import org.springframework.data.jdbc.core.convert.QueryMappingConfiguration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The admin store: our own embedded H2 database under the data directory (operators, API tokens, container.json
 * history, later audit). Migrated by Flyway at start; NanoClaw's DB never receives these tables.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackages = "io.nanoclaw.admin",
        includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = AdminStore.class),
        jdbcAggregateOperationsRef = "adminAggregateTemplate",
        transactionManagerRef = AdminStoreConfig.TRANSACTION_MANAGER)
public class AdminStoreConfig {

    public static final String TRANSACTION_MANAGER = "adminTransactionManager";

    @Bean(destroyMethod = "close", defaultCandidate = false)
    HikariDataSource adminDataSource(InstallProperties properties) {
        Path file = properties.dataDir().toAbsolutePath().normalize().resolve("admin");
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("admin");
        dataSource.setJdbcUrl("jdbc:h2:file:" + file + ";DATABASE_TO_UPPER=FALSE;WRITE_DELAY=0");
        dataSource.setUsername("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/admin").load().migrate();
        return dataSource;
    }

    /** The key sealing what the store keeps of NanoClaw's files and rows; beside the store, never inside it. */
    @Bean
    StoreSeal storeSeal(InstallProperties properties) {
        return StoreSeal.inDataDir(properties.dataDir().toAbsolutePath().normalize());
    }

    @Bean(defaultCandidate = false)
    NamedParameterJdbcTemplate adminJdbcOperations(@Qualifier("adminDataSource") HikariDataSource adminDataSource) {
        return new NamedParameterJdbcTemplate(adminDataSource);
    }

    @Bean(name = TRANSACTION_MANAGER, defaultCandidate = false)
    JdbcTransactionManager adminTransactionManager(@Qualifier("adminDataSource") HikariDataSource adminDataSource) {
        return new JdbcTransactionManager(adminDataSource);
    }

    @Bean(defaultCandidate = false)
    JdbcConverter adminJdbcConverter(JdbcMappingContext mappingContext,
            @Qualifier("adminJdbcOperations") NamedParameterJdbcTemplate adminJdbcOperations) {
        // Admin aggregates have no nested entities, so nothing ever resolves a relation.
        return new MappingJdbcConverter(mappingContext, (identifier, path) -> {
            throw new UnsupportedOperationException("admin store aggregates have no relations: " + path);
        }, JdbcCustomConversions.of(H2AsWrittenDialect.INSTANCE, List.of()),
                new DefaultJdbcTypeFactory(adminJdbcOperations.getJdbcOperations()));
    }

    @Bean(defaultCandidate = false)
    DataAccessStrategy adminDataAccessStrategy(@Qualifier("adminJdbcConverter") JdbcConverter converter,
            @Qualifier("adminJdbcOperations") NamedParameterJdbcTemplate adminJdbcOperations) {
        return new DataAccessStrategyFactory(converter, adminJdbcOperations, H2AsWrittenDialect.INSTANCE,
                QueryMappingConfiguration.EMPTY).create();
    }

    @Bean(defaultCandidate = false)
    JdbcAggregateTemplate adminAggregateTemplate(ApplicationContext context, JdbcMappingContext mappingContext,
            @Qualifier("adminJdbcConverter") JdbcConverter converter,
            @Qualifier("adminDataAccessStrategy") DataAccessStrategy strategy) {
        return new JdbcAggregateTemplate(context, mappingContext, converter, strategy);
    }
}
