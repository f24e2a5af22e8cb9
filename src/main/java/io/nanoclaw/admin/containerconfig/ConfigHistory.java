package io.nanoclaw.admin.containerconfig;

/** Where the bytes a write replaces are kept, so any version can be shown again or restored. */
public interface ConfigHistory {

    /**
     * Keeps the content a write is about to replace.
     *
     * @param bytes the file's bytes, or null when there was no file
     */
    void keep(String folder, FileVersion version, byte[] bytes, String replacedBy);
}
