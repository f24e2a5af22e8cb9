package io.nanoclaw.admin.install;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * Repositories over NanoClaw's tables: every repository not marked {@link AdminStore}, on the primary DataSource and
 * Boot's Spring Data JDBC setup (dialect resolved from the connection: H2, or SQLite through {@link SqliteDialect}).
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackages = "io.nanoclaw.admin",
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = AdminStore.class))
public class NanoclawRepositoriesConfig {
}
