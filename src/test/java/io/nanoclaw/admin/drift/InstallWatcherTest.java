package io.nanoclaw.admin.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

/**
 * File era: what NanoClaw or an editor changes on disk, and what the host or {@code ncl} changes in v2.db, is in the
 * report within 2 seconds, without a full scan.
 */
class InstallWatcherTest extends EditableSampleInstallTest {

    static final Duration WITHIN = Duration.ofSeconds(2);

    @Autowired
    DriftService service;

    @Test
    void aContainerJsonWrittenByHandIsJudgedWithinTwoSeconds() throws Exception {
        assertThat(hasFinding(SampleInstall.OPS_BOT_ID, FindingKind.GROUP_PROVIDER_MISMATCH)).isTrue();
        var scanned = service.fullScanAt();
        String file = Files.readString(INSTALL.resolve("groups/ops-bot/container.json"));

        Files.writeString(INSTALL.resolve("groups/ops-bot/container.json"),
                file.replaceFirst("\\{", "{\n  \"provider\": \"codex\","));

        awaitReport(report -> report.findings().stream().noneMatch(f -> SampleInstall.OPS_BOT_ID.equals(f.groupId())
                && f.kind() == FindingKind.GROUP_PROVIDER_MISMATCH));
        assertThat(service.fullScanAt()).as("no full scan ran").isEqualTo(scanned);
    }

    @Test
    void aRowChangedBySqlIsJudgedWithinTwoSeconds() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + INSTALL.resolve("data/v2.db"));
                Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE agent_groups SET agent_provider = 'codex' WHERE id = '"
                    + SampleInstall.MAIN_ID + "'");
        }
        awaitReport(report -> hasFinding(report, SampleInstall.MAIN_ID, FindingKind.GROUP_PROVIDER_MISMATCH));
    }

    @Test
    void aFolderOfNoGroupIsAnOrphanWithinTwoSecondsAndGoneWhenRemoved() throws Exception {
        Files.createDirectories(INSTALL.resolve("groups/stray-one"));
        Files.writeString(INSTALL.resolve("groups/stray-one/container.json"), "{\"provider\": \"codex\"}\n");
        awaitReport(report -> report.findings().stream()
                .anyMatch(f -> f.kind() == FindingKind.ORPHAN_FOLDER && "stray-one".equals(f.folder())));

        Files.delete(INSTALL.resolve("groups/stray-one/container.json"));
        Files.delete(INSTALL.resolve("groups/stray-one"));
        awaitReport(report -> report.findings().stream().noneMatch(f -> "stray-one".equals(f.folder())));
    }

    private void awaitReport(Predicate<DriftReport> shows) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> shows.test(service.latest()));
    }

    private boolean hasFinding(String groupId, FindingKind kind) {
        return hasFinding(service.latest(), groupId, kind);
    }

    private static boolean hasFinding(DriftReport report, String groupId, FindingKind kind) {
        return report.findings().stream().anyMatch(f -> groupId.equals(f.groupId()) && f.kind() == kind);
    }
}
