package io.nanoclaw.admin.change;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.audit.Actor;
import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.install.AdminStoreConfig;
import io.nanoclaw.admin.install.StoreSeal;

/**
 * The admin store's journal of changes in progress. A change is journaled (committed) before its first write to
 * NanoClaw's DB or files; completing it writes its audit event and deletes the entry in one admin-store transaction.
 * An entry that is still there at start is a change a crash interrupted; {@link ChangeRecovery} finishes or undoes it.
 * The steps (the text each file and row will hold and held) are sealed ({@link StoreSeal}): they hold MCP secrets.
 */
@Component
public class ChangeJournal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NamedParameterJdbcTemplate admin;
    private final TransactionTemplate transactions;
    private final AuditService audit;
    private final StoreSeal seal;
    private final Clock clock;

    ChangeJournal(@Qualifier("adminJdbcOperations") NamedParameterJdbcTemplate admin,
            @Qualifier(AdminStoreConfig.TRANSACTION_MANAGER) PlatformTransactionManager transactionManager,
            AuditService audit, StoreSeal seal) {
        this.admin = admin;
        this.seal = seal;
        this.transactions = new TransactionTemplate(transactionManager);
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /** A journaled change: its audit event (written when it completes) and its steps. */
    public record Entry(long id, String actor, AuditService.Entry event, JournalSteps steps) {
    }

    /** Journals a change about to start; returns its id. Committed when this returns. */
    public long begin(AuditService.Entry event, JournalSteps steps) {
        return transactions.execute(status -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            admin.update("INSERT INTO change_journal (started_at, actor, action, group_id, folder, session_id, reason,"
                    + " summary, db_changes, file_diff, steps) VALUES (:at, :actor, :action, :groupId, :folder,"
                    + " :sessionId, :reason, :summary, :dbChanges, :fileDiff, :steps)", new MapSqlParameterSource()
                    .addValue("at", Timestamp.from(clock.instant()))
                    .addValue("actor", Actor.current())
                    .addValue("action", event.action())
                    .addValue("groupId", event.groupId())
                    .addValue("folder", event.folder())
                    .addValue("sessionId", event.sessionId())
                    .addValue("reason", event.reason())
                    .addValue("summary", event.summary())
                    .addValue("dbChanges", event.dbChanges())
                    .addValue("fileDiff", event.fileDiff())
                    .addValue("steps", seal.sealText(JSON.writeValueAsString(steps))), key, new String[] {"id"});
            return key.getKey().longValue();
        });
    }

    /** The change is complete: its audit event and the end of its entry, in one admin-store transaction. */
    public void complete(long id, AuditService.Entry event) {
        transactions.executeWithoutResult(status -> {
            audit.record(event);
            forget(id);
        });
    }

    /** The change was undone in full before it answered (a refusal, a failed commit): nothing to record. */
    public void abandon(long id) {
        transactions.executeWithoutResult(status -> forget(id));
    }

    /** Every change a crash left unfinished, oldest first. */
    public List<Entry> unfinished() {
        return admin.query("SELECT id, actor, action, group_id, folder, session_id, reason, summary, db_changes,"
                + " file_diff, steps FROM change_journal ORDER BY id", (rs, row) -> new Entry(rs.getLong("id"),
                        rs.getString("actor"), new AuditService.Entry(rs.getString("action"), rs.getString("group_id"),
                                rs.getString("folder"), rs.getString("session_id"), rs.getString("reason"),
                                rs.getString("summary"), rs.getString("db_changes"), rs.getString("file_diff")),
                        JSON.readValue(seal.openText(rs.getString("steps")), JournalSteps.class)));
    }

    void forget(long id) {
        admin.update("DELETE FROM change_journal WHERE id = :id", new MapSqlParameterSource("id", id));
    }

    /** Runs work in one admin-store transaction (recovery's audit event and the end of the entry). */
    void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }
}
