package io.nanoclaw.admin.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.change.JournalSteps.FileStep;
import io.nanoclaw.admin.change.JournalSteps.MoveStep;
import io.nanoclaw.admin.change.JournalSteps.Probe;
import io.nanoclaw.admin.change.JournalSteps.ProbeKind;
import io.nanoclaw.admin.install.GroupsDirectory;

/** What the start does with a change a crash interrupted: the DB says whether it committed, the files follow. */
class ChangeRecoveryTest {

    @TempDir
    Path temp;

    Path install;
    JdbcTemplate jdbc;
    ChangeJournal journal;
    AuditService audit;
    ChangeRecovery recovery;

    @BeforeEach
    void copySample() {
        install = SampleInstall.copyTo(temp.resolve("install"));
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + install.resolve("data/v2.db"));
        jdbc = new JdbcTemplate(dataSource);
        journal = mock(ChangeJournal.class);
        audit = mock(AuditService.class);
        doAnswer(call -> {
            ((Runnable) call.getArgument(0)).run();
            return null;
        }).when(journal).inTransaction(any());
        recovery = new ChangeRecovery(journal, jdbc, new GroupsDirectory(install.resolve("groups")), audit);
    }

    @Test
    void aCommittedChangeGetsItsFileWrittenAndIsAuditedAsFinishedUnderWhoAskedForIt() throws IOException {
        Path file = opsBotFile();
        String before = Files.readString(file);
        jdbc.update("UPDATE agent_groups SET agent_provider = 'opencode' WHERE id = ?", SampleInstall.OPS_BOT_ID);

        recover(providerChange(before, "{\"provider\": \"opencode\"}\n"));

        assertThat(Files.readString(file)).contains("\"opencode\"");
        assertThat(auditedAction()).isEqualTo(ChangeRecovery.FINISHED);
        verify(journal).forget(7);
    }

    @Test
    void aChangeThatDidNotCommitGetsItsFileBackAndIsAuditedAsUndone() throws IOException {
        Path file = opsBotFile();
        String before = Files.readString(file);
        String after = "{\"provider\": \"opencode\"}\n";
        Files.writeString(file, after); // written before the commit that never came

        recover(providerChange(before, after));

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(auditedAction()).isEqualTo(ChangeRecovery.UNDONE);
    }

    @Test
    void aFileSomeoneElseChangedSinceIsLeftAloneAndNamed() throws IOException {
        Path file = opsBotFile();
        String before = Files.readString(file);
        Files.writeString(file, "{\"provider\": \"mock\"}\n");

        recover(providerChange(before, "{\"provider\": \"opencode\"}\n"));

        assertThat(Files.readString(file)).isEqualTo("{\"provider\": \"mock\"}\n");
        ArgumentCaptor<AuditService.Entry> event = ArgumentCaptor.forClass(AuditService.Entry.class);
        verify(audit).record(event.capture(), eq("alice"));
        assertThat(event.getValue().summary()).contains("Left alone").contains(file.toString());
    }

    @Test
    void rowsChangedByAnotherWriterSinceLeaveEverythingAsFoundAndSaySo() throws IOException {
        Path file = opsBotFile();
        String before = Files.readString(file);
        jdbc.update("UPDATE agent_groups SET agent_provider = 'mock' WHERE id = ?", SampleInstall.OPS_BOT_ID);

        recover(providerChange(before, "{\"provider\": \"opencode\"}\n"));

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(auditedAction()).isEqualTo(ChangeRecovery.UNDECIDED);
    }

    @Test
    void anUncommittedCreateLosesTheFolderItMadeAndOneNeverMadeIsNoError() throws IOException {
        Path folder = install.resolve("groups/brand-new");
        Files.createDirectory(folder);
        Files.writeString(folder.resolve("container.json"), "{}\n");
        Probe inserted = new Probe(ProbeKind.INSERTED, "agent_groups", "id", "ag-new", null, null, null);

        recover(new JournalSteps(List.of(inserted),
                List.of(new FileStep(folder.resolve("container.json").toString(), null, "{}\n", true)), List.of()));
        assertThat(folder).doesNotExist();

        recover(new JournalSteps(List.of(inserted),
                List.of(new FileStep(install.resolve("groups/never-made/container.json").toString(), null, "{}\n",
                        true)), List.of()));
        assertThat(install.resolve("groups/never-made")).doesNotExist();
    }

    @Test
    void anUncommittedDeleteMovesTheFolderBackFromTheArchive() throws IOException {
        Path folder = install.resolve("groups/ops-bot");
        Path archived = temp.resolve("archive/ops-bot-1");
        Files.createDirectories(archived.getParent());
        Files.move(folder, archived);

        recover(new JournalSteps(List.of(new Probe(ProbeKind.DELETED, "agent_groups", "id", SampleInstall.OPS_BOT_ID,
                null, null, null)), List.of(), List.of(new MoveStep(folder.toString(), archived.toString()))));

        assertThat(folder.resolve("container.json")).exists();
        assertThat(archived).doesNotExist();
    }

    @Test
    void onlyTheServicesOwnTempFilesAreRemovedAtStart() throws IOException {
        Path ours = install.resolve("groups/ops-bot/.container.json.nanoclaw-admin-123.tmp");
        Path theirs = install.resolve("groups/ops-bot/.container.json.456.tmp");
        Files.writeString(ours, "half");
        Files.writeString(theirs, "not ours");
        when(journal.unfinished()).thenReturn(List.of());

        recovery.afterSingletonsInstantiated();

        assertThat(ours).doesNotExist();
        assertThat(theirs).exists();
        verify(audit, never()).record(any(), any());
    }

    private JournalSteps providerChange(String before, String after) {
        return new JournalSteps(List.of(new Probe(ProbeKind.VALUE, "agent_groups", "id", SampleInstall.OPS_BOT_ID,
                "agent_provider", "codex", "opencode")), List.of(new FileStep(opsBotFile().toString(), before, after,
                false)), List.of());
    }

    private void recover(JournalSteps steps) {
        when(journal.unfinished()).thenReturn(List.of(new ChangeJournal.Entry(7, "alice", new AuditService.Entry(
                "SET_GROUP_PROVIDER", SampleInstall.OPS_BOT_ID, "ops-bot", null, "why", "Set the provider", null,
                null), steps)));
        recovery.afterSingletonsInstantiated();
    }

    private String auditedAction() {
        ArgumentCaptor<AuditService.Entry> event = ArgumentCaptor.forClass(AuditService.Entry.class);
        verify(audit).record(event.capture(), eq("alice"));
        return event.getValue().action();
    }

    private Path opsBotFile() {
        return install.resolve("groups/ops-bot/container.json");
    }
}
