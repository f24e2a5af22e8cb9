package io.nanoclaw.admin.install;

import org.springframework.data.jdbc.core.dialect.JdbcH2Dialect;
import org.springframework.data.relational.core.sql.IdentifierProcessing;

/**
 * H2 with table and column names as written (lower case), the way NanoClaw's SQLite names them. Our H2 URLs set
 * {@code DATABASE_TO_UPPER=FALSE}, so the same entity mapping works on both databases.
 */
public class H2AsWrittenDialect extends JdbcH2Dialect {

    public static final H2AsWrittenDialect INSTANCE = new H2AsWrittenDialect();

    @Override
    public IdentifierProcessing getIdentifierProcessing() {
        return IdentifierProcessing.create(IdentifierProcessing.Quoting.ANSI, IdentifierProcessing.LetterCasing.AS_IS);
    }
}
