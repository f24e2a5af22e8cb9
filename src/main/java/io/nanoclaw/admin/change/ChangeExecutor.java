package io.nanoclaw.admin.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.nanoclaw.admin.audit.Actor;
import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.containerconfig.FileVersion;
import io.nanoclaw.admin.install.GroupFolder;
import io.nanoclaw.admin.install.GroupsDirectory;

/**
 * Applies a {@link ChangePlan} as one unit: journaled in the admin store first (what is written where, the bytes it
 * replaces), then the DB changes in a transaction on NanoClaw's DB, the files written (atomically, version-checked)
 * before the commit, and the files put back from the bytes they replaced if the commit fails. The audit event and the
 * end of the journal entry are one admin-store transaction; a crash anywhere in between leaves the entry, and
 * {@link ChangeRecovery} finishes or undoes the change at the next start. The only place that orders a DB change and a
 * file write.
 */
@Service
public class ChangeExecutor {

    private static final Logger log = LoggerFactory.getLogger(ChangeExecutor.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ContainerConfigStore configs;
    private final GroupsDirectory groups;
    private final List<ChangeRecorder> recorders;
    private final ChangeJournal journal;

    /** @param recorders told of every change just before its commit (the row history); see {@link ChangeRecorder} */
    public ChangeExecutor(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ContainerConfigStore configs,
            GroupsDirectory groups, List<ChangeRecorder> recorders, ChangeJournal journal) {
        this.recorders = List.copyOf(recorders);
        this.journal = journal;
        this.groups = groups;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.configs = configs;
    }

    /** Performs the plan, or nothing; records it with the reason. */
    public void apply(ChangePlan plan, String reason) {
        if (plan.isEmpty()) {
            return;
        }
        AuditService.Entry event = AuditService.Entry.of(plan.action(), plan.groupId(), plan.folder(),
                plan.sessionId(), reason, plan.summary(), plan.auditDbChangesText(), plan.auditFileDiffText());
        long entry = journal.begin(event, steps(plan));
        List<Written> written = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> applyInTransaction(plan, written, status));
        } catch (RuntimeException failure) {
            restore(written, failure);
            // A file that could not be put back keeps the entry, so that the next start puts it back.
            if (failure.getSuppressed().length == 0) {
                journal.abandon(entry);
            }
            throw failure;
        }
        journal.complete(entry, event);
    }

    /** What the journal needs to finish or undo the plan after a crash. */
    private JournalSteps steps(ChangePlan plan) {
        List<JournalSteps.Probe> probes = new ArrayList<>();
        for (DbInsert insert : plan.dbInserts()) {
            probes.add(new JournalSteps.Probe(JournalSteps.ProbeKind.INSERTED, insert.table().sql(),
                    insert.table().key(), insert.rowId(), null, null, null));
        }
        for (DbChange change : plan.dbChanges()) {
            probes.add(new JournalSteps.Probe(JournalSteps.ProbeKind.VALUE, change.table().sql(), change.table().key(),
                    change.rowId(), change.column(), text(change.before()), text(change.after())));
        }
        List<JournalSteps.FileStep> files = new ArrayList<>();
        for (FileChange change : plan.fileChanges()) {
            Path folder = groups.folder(new GroupFolder(change.folder()));
            files.add(new JournalSteps.FileStep(folder.resolve(ContainerConfigStore.FILE_NAME).toString(),
                    change.before(), change.after(), !Files.isDirectory(folder)));
        }
        return new JournalSteps(probes, files, List.of());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private record Written(FileChange change, FileVersion version, Path createdFolder) {
    }

    private void applyInTransaction(ChangePlan plan, List<Written> written, TransactionStatus status) {
        for (DbInsert insert : plan.dbInserts()) {
            insert(insert);
        }
        for (DbChange change : plan.dbChanges()) {
            update(change);
        }
        for (FileChange change : plan.fileChanges()) {
            GroupFolder folder = new GroupFolder(change.folder());
            Path created = createFolderIfMissing(folder);
            try {
                FileVersion version = configs.writeBytes(folder, change.afterBytes(), change.basedOn(), Actor.current());
                written.add(new Written(change, version, created));
            } catch (RuntimeException e) {
                removeFolder(created);
                throw e;
            }
        }
        for (ChangeRecorder recorder : recorders) {
            recorder.beforeCommit(plan);
        }
    }

    private void insert(DbInsert insert) {
        String table = insert.table().sql();
        String key = insert.table().key();
        List<String> columns = new ArrayList<>(insert.values().keySet());
        List<Object> values = new ArrayList<>();
        values.add(insert.rowId());
        values.addAll(insert.values().values());
        values.add(insert.rowId());
        // INSERT … SELECT … WHERE NOT EXISTS: a row someone else inserted in between is a conflict, never replaced.
        int rows = jdbc.update("INSERT INTO " + table + " (" + key + (columns.isEmpty() ? "" : ", " + String.join(", ", columns))
                + ") SELECT ?" + ", ?".repeat(columns.size()) + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE "
                + key + " = ?)", values.toArray());
        if (rows != 1) {
            throw new ConflictException(table + " already has a row for " + insert.rowId()
                    + "; someone else created it. Nothing was changed: look again and retry.");
        }
    }

    private void update(DbChange change) {
        String table = change.table().sql();
        String key = change.table().key();
        String column = change.column();
        int rows = change.before() == null
                ? jdbc.update("UPDATE " + table + " SET " + column + " = ? WHERE " + key + " = ? AND " + column
                        + " IS NULL", change.after(), change.rowId())
                : jdbc.update("UPDATE " + table + " SET " + column + " = ? WHERE " + key + " = ? AND " + column + " = ?",
                        change.after(), change.rowId(), change.before());
        if (rows != 1) {
            throw new ConflictException(table + " row " + change.rowId() + " no longer holds the " + column
                    + " this change was based on; someone else changed it. Nothing was changed: look again and retry.");
        }
    }

    /** A folder the change itself creates (RECREATE_GROUP_FOLDER); null when it exists. */
    private Path createFolderIfMissing(GroupFolder folder) {
        Path path = groups.folder(folder);
        if (Files.isDirectory(path)) {
            return null;
        }
        try {
            Files.createDirectory(path);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + path, e);
        }
    }

    private static void removeFolder(Path created) {
        if (created == null) {
            return;
        }
        try {
            Files.deleteIfExists(created.resolve(ContainerConfigStore.FILE_NAME));
            Files.deleteIfExists(created);
        } catch (IOException e) {
            log.error("Could not remove {} after a failed change", created, e);
        }
    }

    /** The commit failed after files were written: put each file back as it was. */
    private void restore(List<Written> written, RuntimeException failure) {
        for (int i = written.size() - 1; i >= 0; i--) {
            Written file = written.get(i);
            GroupFolder folder = new GroupFolder(file.change().folder());
            try {
                if (file.createdFolder() != null) {
                    configs.delete(folder, file.version(), Actor.current());
                    removeFolder(file.createdFolder());
                } else if (file.change().before() == null) {
                    configs.delete(folder, file.version(), Actor.current());
                } else {
                    configs.writeBytes(folder, file.change().before().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            file.version(), Actor.current());
                }
            } catch (RuntimeException restoreFailure) {
                failure.addSuppressed(restoreFailure);
                log.error("Could not restore groups/{}/container.json after a failed change; its previous bytes are in"
                        + " the container.json history", folder, restoreFailure);
            }
        }
    }
}
