package io.nanoclaw.admin.groups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.change.UnifiedDiff;
import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.JsonValues;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.ContainerConfigRowValidator;
import io.nanoclaw.admin.dbconfig.DocumentToRow;
import io.nanoclaw.admin.dbconfig.RowAndFile;
import io.nanoclaw.admin.dbconfig.RowAndFileReader;
import io.nanoclaw.admin.dbconfig.RowProblem;
import io.nanoclaw.admin.dbconfig.RowSecrets;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.InstallEra;

/**
 * {@code GET /api/groups/{id}/container-config} of a DB-config era install: the group's {@code container_configs}
 * row, the document the host will write from it, and the file on disk beside it, under one version (row and file).
 * Reads only.
 */
@Component
public class DbEraContainerConfig {

    private final AgentGroupRepository groups;
    private final RowAndFileReader reader;
    private final boolean dbEra;

    DbEraContainerConfig(AgentGroupRepository groups, RowAndFileReader reader, DetectedEra era) {
        this.groups = groups;
        this.reader = reader;
        this.dbEra = era.era().isDbConfig();
    }

    /** Whether the install is in the DB-config era (else the file era's answer applies). */
    public boolean applies() {
        return dbEra;
    }

    /**
     * The DB era's answer. The file era's members keep their meaning where they still have one ({@code state},
     * {@code raw}, {@code error} describe the file); {@code document} is what the host writes from the row.
     *
     * @param version what to send back as If-Match: the row's and the file's version (also the ETag)
     * @param fileVersion the SHA-256 of the file's bytes ({@code absent} without a file)
     * @param row the row's columns in the table's order, as stored (MCP env values masked for VIEWERs); null when the
     *        group has no row (its remedy is CREATE_CONFIG_ROW)
     * @param rowProblems why the row is CONFIG_ROW_INVALID; empty when it is valid
     * @param document the container.json the host will write from the row at the next spawn (masked likewise); null
     *        without a row or when a JSON column does not parse
     * @param file the file on disk, when it is a JSON object (masked likewise)
     * @param fileMatchesRow the file says what the host would write (key order and number spelling aside)
     * @param nextSpawnDiff from the file on disk to {@code document}; empty when they match
     * @param unknownKeys the file's keys the row cannot hold: the next spawn drops them
     */
    public record Response(InstallEra era, String folder, ConfigFileState state, String version, String fileVersion,
            Map<String, Object> row, List<String> rowProblems, ObjectNode document, boolean fileMatchesRow,
            String nextSpawnDiff, ObjectNode file, String raw, String error, List<String> unknownKeys,
            boolean secretsMasked) {
    }

    /** The answer and the ETag it goes with. */
    public record Read(Response response, String etag, boolean secretsMasked) {
    }

    @Transactional(readOnly = true)
    public Read read(String id, boolean revealSecrets) {
        AgentGroup group = groups.findById(id).orElseThrow(() -> new GroupNotFoundException(id));
        RowAndFile state = reader.read(group.id(), group.name(), group.folder());
        GroupConfigView file = GroupConfigView.of(state.file(), revealSecrets);
        ContainerConfigRow row = state.row();
        ContainerConfigRow shownRow = revealSecrets ? row : RowSecrets.masked(row);
        ContainerConfigDocument expected = state.document().orElse(null);
        ContainerConfigDocument shownDocument = expected == null || revealSecrets ? expected
                : expected.withSecretsMasked();
        boolean matches = expected != null && state.file().document() != null
                && JsonValues.sameValue(state.file().document().toJson(), expected.toJson());
        String diff = null;
        if (expected != null) {
            diff = matches ? "" : UnifiedDiff.of("groups/" + group.folder() + "/container.json", shownFile(file),
                    ContainerConfigFormat.render(shownDocument));
        }
        List<String> unheld = state.file().document() == null ? List.of()
                : DocumentToRow.of(state.file().document(), group.name()).unheld();
        boolean masked = file.secretsMasked() || row != null && !shownRow.equals(row)
                || expected != null && !shownDocument.equals(expected);
        Response response = new Response(InstallEra.DB_CONFIG, group.folder(), state.file().state(),
                state.version().value(), state.file().version().value(), row == null ? null : columns(shownRow),
                row == null ? List.of() : ContainerConfigRowValidator.check(row).stream().map(RowProblem::message).toList(),
                shownDocument == null ? null : shownDocument.toJson(), matches, diff,
                file.document() == null ? null : file.document().toJson(),
                state.file().state() == ConfigFileState.OK ? null : file.raw(), file.error(), unheld, masked);
        return new Read(response, state.version().etag(), masked);
    }

    /** The file as the diff shows it: masked like the document; an unusable file's text as the file view has it. */
    private static String shownFile(GroupConfigView file) {
        if (file.document() != null) {
            return ContainerConfigFormat.render(file.document());
        }
        return file.raw();
    }

    private static Map<String, Object> columns(ContainerConfigRow row) {
        return new LinkedHashMap<>(row.columns());
    }
}
