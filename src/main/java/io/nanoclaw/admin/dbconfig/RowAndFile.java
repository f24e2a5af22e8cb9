package io.nanoclaw.admin.dbconfig;

import java.util.Optional;

import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;

/**
 * A DB-era group's config as it is now: its {@code container_configs} row (null when it has none) and its
 * container.json, read together, with the version of both.
 */
public record RowAndFile(String groupId, String groupName, String folder, ContainerConfigRow row,
        ContainerConfigFile file) {

    public RowFileVersion version() {
        return RowFileVersion.of(row, file.version());
    }

    public boolean hasRow() {
        return row != null;
    }

    /** What the host would write from the row; empty without a row or when a JSON column does not parse. */
    public Optional<ContainerConfigDocument> document() {
        return row == null ? Optional.empty() : Materializer.materialize(groupId, groupName, row).documentIfOk();
    }
}
