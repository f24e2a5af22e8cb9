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
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.sqlite.SQLiteDataSource;

import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.containerconfig.AtomicFileWriter;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.ContainerConfigRows;
import io.nanoclaw.admin.dbconfig.RowPlans;
import io.nanoclaw.admin.install.EraDetection;
import io.nanoclaw.admin.install.GroupsDirectory;

/** A DB-era change is one unit too: the container_configs row and container.json, or neither. */
class DbEraChangeExecutorTest {

    static final RowPlans.Group OPS_BOT = new RowPlans.Group("ag-1776161200000-legcy1", "Ops Bot", "ops-bot");
    static final RowPlans.Group INTAKE = new RowPlans.Group("e2b7c4d1-5f3a-4c8e-9b6d-1a2f3e4d5c6b", "Intake", "intake");

    @TempDir
    Path temp;

    Path install;
    JdbcTemplate jdbc;
    GroupsDirectory groups;
    ChangeJournal journal;
    ContainerConfigRows rows;

    @BeforeEach
    void copySample() throws Exception {
        install = SampleInstall.copyDbEraTo(temp.resolve("install"));
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + install.resolve("data/v2.db"));
        jdbc = new JdbcTemplate(dataSource);
        groups = new GroupsDirectory(install.resolve("groups"));
        journal = mock(ChangeJournal.class);
        rows = new ContainerConfigRows(jdbc, EraDetection.detect(dataSource));
    }

    @Test
    void theRowAndTheMaterialisedFileAreWrittenTogether() throws IOException {
        ContainerConfigStore store = store(new AtomicFileWriter());

        executor(store).apply(toCodex(store), "test");

        assertThat(row(OPS_BOT).provider()).isEqualTo("codex");
        assertThat(Files.readString(file("ops-bot"))).contains("\"provider\": \"codex\"");
        verify(journal).complete(anyLong(), any());
    }

    @Test
    void aFailedFileWriteRollsTheRowBack() throws IOException {
        String before = Files.readString(file("ops-bot"));
        ContainerConfigRow rowBefore = row(OPS_BOT);
        ContainerConfigStore failing = store(new AtomicFileWriter((source, target) -> {
            throw new IOException("disk full");
        }));

        assertThatThrownBy(() -> executor(failing).apply(toCodex(store(new AtomicFileWriter())), null))
                .hasMessageContaining("Could not write");

        assertThat(row(OPS_BOT)).isEqualTo(rowBefore);
        assertThat(Files.readString(file("ops-bot"))).isEqualTo(before);
        verify(journal, never()).complete(anyLong(), any());
        verify(journal).abandon(anyLong());
    }

    @Test
    void aRowChangedSinceThePlanIsAConflictEvenInAColumnThePlanDoesNotChange() throws IOException {
        String before = Files.readString(file("ops-bot"));
        ContainerConfigStore store = store(new AtomicFileWriter());
        ChangePlan plan = toCodex(store);
        jdbc.update("UPDATE container_configs SET model = 'o3', updated_at = '2026-06-01 10:00:00' WHERE agent_group_id = ?",
                OPS_BOT.id());

        assertThatThrownBy(() -> executor(store).apply(plan, null)).isInstanceOf(ConflictException.class);

        assertThat(row(OPS_BOT).provider()).isEqualTo("claude");
        assertThat(Files.readString(file("ops-bot"))).isEqualTo(before);
    }

    @Test
    void aRowSomeoneElseInsertedMeanwhileIsAConflictNotAnOverwrite() {
        ContainerConfigStore store = store(new AtomicFileWriter());
        RowPlans.RowPlan insert = new RowPlans(rows, store).insert(INTAKE,
                ContainerConfigRow.defaults(INTAKE.id(), "2026-12-02T10:00:00.000Z").with("provider", "codex"));
        jdbc.update("INSERT INTO container_configs (agent_group_id, updated_at) VALUES (?, 'x')", INTAKE.id());

        assertThatThrownBy(() -> executor(store).apply(new ChangePlan("TEST", INTAKE.id(), "intake", null, "test",
                insert.inserts(), insert.changes(), insert.files(), List.of()), null))
                .isInstanceOf(ConflictException.class);

        assertThat(row(INTAKE).provider()).isNull();
        assertThat(file("intake")).doesNotExist();
    }

    private ChangePlan toCodex(ContainerConfigStore store) {
        RowPlans plans = new RowPlans(rows, store);
        RowPlans.RowPlan plan = plans.change(OPS_BOT, plans.current(OPS_BOT), Map.of("provider", "codex"));
        return new ChangePlan("TEST", OPS_BOT.id(), OPS_BOT.folder(), null, "test", plan.inserts(), plan.changes(),
                plan.files(), List.of());
    }

    private ContainerConfigRow row(RowPlans.Group group) {
        return rows.findByGroupId(group.id()).orElseThrow();
    }

    private Path file(String folder) {
        return install.resolve("groups/" + folder + "/container.json");
    }

    private ContainerConfigStore store(AtomicFileWriter writer) {
        return new ContainerConfigStore(groups, (folder, version, bytes, by) -> { }, writer);
    }

    private ChangeExecutor executor(ContainerConfigStore store) {
        return new ChangeExecutor(jdbc, new JdbcTransactionManager(jdbc.getDataSource()), store, groups, List.of(), journal);
    }
}
