package io.nanoclaw.admin.containerconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.nanoclaw.admin.install.GroupFolder;
import io.nanoclaw.admin.install.GroupsDirectory;
import io.nanoclaw.admin.install.InvalidFolderException;

/**
 * Reads and writes {@code groups/<folder>/container.json}. Reads never throw for a bad file: the result carries its
 * state. Writes are atomic, refused when the file changed since the writer read it, and keep the replaced bytes in
 * the {@link ConfigHistory}.
 */
public class ContainerConfigStore {

    public static final String FILE_NAME = "container.json";
    static final long MAX_BYTES = 1024 * 1024;

    private final GroupsDirectory groups;
    private final ConfigHistory history;
    private final AtomicFileWriter writer;
    private final Map<String, Object> folderLocks = new ConcurrentHashMap<>();

    public ContainerConfigStore(GroupsDirectory groups, ConfigHistory history, AtomicFileWriter writer) {
        this.groups = groups;
        this.history = history;
        this.writer = writer;
    }

    public ContainerConfigFile read(String folderName) {
        String problem = GroupFolder.problemWith(folderName);
        if (problem != null) {
            return ContainerConfigFile.absent(folderName, ConfigFileState.FOLDER_INVALID, ParseError.of(problem));
        }
        Path folder;
        Path file;
        try {
            GroupFolder groupFolder = new GroupFolder(folderName);
            folder = groups.folder(groupFolder);
            file = groups.file(groupFolder, FILE_NAME);
        } catch (InvalidFolderException e) {
            return ContainerConfigFile.absent(folderName, ConfigFileState.FOLDER_INVALID, ParseError.of(e.getMessage()));
        }
        if (!Files.isDirectory(folder)) {
            return ContainerConfigFile.absent(folderName, ConfigFileState.FOLDER_MISSING,
                    ParseError.of("the folder groups/" + folderName + " does not exist"));
        }
        return readFile(folderName, file);
    }

    /**
     * Replaces the file with the document, rendered as NanoClaw writes it.
     *
     * @param expected the version the writer read ({@link FileVersion#ABSENT} to create the file)
     * @return the new version
     * @throws StaleVersionException when the file on disk is no longer at {@code expected}
     */
    public FileVersion write(GroupFolder folder, ContainerConfigDocument document, FileVersion expected, String author) {
        return writeBytes(folder, ContainerConfigFormat.renderBytes(document), expected, author);
    }

    /** Replaces the file with exactly these bytes (raw edits, restores); same guarantees as {@link #write}. */
    public FileVersion writeBytes(GroupFolder folder, byte[] content, FileVersion expected, String author) {
        Path target = groups.file(folder, FILE_NAME);
        synchronized (folderLocks.computeIfAbsent(folder.name(), name -> new Object())) {
            if (!Files.isDirectory(target.getParent())) {
                throw new InvalidFolderException(folder.name(), "the folder does not exist");
            }
            ContainerConfigFile current = readFile(folder.name(), target);
            if (current.state() == ConfigFileState.UNREADABLE) {
                throw new UncheckedIOException(new IOException(
                        "container.json of '" + folder.name() + "' cannot be read: " + current.errorMessage()));
            }
            if (!current.version().equals(expected)) {
                throw new StaleVersionException(expected, current);
            }
            history.keep(folder.name(), current.version(), current.bytes(), author);
            try {
                writer.write(target, content);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + target, e);
            }
            return FileVersion.of(content);
        }
    }

    /** Removes the file (undoing a creation); same version check, and the removed bytes are kept in the history. */
    public void delete(GroupFolder folder, FileVersion expected, String author) {
        Path target = groups.file(folder, FILE_NAME);
        synchronized (folderLocks.computeIfAbsent(folder.name(), name -> new Object())) {
            ContainerConfigFile current = readFile(folder.name(), target);
            if (!current.version().equals(expected)) {
                throw new StaleVersionException(expected, current);
            }
            if (!current.exists()) {
                return;
            }
            history.keep(folder.name(), current.version(), current.bytes(), author);
            try {
                Files.delete(target);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not remove " + target, e);
            }
        }
    }

    private ContainerConfigFile readFile(String folderName, Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return ContainerConfigFile.absent(folderName, ConfigFileState.UNREADABLE,
                        ParseError.of("container.json is a folder, not a file"));
            }
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                return ContainerConfigFile.absent(folderName, ConfigFileState.UNREADABLE,
                        ParseError.of("container.json is larger than " + MAX_BYTES + " bytes"));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return ContainerConfigFile.absent(folderName, ConfigFileState.MISSING,
                    ParseError.of("groups/" + folderName + " has no container.json"));
        } catch (AccessDeniedException e) {
            return ContainerConfigFile.absent(folderName, ConfigFileState.UNREADABLE,
                    ParseError.of("permission denied reading container.json"));
        } catch (IOException e) {
            return ContainerConfigFile.absent(folderName, ConfigFileState.UNREADABLE, ParseError.of(e.toString()));
        }
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(bytes);
        if (parsed.state() == ConfigFileState.OK) {
            return ContainerConfigFile.ok(folderName, bytes, parsed.document());
        }
        return ContainerConfigFile.broken(folderName, parsed.state(), bytes, parsed.error());
    }
}
