package io.nanoclaw.admin.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.nanoclaw.admin.AttachedSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

/** The findings src/test/fixtures/README.md promises for the sample install, exactly. */
class SampleInstallDriftTest extends AttachedSampleInstallTest {

    @Autowired
    DriftService drift;

    @Test
    void everyGroupGetsTheStatusTheFixturePromises() {
        DriftReport report = drift.scan();

        Map<String, GroupStatus> statuses = report.groups().stream()
                .collect(Collectors.toMap(GroupDrift::folder, GroupDrift::status));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
                "main", GroupStatus.ALIGNED,
                "research", GroupStatus.ALIGNED,
                "ops-bot", GroupStatus.DRIFTED,
                "family", GroupStatus.ALIGNED,
                "writer", GroupStatus.BROKEN,
                "scratch", GroupStatus.ALIGNED,
                "travel", GroupStatus.DRIFTED,
                "support", GroupStatus.DRIFTED,
                "archive", GroupStatus.BROKEN));
        assertThat(report.summary()).satisfies(summary -> {
            assertThat(summary.groups()).isEqualTo(9);
            assertThat(summary.aligned()).isEqualTo(4);
            assertThat(summary.drifted()).isEqualTo(3);
            assertThat(summary.broken()).isEqualTo(2);
        });
    }

    @Test
    void everyFindingIsTheOneTheFixturePromisesAndNothingElse() {
        DriftReport report = drift.scan();

        assertThat(report.findings())
                .extracting(Finding::folder, Finding::kind, Finding::severity, Finding::dbValue)
                .containsExactlyInAnyOrder(
                        tuple("ops-bot", FindingKind.GROUP_PROVIDER_MISMATCH, Severity.ERROR, "codex"),
                        tuple("research", FindingKind.SESSION_OVERRIDE_REDUNDANT, Severity.INFO, "codex"),
                        tuple("writer", FindingKind.CONFIG_FILE_MALFORMED, Severity.ERROR, "claude"),
                        tuple("scratch", FindingKind.CONFIG_FILE_MISSING, Severity.INFO, null),
                        tuple("travel", FindingKind.IDENTITY_STALE, Severity.WARNING, "opencode"),
                        tuple("travel", FindingKind.UNKNOWN_KEYS_AT_RISK, Severity.WARNING, "opencode"),
                        tuple("support", FindingKind.SESSION_PROVIDER_MISMATCH, Severity.ERROR, "codex"),
                        tuple("support", FindingKind.SESSION_PROVIDER_MISMATCH, Severity.INFO, "opencode"),
                        tuple("support", FindingKind.SESSION_OVERRIDE_REDUNDANT, Severity.INFO, "claude"),
                        tuple("archive", FindingKind.GROUP_FOLDER_MISSING, Severity.ERROR, null),
                        tuple("old-experiment", FindingKind.ORPHAN_FOLDER, Severity.WARNING, null));
    }

    @Test
    void theOpsBotFindingSaysWhatEachSideDoes() {
        Finding opsBot = drift.scan().findings().stream()
                .filter(f -> f.kind() == FindingKind.GROUP_PROVIDER_MISMATCH).findFirst().orElseThrow();

        assertThat(opsBot.groupId()).isEqualTo(SampleInstall.OPS_BOT_ID);
        assertThat(opsBot.sessionId()).isNull();
        assertThat(opsBot.hostProvider()).isEqualTo("codex");
        assertThat(opsBot.runnerProvider()).isEqualTo("claude");
        assertThat(opsBot.fileValue()).isNull();
        assertThat(opsBot.message()).contains("the host prepares codex, the runner runs claude");
        assertThat(opsBot.fixes()).containsExactly(Fix.ALIGN_FROM_DB, Fix.ALIGN_FROM_FILE);
    }

    @Test
    void findingsComeWorstFirstAndTheOrphanHasNoGroup() {
        DriftReport report = drift.scan();

        assertThat(report.findings()).extracting(Finding::severity).isSortedAccordingTo(Enum::compareTo);
        assertThat(report.findings()).filteredOn(f -> f.kind() == FindingKind.ORPHAN_FOLDER).singleElement()
                .satisfies(orphan -> {
                    assertThat(orphan.groupId()).isNull();
                    assertThat(orphan.fileValue()).isEqualTo("codex");
                });
        assertThat(report.inputs().runnerProviders()).containsExactlyInAnyOrder("claude", "codex", "opencode", "mock");
    }
}
