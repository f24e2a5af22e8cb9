package io.nanoclaw.admin.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.nanoclaw.admin.AttachedDbEraSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.install.InstallEra;

/** The findings src/test/fixtures/README.md promises for the DB-config era's sample install, exactly. */
class SampleDbInstallDriftTest extends AttachedDbEraSampleInstallTest {

    @Autowired
    DriftService drift;

    @Test
    void theInstallIsJudgedInTheDbEra() {
        assertThat(drift.scan().era()).isEqualTo(InstallEra.DB_CONFIG);
    }

    @Test
    void everyGroupGetsTheStatusTheFixturePromises() {
        DriftReport report = drift.scan();

        Map<String, GroupStatus> statuses = report.groups().stream()
                .collect(Collectors.toMap(GroupDrift::folder, GroupDrift::status));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("main", GroupStatus.ALIGNED),
                Map.entry("research", GroupStatus.DRIFTED),
                Map.entry("travel", GroupStatus.DRIFTED),
                Map.entry("writer", GroupStatus.DRIFTED),
                Map.entry("ops-bot", GroupStatus.ALIGNED),
                Map.entry("support", GroupStatus.DRIFTED),
                Map.entry("billing", GroupStatus.BROKEN),
                Map.entry("concierge", GroupStatus.DRIFTED),
                Map.entry("coder", GroupStatus.ALIGNED),
                Map.entry("archive", GroupStatus.BROKEN),
                Map.entry("scratch", GroupStatus.ALIGNED),
                Map.entry("intake", GroupStatus.BROKEN)));
        assertThat(report.summary()).satisfies(summary -> {
            assertThat(summary.groups()).isEqualTo(12);
            assertThat(summary.aligned()).isEqualTo(4);
            assertThat(summary.drifted()).isEqualTo(5);
            assertThat(summary.broken()).isEqualTo(3);
            assertThat(summary.findings()).containsExactlyInAnyOrderEntriesOf(
                    Map.of(Severity.ERROR, 5, Severity.WARNING, 4, Severity.INFO, 6));
        });
    }

    @Test
    void everyFindingIsTheOneTheFixturePromisesAndNothingElse() {
        DriftReport report = drift.scan();

        assertThat(report.findings())
                .extracting(Finding::folder, Finding::kind, Finding::severity)
                .containsExactlyInAnyOrder(
                        tuple("research", FindingKind.CONFIG_FILE_DIVERGES_FROM_DB, Severity.ERROR),
                        tuple("travel", FindingKind.CONFIG_FILE_DIVERGES_FROM_DB, Severity.WARNING),
                        tuple("writer", FindingKind.CONFIG_FILE_DIVERGES_FROM_DB, Severity.WARNING),
                        tuple("ops-bot", FindingKind.LEGACY_GROUP_PROVIDER_IGNORED, Severity.INFO),
                        tuple("support", FindingKind.SESSION_PROVIDER_MISMATCH, Severity.ERROR),
                        tuple("support", FindingKind.SESSION_PROVIDER_MISMATCH, Severity.INFO),
                        tuple("support", FindingKind.SESSION_OVERRIDE_REDUNDANT, Severity.INFO),
                        tuple("billing", FindingKind.CONFIG_ROW_INVALID, Severity.ERROR),
                        tuple("concierge", FindingKind.ASSISTANT_NAME_EMPTY, Severity.WARNING),
                        tuple("coder", FindingKind.MODEL_NOT_USED, Severity.INFO),
                        tuple("archive", FindingKind.GROUP_FOLDER_MISSING, Severity.ERROR),
                        tuple("scratch", FindingKind.CONFIG_FILE_MISSING, Severity.INFO),
                        tuple("intake", FindingKind.CONFIG_ROW_MISSING, Severity.ERROR),
                        tuple("intake", FindingKind.CONFIG_FILE_MISSING, Severity.INFO),
                        tuple("old-experiment", FindingKind.ORPHAN_FOLDER, Severity.WARNING));
    }

    @Test
    void theRunnerProviderComesFromTheRowNeverFromTheFile() {
        DriftReport report = drift.scan();

        assertThat(report.groups()).filteredOn(g -> g.folder().equals("research")).singleElement()
                .satisfies(research -> {
                    assertThat(research.hostProvider()).isEqualTo("claude");
                    assertThat(research.runnerProvider()).isEqualTo("claude");
                });
        Finding research = report.findings().stream().filter(f -> "research".equals(f.folder())).findFirst()
                .orElseThrow();
        assertThat(research.dbValue()).isEqualTo("claude");
        assertThat(research.fileValue()).isEqualTo("codex");
        assertThat(research.message()).contains("provider").contains("the runner runs claude, not codex");
        assertThat(research.fixes()).containsExactly(Fix.MATERIALIZE_FROM_DB, Fix.IMPORT_FILE_INTO_DB);
    }

    @Test
    void anUnusableFileOffersOnlyMaterializeAndTheLegacyColumnOnlyItsClearing() {
        DriftReport report = drift.scan();

        assertThat(report.findings()).filteredOn(f -> "writer".equals(f.folder())).singleElement()
                .satisfies(writer -> assertThat(writer.fixes()).containsExactly(Fix.MATERIALIZE_FROM_DB));
        assertThat(report.findings()).filteredOn(f -> "ops-bot".equals(f.folder())).singleElement()
                .satisfies(opsBot -> {
                    assertThat(opsBot.dbValue()).isEqualTo("codex");
                    assertThat(opsBot.runnerProvider()).isEqualTo("claude");
                    assertThat(opsBot.fixes()).containsExactly(Fix.CLEAR_LEGACY_PROVIDER);
                });
        assertThat(report.findings()).filteredOn(f -> "intake".equals(f.folder())
                && f.kind() == FindingKind.CONFIG_ROW_MISSING).singleElement()
                .satisfies(intake -> assertThat(intake.fixes()).containsExactly(Fix.CREATE_CONFIG_ROW));
    }

    @Test
    void noFileEraKindIsReported() {
        assertThat(drift.scan().findings()).extracting(Finding::kind).doesNotContain(
                FindingKind.GROUP_PROVIDER_MISMATCH, FindingKind.CONFIG_FILE_MALFORMED, FindingKind.IDENTITY_STALE,
                FindingKind.UNKNOWN_KEYS_AT_RISK, FindingKind.CONFIG_FIELD_INVALID);
    }

    @Test
    void aScanChangesNothingOnDiskTheDbIncluded() {
        Map<String, String> before = SampleInstall.snapshot(INSTALL);

        drift.scan();
        drift.checkGroup("ag-1776160900000-divrg1");

        assertThat(SampleInstall.snapshot(INSTALL)).isEqualTo(before);
    }
}
