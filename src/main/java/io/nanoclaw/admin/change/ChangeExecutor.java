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
 * Applies a {@link ChangePlan} as one unit: the DB changes in a transaction on NanoClaw's DB, the files written
 * (atomically, version-checked) before the commit, and the files put back from the bytes they replaced if the commit
 * fails. Then one audit event. The only place that orders a DB change and a file write.
 */
@Service
public class ChangeExecutor {

    private static final Logger log = LoggerFactory.getLogger(ChangeExecutor.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ContainerConfigStore configs;
    private final AuditService audit;
    private final GroupsDirectory groups;
    private final List<ChangeRecorder> recorders;

    public ChangeExecutor(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ContainerConfigStore configs,
            AuditService audit, GroupsDirectory groups) {
        this(jdbc, transactionManager, configs, audit, groups, List.of());
    }

    /** @param recorders told of every change just before its commit (the row history); see {@link ChangeRecorder} */
    @org.springframework.beans.factory.annotation.Autowired
    public ChangeExecutor(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ContainerConfigStore configs,
            AuditService audit, GroupsDirectory groups, List<ChangeRecorder> recorders) {
        this.recorders = List.copyOf(recorders);
        this.groups = groups;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.configs = configs;
        this.audit = audit;
    }

    /** Performs the plan, or nothing; records it with the reason. */
    public void apply(ChangePlan plan, String reason) {
        if (plan.isEmpty()) {
            return;
        }
        List<Written> written = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> applyInTransaction(plan, written, status));
        } catch (RuntimeException failure) {
            restore(written, failure);
            throw failure;
        }
        audit.record(new AuditService.Entry(plan.action(), plan.groupId(), plan.folder(), plan.sessionId(), reason,
                plan.summary(), plan.dbChangesText(), plan.fileDiffText()));
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
