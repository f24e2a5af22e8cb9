package io.nanoclaw.admin.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.sqlite.SQLiteDataSource;

import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.change.DbChange.Table;
import io.nanoclaw.admin.containerconfig.AtomicFileWriter;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.install.GroupsDirectory;

/** A change is all or nothing: a failure between the DB change and the file write leaves both as they were. */
class ChangeExecutorTest {

    @TempDir
    Path temp;

    Path install;
    SQLiteDataSource dataSource;
    JdbcTemplate jdbc;
    GroupsDirectory groups;
    ChangeJournal journal;

    @BeforeEach
    void copySample() {
        install = SampleInstall.copyTo(temp.resolve("install"));
        dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + install.resolve("data/v2.db"));
        jdbc = new JdbcTemplate(dataSource);
        groups = new GroupsDirectory(install.resolve("groups"));
        journal = mock(ChangeJournal.class);
    }

    @Test
    void aDbChangeAndAFileChangeAreAppliedTogetherAndAudited() throws IOException {
        ContainerConfigStore store = store(new AtomicFileWriter());

        executor(store, new JdbcTransactionManager(dataSource)).apply(opsBotToOpencode(store), "because");

        assertThat(dbProvider()).isEqualTo("opencode");
        assertThat(Files.readString(opsBotFile())).contains("\"provider\": \"opencode\"");
        verify(journal).complete(anyLong(), any());
    }

    @Test
    void aFailedFileWriteRollsTheDbChangeBack() throws IOException {
        String before = Files.readString(opsBotFile());
        ContainerConfigStore failing = store(new AtomicFileWriter((source, target) -> {
            throw new IOException("disk full");
        }));

        assertThatThrownBy(() -> executor(failing, new JdbcTransactionManager(dataSource))
                .apply(opsBotToOpencode(store(new AtomicFileWriter())), null)).hasMessageContaining("Could not write");

        assertThat(dbProvider()).isEqualTo("codex");
        assertThat(Files.readString(opsBotFile())).isEqualTo(before);
        verify(journal, never()).complete(anyLong(), any());
        verify(journal).abandon(anyLong());
    }

    @Test
    void aFailedCommitPutsTheWrittenFileBack() throws IOException {
        String before = Files.readString(opsBotFile());
        ContainerConfigStore store = store(new AtomicFileWriter());
        JdbcTransactionManager commitFails = new JdbcTransactionManager(dataSource) {
            @Override
            protected void doCommit(org.springframework.transaction.support.DefaultTransactionStatus status) {
                throw new TransactionSystemException("the commit failed");
            }
        };
        commitFails.setRollbackOnCommitFailure(true); // as NanoclawStoreConfig sets it for the real one

        assertThatThrownBy(() -> executor(store, commitFails).apply(opsBotToOpencode(store), null))
                .isInstanceOf(TransactionSystemException.class);

        assertThat(Files.readString(opsBotFile())).isEqualTo(before);
        assertThat(dbProvider()).isEqualTo("codex");
        verify(journal, never()).complete(anyLong(), any());
        verify(journal).abandon(anyLong());
    }

    @Test
    void aRowChangedSinceThePlanIsAConflictAndNothingIsWritten() throws IOException {
        String before = Files.readString(opsBotFile());
        ContainerConfigStore store = store(new AtomicFileWriter());
        ChangePlan plan = opsBotToOpencode(store);
        jdbc.update("UPDATE agent_groups SET agent_provider = 'claude' WHERE id = ?", SampleInstall.OPS_BOT_ID);

        assertThatThrownBy(() -> executor(store, new JdbcTransactionManager(dataSource)).apply(plan, null))
                .isInstanceOf(ConflictException.class);

        assertThat(dbProvider()).isEqualTo("claude");
        assertThat(Files.readString(opsBotFile())).isEqualTo(before);
    }

    private ChangePlan opsBotToOpencode(ContainerConfigStore store) {
        ContainerConfigFile file = store.read("ops-bot");
        String after = io.nanoclaw.admin.containerconfig.ContainerConfigFormat.render(
                file.document().with("provider", "opencode"));
        return new ChangePlan("TEST", SampleInstall.OPS_BOT_ID, "ops-bot", null, "test",
                List.of(new DbChange(Table.AGENT_GROUPS, SampleInstall.OPS_BOT_ID, "agent_provider", "codex", "opencode")),
                List.of(FileChange.of("ops-bot", file.version(), file.rawText(), after)), List.of());
    }

    private ContainerConfigStore store(AtomicFileWriter writer) {
        return new ContainerConfigStore(groups, (folder, version, bytes, by) -> { }, writer);
    }

    private ChangeExecutor executor(ContainerConfigStore store, org.springframework.transaction.PlatformTransactionManager tm) {
        return new ChangeExecutor(jdbc, tm, store, groups, List.of(), journal);
    }

    private String dbProvider() {
        return jdbc.queryForObject("SELECT agent_provider FROM agent_groups WHERE id = ?", String.class,
                SampleInstall.OPS_BOT_ID);
    }

    private Path opsBotFile() {
        return install.resolve("groups/ops-bot/container.json");
    }

}
