package io.nanoclaw.admin.install;

import java.sql.Connection;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.relational.core.dialect.Dialect;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/** Lets Spring Data JDBC recognise SQLite (registered in META-INF/spring.factories). */
public class SqliteDialectProvider implements DialectResolver.JdbcDialectProvider {

    @Override
    public Optional<Dialect> getDialect(JdbcOperations operations) {
        Boolean sqlite = operations.execute((ConnectionCallback<Boolean>) SqliteDialectProvider::isSqlite);
        return Boolean.TRUE.equals(sqlite) ? Optional.of(SqliteDialect.INSTANCE) : Optional.empty();
    }

    private static boolean isSqlite(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite");
        } catch (java.sql.SQLException e) {
            throw new DataAccessResourceFailureException("Cannot read the database product name", e);
        }
    }
}
