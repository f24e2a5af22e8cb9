package io.nanoclaw.admin.dbconfig;

import org.springframework.stereotype.Component;

import io.nanoclaw.admin.containerconfig.ContainerConfigStore;

/** Reads a DB-era group's row and container.json together, for the editor and the API. Reads only. */
@Component
public class RowAndFileReader {

    private final ContainerConfigRows rows;
    private final ContainerConfigStore files;

    public RowAndFileReader(ContainerConfigRows rows, ContainerConfigStore files) {
        this.rows = rows;
        this.files = files;
    }

    public RowAndFile read(String groupId, String groupName, String folder) {
        ContainerConfigRow row = rows.findByGroupId(groupId).orElse(null);
        return new RowAndFile(groupId, groupName, folder, row, files.read(folder));
    }
}
