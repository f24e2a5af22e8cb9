package io.nanoclaw.admin.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The install's {@code groups/} folder. Every path handed out lies inside it, links resolved: a folder name that
 * breaks NanoClaw's rules, or a link that leads elsewhere, is refused with {@link InvalidFolderException}.
 */
public class GroupsDirectory {

    private final Path root;
    private volatile Path realRoot;

    public GroupsDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Whether a path inside groups/ (a link, typically) really leads to a place inside groups/. */
    public boolean leadsInside(Path path) {
        try {
            return path.toRealPath().startsWith(realRoot());
        } catch (IOException e) {
            return false;
        }
    }

    /** The names directly under groups/, files included, without a stat each; none when groups/ does not exist. */
    public List<String> entryNames() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }

    public boolean isFolder(String name) {
        return Files.isDirectory(root.resolve(name));
    }

    private Path realRoot() throws IOException {
        Path real = realRoot;
        if (real == null) {
            real = root.toRealPath();
            realRoot = real;
        }
        return real;
    }

    public Path root() {
        return root;
    }

    /** The folder's path; it may not exist. */
    public Path folder(GroupFolder folder) {
        Path path = root.resolve(folder.name()).normalize();
        if (!path.getParent().equals(root)) {
            throw new InvalidFolderException(folder.name(), "it resolves outside the groups folder");
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            requireInside(folder.name(), path);
        }
        return path;
    }

    /** A file directly inside a group folder; it may not exist, and an existing link must stay inside groups/. */
    public Path file(GroupFolder folder, String fileName) {
        Path path = folder(folder).resolve(fileName).normalize();
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && Files.isSymbolicLink(path)) {
            requireInside(folder.name(), path);
        }
        return path;
    }

    private void requireInside(String name, Path path) {
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(realRoot())) {
                throw new InvalidFolderException(name, "it is a link that leads outside the groups folder");
            }
        } catch (IOException e) {
            throw new InvalidFolderException(name, "its path cannot be resolved: " + e.getMessage());
        }
    }
}
