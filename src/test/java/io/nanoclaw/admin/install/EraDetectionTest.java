package io.nanoclaw.admin.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.containerconfig.AtomicFileWriter;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.drift.DriftProperties;
import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.DriftScanner;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.drift.Severity;
import io.nanoclaw.admin.providers.ProvidersProperties;

/** The era comes from the DB alone: the container_configs table, whatever else a fork or a skill added. */
class EraDetectionTest {

    @TempDir
    Path temp;

    @Test
    void theFileEraSampleIsTheFileEra() throws Exception {
        DetectedEra era = EraDetection.detect(db(SampleInstall.copyTo(temp.resolve("file"))));

        assertThat(era.era()).isEqualTo(InstallEra.FILE);
        assertThat(era.notes()).isEmpty();
    }

    @Test
    void theDbEraSampleIsTheDbEraWithItsCliScope() throws Exception {
        DetectedEra era = EraDetection.detect(db(SampleInstall.copyDbEraTo(temp.resolve("db"))));

        assertThat(era.era()).isEqualTo(InstallEra.DB_CONFIG);
        assertThat(era.hasCliScope()).isTrue();
        assertThat(era.notes()).isEmpty();
    }

    @Test
    void extraTablesColumnsAndMigrationNamesAreTolerated() throws Exception {
        SQLiteDataSource db = db(SampleInstall.copyDbEraTo(temp.resolve("fork")));
        JdbcTemplate sql = new JdbcTemplate(db);
        sql.execute("CREATE TABLE fork_settings (id TEXT PRIMARY KEY)");
        sql.execute("ALTER TABLE container_configs ADD COLUMN env TEXT");
        sql.execute("ALTER TABLE agent_groups ADD COLUMN color TEXT");
        sql.update("INSERT INTO schema_version (version, name, applied) VALUES (14, 'container-config-env', 'x')");

        assertThat(EraDetection.detect(db).era()).isEqualTo(InstallEra.DB_CONFIG);
        assertThat(scan(temp.resolve("fork"), db).summary().groups()).as("the scan ignores the extra column")
                .isEqualTo(12);
    }

    @Test
    void theTableWithNoRowsIsStillTheDbEraAndEveryGroupLacksItsRow() throws Exception {
        SQLiteDataSource db = db(SampleInstall.copyDbEraTo(temp.resolve("empty")));
        new JdbcTemplate(db).update("DELETE FROM container_configs");

        assertThat(EraDetection.detect(db).era()).isEqualTo(InstallEra.DB_CONFIG);
        DriftReport report = scan(temp.resolve("empty"), db);
        assertThat(report.findings()).filteredOn(f -> f.kind() == FindingKind.CONFIG_ROW_MISSING).hasSize(12);
    }

    @Test
    void aDbWithoutCliScopeReadsEveryGroupAsScopeGroup() throws Exception {
        SQLiteDataSource db = db(SampleInstall.copyDbEraTo(temp.resolve("prerelease")));
        new JdbcTemplate(db).execute("ALTER TABLE container_configs DROP COLUMN cli_scope");

        DetectedEra era = EraDetection.detect(db);
        assertThat(era.era()).isEqualTo(InstallEra.DB_CONFIG);
        assertThat(era.hasCliScope()).isFalse();
        assertThat(era.notes()).singleElement().asString().contains("cli_scope");
        DriftReport report = scan(temp.resolve("prerelease"), db);
        assertThat(report.findings()).extracting(Finding::kind).doesNotContain(FindingKind.CLI_SCOPE_INVALID);
        assertThat(report.summary().findings()).containsEntry(Severity.ERROR, 5);
    }

    @Test
    void aMigrationListedWithoutItsTableIsReportedNotGuessed() throws Exception {
        SQLiteDataSource db = db(SampleInstall.copyDbEraTo(temp.resolve("dropped")));
        new JdbcTemplate(db).execute("DROP TABLE container_configs");

        DetectedEra era = EraDetection.detect(db);
        assertThat(era.era()).isEqualTo(InstallEra.FILE);
        assertThat(era.notes()).singleElement().asString().contains("container-configs")
                .contains("cannot start");
    }

    @Test
    void aTableThatLacksNanoclawsColumnsStopsTheStartWithWhatIsMissing() throws Exception {
        SQLiteDataSource db = db(SampleInstall.copyTo(temp.resolve("half")));
        new JdbcTemplate(db).execute("CREATE TABLE container_configs (agent_group_id TEXT PRIMARY KEY, provider TEXT)");

        assertThatThrownBy(() -> EraDetection.detect(db)).isInstanceOf(InstallNotUsableException.class)
                .hasMessageContaining("model").hasMessageContaining("updated_at");
    }

    @Test
    void aRowWhoseGroupIsGoneIsAnOrphanedRow() throws Exception {
        SQLiteDataSource db = db(SampleInstall.copyDbEraTo(temp.resolve("orphan")));
        new JdbcTemplate(db).update("INSERT INTO container_configs (agent_group_id, updated_at) VALUES ('ag-gone', 'x')");

        assertThat(scan(temp.resolve("orphan"), db).findings())
                .filteredOn(f -> f.kind() == FindingKind.CONFIG_ROW_ORPHANED)
                .extracting(Finding::groupId, Finding::severity).containsExactly(tuple("ag-gone", Severity.INFO));
    }

    @Test
    void detectionChangesNothingInTheDb() throws Exception {
        Path install = SampleInstall.copyDbEraTo(temp.resolve("untouched"));
        Map<String, String> before = SampleInstall.snapshot(install);

        EraDetection.detect(db(install));

        assertThat(SampleInstall.snapshot(install)).isEqualTo(before);
    }

    private static SQLiteDataSource db(Path install) {
        SQLiteDataSource db = new SQLiteDataSource();
        db.setUrl("jdbc:sqlite:" + install.resolve("data/v2.db"));
        return db;
    }

    private DriftReport scan(Path install, SQLiteDataSource db) throws Exception {
        InstallLayout layout = InstallLayout.of(new InstallProperties(install, temp.resolve("admin"),
                Duration.ofSeconds(5), "db"));
        ContainerConfigStore store = new ContainerConfigStore(layout.groups(), (folder, version, bytes, by) -> {
            throw new UnsupportedOperationException("read only");
        }, new AtomicFileWriter());
        return new DriftScanner(new JdbcTemplate(db), layout, EraDetection.detect(db), store,
                new ProvidersProperties(List.of("claude", "codex", "opencode", "mock")),
                new DriftProperties(temp.resolve("no-allowlist.json"), Duration.ofMinutes(5)), Clock.systemUTC()).scan();
    }
}
