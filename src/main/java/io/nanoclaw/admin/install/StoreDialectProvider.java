package io.nanoclaw.admin.install;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.relational.core.dialect.Dialect;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Picks the Spring Data JDBC dialect of our two kinds of database (registered in META-INF/spring.factories, ahead of
 * Spring Data's own): {@link SqliteDialect} for a NanoClaw install, {@link H2AsWrittenDialect} for our H2 files.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StoreDialectProvider implements DialectResolver.JdbcDialectProvider {

    @Override
    public Optional<Dialect> getDialect(JdbcOperations operations) {
        String product = operations.execute((ConnectionCallback<String>) StoreDialectProvider::productName);
        if (product == null) {
            return Optional.empty();
        }
        if (product.contains("sqlite")) {
            return Optional.of(SqliteDialect.INSTANCE);
        }
        if (product.contains("h2")) {
            return Optional.of(H2AsWrittenDialect.INSTANCE);
        }
        return Optional.empty();
    }

    private static String productName(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot read the database product name", e);
        }
    }
}
