package io.nanoclaw.admin.dbconfig;

/**
 * One reason a {@code container_configs} row is invalid ({@code CONFIG_ROW_INVALID}).
 *
 * @param column the SQL column, e.g. {@code mcp_servers}
 * @param message a sentence for an operator that starts with the column's name
 */
public record RowProblem(String column, String message) {
}
