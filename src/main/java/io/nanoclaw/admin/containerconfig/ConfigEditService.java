package io.nanoclaw.admin.containerconfig;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.change.EditTargets;

/**
 * Edits of a group's whole config: a new document (PUT, the raw editor), a merge patch, its history and restoring a
 * kept version. What "the config" is depends on the install's era ({@link EditableConfig}): container.json in the
 * file era, the {@code container_configs} row (and container.json written from it) in the DB-config era. Every edit
 * names the version it is based on, is validated first, and is written as NanoClaw writes it.
 */
@Service
public class ConfigEditService {

    private final EditTargets targets;
    private final EditableConfig config;

    public ConfigEditService(EditTargets targets, EditableConfig config) {
        this.targets = targets;
        this.config = config;
    }

    /** A replaced content of the file, listed newest first (the file era). */
    public record HistoryEntry(Long id, String version, java.time.Instant replacedAt, String replacedBy, boolean file,
            int size) {
    }

    /** One kept version and its diff to the file as it is now (the file era). */
    public record HistoryContent(HistoryEntry entry, String content, String diffToCurrent) {
    }

    /**
     * Replaces the document with {@code text}.
     *
     * @param basedOn the version the editor read ({@link FileVersion#ABSENT} to create the file; in the DB era the
     *        row's and the file's version, as the ETag gave it)
     */
    public EditResult replace(String groupId, String text, FileVersion basedOn, boolean dryRun, String reason) {
        return config.replace(targets.group(groupId), text, basedOn, dryRun, reason);
    }

    /** Applies an RFC 7396 merge patch to the current document. */
    public EditResult patch(String groupId, JsonNode patch, FileVersion basedOn, boolean dryRun, String reason) {
        return config.patch(targets.group(groupId), patch, basedOn, dryRun, reason);
    }

    /** The kept versions, newest first: {@link HistoryEntry} (file era) or row versions (DB era). */
    public List<?> history(String groupId) {
        return config.history(targets.group(groupId));
    }

    /** One kept version: {@link HistoryContent} (file era) or a row version (DB era). */
    public Object historyEntry(String groupId, long id) {
        return config.historyEntry(targets.group(groupId), id);
    }

    /** Puts a kept version back (the file era: RESTORE_CONFIG_VERSION), planned first. */
    public EditResult restore(String groupId, long id, boolean dryRun, String reason) {
        return config.restore(targets.group(groupId), id, dryRun, reason);
    }

    /** The ETag of the config after {@code result}; empty when nothing was written. */
    public Optional<String> etagAfter(String groupId, EditResult result) {
        return config.etagAfter(targets.group(groupId), result);
    }

    /** Whether even the list of kept versions is for operators only (DB-era rows hold MCP secrets). */
    public boolean historyListHoldsSecrets() {
        return config.historyListHoldsSecrets();
    }
}
