package io.nanoclaw.admin.containerconfig;

/**
 * What a group's container.json is, as NanoClaw would find it. Only {@link #OK} carries a document;
 * every other state reads as {@code {}} to both the host and the runner.
 */
public enum ConfigFileState {
    /** A JSON object that NanoClaw's strict {@code JSON.parse} accepts. */
    OK,
    /** The folder exists, container.json does not. */
    MISSING,
    /** Not valid JSON for {@code JSON.parse}: empty, truncated, a byte-order mark, comments, trailing commas. */
    MALFORMED,
    /** Valid JSON, but not an object (an array, a string, {@code null}). */
    NOT_AN_OBJECT,
    /** The file exists but cannot be read (permissions, too large, a link leaving the groups folder). */
    UNREADABLE,
    /** The group's folder does not exist under {@code groups/}. */
    FOLDER_MISSING,
    /** The group's folder name breaks NanoClaw's folder rules, so no path is resolved for it. */
    FOLDER_INVALID;

    /** Whether the group has a usable folder, so that a container.json can be there or be written. */
    public boolean hasFolder() {
        return this != FOLDER_MISSING && this != FOLDER_INVALID;
    }
}
