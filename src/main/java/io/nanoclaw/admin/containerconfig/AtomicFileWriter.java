package io.nanoclaw.admin.containerconfig;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file so that a crash leaves the old content or the new, never half of either: write a temp file in the
 * same folder, fsync it, rename it over the target, fsync the folder.
 */
public class AtomicFileWriter {

    /** The rename step; tests replace it to simulate a crash between the temp file and the rename. */
    @FunctionalInterface
    public interface Mover {
        void move(Path source, Path target) throws IOException;
    }

    /** In the name of every temp file the service creates, so that it can recognise (and remove) its own. */
    static final String TEMP_MARK = "nanoclaw-admin-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Mover mover;

    public AtomicFileWriter() {
        this(AtomicFileWriter::atomicMove);
    }

    public AtomicFileWriter(Mover mover) {
        this.mover = mover;
    }

    /** Whether a file is a temp file this class created (a crash can leave one; nobody else names files so). */
    public static boolean isOurTempFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.contains("." + TEMP_MARK) && name.endsWith(TEMP_SUFFIX);
    }

    public void write(Path target, byte[] content) throws IOException {
        Path folder = target.getParent();
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + "." + TEMP_MARK, TEMP_SUFFIX);
        try {
            copyPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            mover.move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncFolder(folder);
    }

    private static void atomicMove(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + target.getParent() + " cannot rename atomically", e);
        }
    }

    /** Keeps the mode NanoClaw (or the operator) gave the file; a new file gets rw-r--r--. */
    private static void copyPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        view.setPermissions(permissions);
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems cannot open a folder for sync; the rename itself has already happened.
        }
    }
}
