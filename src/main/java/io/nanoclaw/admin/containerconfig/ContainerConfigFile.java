package io.nanoclaw.admin.containerconfig;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One read of a group's container.json: its state, its version (for a later guarded write), its raw text and, when it
 * is usable, the document. Never thrown: a broken file is a state, not an error.
 */
public record ContainerConfigFile(
        String folder,
        ConfigFileState state,
        FileVersion version,
        byte[] bytes,
        ContainerConfigDocument document,
        ParseError error) {

    public static ContainerConfigFile ok(String folder, byte[] bytes, ContainerConfigDocument document) {
        return new ContainerConfigFile(folder, ConfigFileState.OK, FileVersion.of(bytes), bytes, document, null);
    }

    public static ContainerConfigFile broken(String folder, ConfigFileState state, byte[] bytes, ParseError error) {
        FileVersion version = bytes == null ? FileVersion.ABSENT : FileVersion.of(bytes);
        return new ContainerConfigFile(folder, state, version, bytes, null, error);
    }

    public static ContainerConfigFile absent(String folder, ConfigFileState state, ParseError error) {
        return new ContainerConfigFile(folder, state, FileVersion.ABSENT, null, null, error);
    }

    /** A file too large to read: its version (so that it can be replaced) but not its bytes. */
    public static ContainerConfigFile oversized(String folder, FileVersion version, ParseError error) {
        return new ContainerConfigFile(folder, ConfigFileState.UNREADABLE, version, null, null, error);
    }

    public Optional<ContainerConfigDocument> documentIfOk() {
        return Optional.ofNullable(document);
    }

    /** The document NanoClaw works with: the file's object, or {@code {}} for every other state. */
    public ContainerConfigDocument effectiveDocument() {
        return document != null ? document : ContainerConfigDocument.empty();
    }

    public boolean exists() {
        return bytes != null;
    }

    /** The file's text, decoded as NanoClaw decodes it; null when there is no file. */
    public String rawText() {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public String errorMessage() {
        return error == null ? null : error.toString();
    }
}
