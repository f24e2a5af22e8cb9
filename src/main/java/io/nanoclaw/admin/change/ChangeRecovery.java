package io.nanoclaw.admin.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.containerconfig.AtomicFileWriter;
import io.nanoclaw.admin.install.GroupsDirectory;

/**
 * At start, before the web server serves anything: finishes or undoes every change a crash left in the
 * {@link ChangeJournal}, so that each is wholly there or wholly absent in NanoClaw's DB and files, and removes the
 * service's own temp files from the group folders.
 *
 * <p>Whether a change's DB transaction committed is read from NanoClaw's DB (its probes: the rows hold the values
 * after, or still those before). Committed: each file is brought to the text after. Not committed (or no DB part and
 * not every file written): each file is put back as it was, a folder the change created is removed, a moved folder is
 * moved back. A file someone else changed since is left alone and named in the audit trail.
 */
@Component
class ChangeRecovery implements SmartInitializingSingleton {

    static final String FINISHED = "RECOVERY_FINISHED";
    static final String UNDONE = "RECOVERY_UNDONE";
    static final String UNDECIDED = "RECOVERY_UNDECIDED";

    private static final Logger log = LoggerFactory.getLogger(ChangeRecovery.class);

    private enum State { BEFORE, AFTER, OTHER }

    private final ChangeJournal journal;
    private final JdbcTemplate jdbc;
    private final GroupsDirectory groups;
    private final AuditService audit;
    private final AtomicFileWriter writer = new AtomicFileWriter();

    ChangeRecovery(ChangeJournal journal, JdbcTemplate jdbc, GroupsDirectory groups, AuditService audit) {
        this.journal = journal;
        this.jdbc = jdbc;
        this.groups = groups;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        removeOurTempFiles();
        for (ChangeJournal.Entry entry : journal.unfinished()) {
            try {
                recover(entry);
            } catch (RuntimeException e) {
                // The service still starts (the drift scan shows what disagrees); the entry is tried at every start.
                log.error("Could not finish or undo the change of journal entry {} ({}); it stays in the journal and"
                        + " is tried again at the next start", entry.id(), entry.event().summary(), e);
            }
        }
    }

    void recover(ChangeJournal.Entry entry) {
        JournalSteps steps = entry.steps();
        List<State> probes = steps.probes().stream().map(this::state).toList();
        boolean committed;
        if (probes.isEmpty()) {
            committed = steps.files().stream().allMatch(file -> State.AFTER == fileState(file));
        } else if (probes.stream().noneMatch(State.BEFORE::equals) && probes.contains(State.AFTER)) {
            committed = true;
        } else if (probes.stream().noneMatch(State.AFTER::equals) && probes.contains(State.BEFORE)) {
            committed = false;
        } else {
            finish(entry, UNDECIDED, "Left as found after a crash (NanoClaw's DB no longer says whether it committed;"
                    + " check the group): " + entry.event().summary(), List.of());
            return;
        }
        List<String> leftAlone = new ArrayList<>();
        for (JournalSteps.FileStep file : steps.files()) {
            if (!bringTo(file, committed ? file.after() : file.before(), !committed && file.createsFolder())) {
                leftAlone.add(file.path());
            }
        }
        if (!committed) {
            for (JournalSteps.MoveStep move : steps.moves()) {
                moveBack(move);
            }
        }
        String summary = committed ? "Finished at start after a crash: " + entry.event().summary()
                : "Undone at start after a crash: " + entry.event().summary();
        finish(entry, committed ? FINISHED : UNDONE, summary, leftAlone);
    }

    private void finish(ChangeJournal.Entry entry, String action, String summary, List<String> leftAlone) {
        AuditService.Entry event = entry.event();
        String note = leftAlone.isEmpty() ? summary : summary + " Left alone, since someone else changed them since: "
                + String.join(", ", leftAlone) + ".";
        log.warn("{} (journal entry {}, {} asked for {})", note, entry.id(), entry.actor(), event.action());
        journal.inTransaction(() -> {
            audit.record(AuditService.Entry.of(action, event.groupId(), event.folder(), event.sessionId(),
                    event.reason(), note, event.dbChanges(), event.fileDiff()), entry.actor());
            journal.forget(entry.id());
        });
    }

    private State state(JournalSteps.Probe probe) {
        String where = " FROM " + probe.table() + " WHERE " + probe.key() + " = ?";
        return switch (probe.kind()) {
            case INSERTED -> exists(where, probe.rowId()) ? State.AFTER : State.BEFORE;
            case DELETED -> exists(where, probe.rowId()) ? State.BEFORE : State.AFTER;
            case VALUE -> {
                List<Object> values = jdbc.query("SELECT " + probe.column() + where, (rs, row) -> rs.getObject(1),
                        probe.rowId());
                if (values.isEmpty()) {
                    yield State.OTHER;
                }
                String value = values.get(0) == null ? null : values.get(0).toString();
                yield Objects.equals(value, probe.after()) ? State.AFTER
                        : Objects.equals(value, probe.before()) ? State.BEFORE : State.OTHER;
            }
        };
    }

    private boolean exists(String where, String rowId) {
        return !jdbc.queryForList("SELECT 1" + where, rowId).isEmpty();
    }

    private State fileState(JournalSteps.FileStep file) {
        byte[] now = read(Path.of(file.path()));
        return same(now, file.after()) ? State.AFTER : same(now, file.before()) ? State.BEFORE : State.OTHER;
    }

    /** Brings the file to {@code text} (null = no file); false when it holds neither the text before nor after. */
    private boolean bringTo(JournalSteps.FileStep file, String text, boolean removeFolder) {
        Path path = Path.of(file.path());
        byte[] now = read(path);
        if (!same(now, file.before()) && !same(now, file.after())) {
            return false;
        }
        try {
            if (text == null) {
                Files.deleteIfExists(path);
                if (removeFolder && Files.isDirectory(path.getParent(), LinkOption.NOFOLLOW_LINKS)
                        && isEmptyFolder(path.getParent())) {
                    Files.delete(path.getParent());
                }
            } else if (!same(now, text)) {
                Files.createDirectories(path.getParent());
                writer.write(path, text.getBytes(StandardCharsets.UTF_8));
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not recover " + path + " after a crash", e);
        }
    }

    private static void moveBack(JournalSteps.MoveStep move) {
        Path from = Path.of(move.from());
        Path to = Path.of(move.to());
        if (Files.isDirectory(to) && !Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.move(to, from, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not move " + to + " back to " + from + " after a crash", e);
            }
        }
    }

    /** The service's own temp files ({@link AtomicFileWriter#isOurTempFile}) in each group folder; nothing else. */
    private void removeOurTempFiles() {
        Path root = groups.root();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, AtomicFileWriter::isOurTempFile)) {
                    for (Path temp : files) {
                        if (Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                            Files.delete(temp);
                            log.info("Removed {}, a temp file a crash left", temp);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not look for temp files under " + root, e);
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(path) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }

    private static boolean same(byte[] bytes, String text) {
        return bytes == null ? text == null : text != null && Arrays.equals(bytes, text.getBytes(StandardCharsets.UTF_8));
    }
}
