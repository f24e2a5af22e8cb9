package io.nanoclaw.admin.containerconfig;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.change.EditRunner;

/**
 * The editable config of a group, in the install's era: the seam between the eras for the config editor and its
 * history. The file era ({@link FileEraEditableConfig}) edits container.json itself; the DB-config era
 * ({@link DbEraEditableConfig}) edits the {@code container_configs} row and writes container.json from it as the host
 * would. Both take the version the editor read ({@code If-Match}), plan first, and apply through {@link EditRunner}.
 */
public interface EditableConfig {

    /**
     * Replaces the config with a whole document (PUT, the raw tab).
     *
     * @param basedOn the version the editor read: the file's, or in the DB era the row's and the file's
     */
    public EditResult replace(AgentGroup group, String text, FileVersion basedOn, boolean dryRun, String reason);

    /** Applies an RFC 7396 merge patch to the current document. */
    public EditResult patch(AgentGroup group, JsonNode patch, FileVersion basedOn, boolean dryRun, String reason);

    /** The kept versions, newest first. */
    public List<?> history(AgentGroup group);

    /** One kept version and its diff to the config as it is now. */
    public Object historyEntry(AgentGroup group, long id);

    /** Puts a kept version back, planned first. */
    public EditResult restore(AgentGroup group, long id, boolean dryRun, String reason);

    /** The ETag of the config after an edit was applied; empty for a dry run (or nothing written). */
    public Optional<String> etagAfter(AgentGroup group, EditResult result);

    /** Whether the kept versions listed by {@link #history} hold secrets (and so are for operators only). */
    public boolean historyListHoldsSecrets();
}
