package io.nanoclaw.admin.containerconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.nanoclaw.admin.change.InvalidConfigException;
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

    /**
     * Reads a group's file. Two {@code lstat}s and a read for an ordinary folder: links are resolved (and must stay
     * inside groups/) only when there is one, since a validated name without a link cannot lead elsewhere.
     */
    public ContainerConfigFile read(String folderName) {
        String problem = GroupFolder.problemWith(folderName);
        if (problem != null) {
            return ContainerConfigFile.absent(folderName, ConfigFileState.FOLDER_INVALID, ParseError.of(problem));
        }
        Path folder = groups.root().resolve(folderName);
        BasicFileAttributes folderAttributes = attributes(folder);
        if (folderAttributes != null && folderAttributes.isSymbolicLink()) {
            if (!groups.leadsInside(folder)) {
                return ContainerConfigFile.absent(folderName, ConfigFileState.FOLDER_INVALID,
                        ParseError.of("groups/" + folderName + " is a link that leads outside the groups folder"));
            }
            folderAttributes = followed(folder);
        }
        if (folderAttributes == null || !folderAttributes.isDirectory()) {
            return ContainerConfigFile.absent(folderName, ConfigFileState.FOLDER_MISSING,
                    ParseError.of("the folder groups/" + folderName + " does not exist"));
        }
        return readFile(folderName, folder.resolve(FILE_NAME));
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
            if (content.length > MAX_BYTES) {
                String why = "the new container.json would have " + content.length + " bytes; the service reads at"
                        + " most " + MAX_BYTES + ", so it is not written";
                throw new InvalidConfigException("container.json was not written: " + why, List.of(why));
            }
            ContainerConfigFile current = readFile(folder.name(), target);
            // An oversized file has a version (its hash), so that it can be replaced; other unreadable ones cannot.
            if (current.state() == ConfigFileState.UNREADABLE && current.version().isAbsent()) {
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

    /** The path's own attributes (a link is reported as a link), or null when nothing is there. */
    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static BasicFileAttributes followed(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private ContainerConfigFile readFile(String folderName, Path file) {
        BasicFileAttributes attributes = attributes(file);
        if (attributes == null) {
            return ContainerConfigFile.absent(folderName, ConfigFileState.MISSING,
                    ParseError.of("groups/" + folderName + " has no container.json"));
        }
        if (attributes.isSymbolicLink()) {
            if (!groups.leadsInside(file)) {
                return ContainerConfigFile.absent(folderName, ConfigFileState.UNREADABLE,
                        ParseError.of("container.json is a link that leads outside the groups folder"));
            }
            attributes = followed(file);
            if (attributes == null) {
                return ContainerConfigFile.absent(folderName, ConfigFileState.MISSING,
                        ParseError.of("container.json is a link to nothing"));
            }
        }
        if (attributes.isDirectory()) {
            return ContainerConfigFile.absent(folderName, ConfigFileState.UNREADABLE,
                    ParseError.of("container.json is a folder, not a file"));
        }
        if (attributes.size() > MAX_BYTES) {
            ParseError tooLarge = ParseError.of("container.json is larger than " + MAX_BYTES + " bytes");
            try {
                return ContainerConfigFile.oversized(folderName, FileVersion.ofFile(file), tooLarge);
            } catch (IOException e) {
                return ContainerConfigFile.absent(folderName, ConfigFileState.UNREADABLE, tooLarge);
            }
        }
        byte[] bytes;
        try {
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
