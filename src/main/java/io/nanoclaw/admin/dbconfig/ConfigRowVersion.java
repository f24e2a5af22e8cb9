package io.nanoclaw.admin.dbconfig;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A {@code container_configs} row that a change through the service replaced, kept in the admin store.
 *
 * @param rowVersion {@link RowFileVersion#rowHash} of the kept row
 * @param sealedRowColumns the kept row's columns as JSON, sealed ({@link ConfigRowHistory#row}): they hold MCP secrets
 * @param changedColumns the columns the replacing change wrote, comma-separated
 * @param action the replacing change ({@code EDIT_CONTAINER_CONFIG}, {@code FIX:…}, {@code SET_GROUP_PROVIDER}, …)
 */
@Table("config_row_versions")
public record ConfigRowVersion(
        @Id Long id,
        String agentGroupId,
        String folder,
        String rowVersion,
        @Column("row_columns") String sealedRowColumns,
        String changedColumns,
        String action,
        Instant replacedAt,
        String replacedBy) {
}
