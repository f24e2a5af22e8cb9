package io.nanoclaw.admin.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.cli.ScanCommand;

/** {@code scan --upgrade-preview} on copies of the sample installs, as cron or CI runs it. */
class UpgradePreviewScanTest {

    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
    }

    /** The fixture README's "Upgrade preview of sample-install": folder → codes. */
    static final Map<String, List<String>> EXPECTED = new TreeMap<>(Map.of(
            "main", List.of("UPGRADE_PINS_ASSISTANT_NAME"),
            "research", List.of("UPGRADE_PINS_ASSISTANT_NAME"),
            "ops-bot", List.of("UPGRADE_SWITCHES_RUNNER", "UPGRADE_PINS_ASSISTANT_NAME"),
            "family", List.of("UPGRADE_PINS_ASSISTANT_NAME"),
            "writer", List.of("UPGRADE_LOSES_FILE_CONTENT"),
            "travel", List.of("UPGRADE_DROPS_KEYS", "UPGRADE_PINS_ASSISTANT_NAME"),
            "support", List.of("UPGRADE_PINS_ASSISTANT_NAME")));

    @Test
    void theJsonIsTheDriftDocumentPlusTheNineUpgradeCodesOfTheSample() throws Exception {
        Path install = SampleInstall.copyTo(temp.resolve("install"));
        var before = SampleInstall.snapshot(install);

        Run run = scan("--nanoclaw.install-root=" + install, "--upgrade-preview", "--format=json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.propertyNames()).contains("scannedAt", "summary", "groups", "findings", "inputs", "upgrade",
                "backfill");
        assertThat(json.path("groups").size()).isEqualTo(SampleInstall.GROUPS);

        List<JsonNode> items = json.path("upgrade").valueStream().toList();
        assertThat(items).hasSize(9);
        assertThat(items).allSatisfy(item -> assertThat(item.propertyNames()).containsExactly("code", "severity",
                "groupId", "folder", "runnerNow", "runnerAfter", "keys", "message"));
        Map<String, Long> bySeverity = items.stream()
                .collect(Collectors.groupingBy(item -> item.path("severity").asString(), Collectors.counting()));
        assertThat(bySeverity).containsExactlyInAnyOrderEntriesOf(Map.of("ERROR", 1L, "WARNING", 2L, "INFO", 6L));
        Map<String, List<String>> byFolder = new TreeMap<>(items.stream().collect(Collectors.groupingBy(
                item -> item.path("folder").asString(), Collectors.mapping(item -> item.path("code").asString(),
                        Collectors.toList()))));
        byFolder.values().forEach(codes -> codes.sort(Comparator.comparing(UpgradeCode::valueOf)));
        assertThat(byFolder).isEqualTo(EXPECTED);
        assertThat(items).noneMatch(item -> item.path("code").asString().equals("UPGRADE_BLOCKS_HOST_START"));

        JsonNode opsBot = only(items, "ops-bot", "UPGRADE_SWITCHES_RUNNER");
        assertThat(opsBot.path("severity").asString()).isEqualTo("WARNING");
        assertThat(opsBot.path("groupId").asString()).isEqualTo(SampleInstall.OPS_BOT_ID);
        assertThat(opsBot.path("runnerNow").asString()).isEqualTo("claude");
        assertThat(opsBot.path("runnerAfter").asString()).isEqualTo("codex");
        JsonNode drops = only(items, "travel", "UPGRADE_DROPS_KEYS");
        assertThat(drops.path("keys").valueStream().map(JsonNode::asString)).containsExactly("env", "blockedHosts");
        assertThat(only(items, "travel", "UPGRADE_PINS_ASSISTANT_NAME").path("message").asString())
                .contains("\"Trips\"").contains("Travel Planner");
        assertThat(only(items, "main", "UPGRADE_PINS_ASSISTANT_NAME").path("message").asString()).contains("\"Andy\"");
        assertThat(only(items, "writer", "UPGRADE_LOSES_FILE_CONTENT").path("severity").asString()).isEqualTo("ERROR");
        assertThat(items.get(0).path("code").asString()).as("worst first").isEqualTo("UPGRADE_LOSES_FILE_CONTENT");

        Map<String, JsonNode> backfill = json.path("backfill").valueStream()
                .collect(Collectors.toMap(group -> group.path("folder").asString(), group -> group));
        assertThat(backfill.keySet()).containsExactlyInAnyOrder("main", "research", "ops-bot", "family", "writer",
                "scratch", "travel", "support", "archive");
        assertThat(backfill.get("ops-bot").path("provider").asString()).isEqualTo("codex");
        assertThat(backfill.get("writer").path("fileContentLost").asBoolean()).isTrue();
        assertThat(backfill.get("writer").path("row").path("provider").asString()).isEqualTo("claude");
        assertThat(backfill.get("family").path("row").path("packagesApt").asString()).isEqualTo("[\"ffmpeg\"]");
        assertThat(backfill.get("family").path("row").path("mcpServers").asString())
                .doesNotContain("secret-cal-token").contains("CAL_TOKEN");
        assertThat(backfill.get("archive").path("fileState").asString()).isEqualTo("FOLDER_MISSING");
        assertThat(backfill.get("scratch").path("row").path("skills").asString()).isEqualTo("\"all\"");

        assertThat(SampleInstall.snapshot(install)).as("the preview writes nothing").isEqualTo(before);
    }

    @Test
    void theTextIsATableOfTheItemsWithCounts() throws Exception {
        Path install = SampleInstall.copyTo(temp.resolve("install"));
        var before = SampleInstall.snapshot(install);

        Run run = scan("--nanoclaw.install-root=" + install, "--upgrade-preview");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).contains("9 groups; 9 items: 1 ERROR, 2 WARNING, 6 INFO")
                .containsPattern("ops-bot +claude -> codex \\(!\\) +codex")
                .containsPattern("WARNING +UPGRADE_SWITCHES_RUNNER +ops-bot")
                .containsPattern("WARNING +UPGRADE_DROPS_KEYS +travel +The back-fill does not copy env, blockedHosts")
                .containsPattern("ERROR +UPGRADE_LOSES_FILE_CONTENT +writer")
                .contains("None of the groups stops the upgraded host from starting.")
                .contains("Nothing is written.")
                .doesNotContain("GROUP_PROVIDER_MISMATCH").doesNotContain("HikariPool");
        assertThat(SampleInstall.snapshot(install)).isEqualTo(before);
    }

    @Test
    void onlyInfoItemsExitWith0() throws Exception {
        Path install = SampleInstall.copyTo(temp.resolve("install"));
        // Leave only groups whose upgrade merely pins a name.
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + install.resolve("data/v2.db"));
                var statement = db.createStatement()) {
            statement.execute("DELETE FROM sessions");
            statement.execute("DELETE FROM agent_groups WHERE folder NOT IN ('main', 'research', 'support')");
        }

        Run run = scan("--nanoclaw.install-root=" + install, "--upgrade-preview");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("3 groups; 3 items: 0 ERROR, 0 WARNING, 3 INFO")
                .contains("Nothing to look at before upgrading.");
    }

    @Test
    void aFileThatWouldStopTheUpgradedHostIsAnError() throws Exception {
        Path install = SampleInstall.copyTo(temp.resolve("install"));
        Files.writeString(install.resolve("groups/scratch/container.json"), "null\n");

        Run run = scan("--nanoclaw.install-root=" + install, "--upgrade-preview");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out())
                .containsPattern("ERROR +UPGRADE_BLOCKS_HOST_START +scratch +The upgraded host will not start")
                .contains("1 group(s) stop the upgraded host from starting");
    }

    @Test
    void onADbEraInstallItListsTheNextBackfill() throws Exception {
        Path install = SampleInstall.copyDbEraTo(temp.resolve("install"));
        var before = SampleInstall.snapshot(install);

        Run run = scan("--nanoclaw.install-root=" + install, "--upgrade-preview");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("the install is in the DB-config era; nothing is written")
                .contains("1 group(s) without a container_configs row")
                .contains("intake (Intake, e2b7c4d1-5f3a-4c8e-9b6d-1a2f3e4d5c6b)")
                .containsPattern("provider +NULL").containsPattern("skills +'\"all\"'")
                .containsPattern("cli_scope +'group'")
                .contains("Every back-fill succeeds")
                .doesNotContain("ops-bot");
        assertThat(SampleInstall.snapshot(install)).isEqualTo(before);
    }

    @Test
    void onADbEraInstallABackfillThatWillFailExitsWith2() throws Exception {
        Path install = SampleInstall.copyDbEraTo(temp.resolve("install"));
        Files.writeString(install.resolve("groups/intake/container.json"), "{\"assistantName\": true}\n");

        Run text = scan("--nanoclaw.install-root=" + install, "--upgrade-preview");
        Run json = scan("--nanoclaw.install-root=" + install, "--upgrade-preview", "--format=json");

        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.out()).contains("the host will not start: container.json has \"assistantName\": true")
                .contains("1 back-fill(s) will fail");
        assertThat(json.exitCode()).as(json.err()).isEqualTo(2);
        JsonNode document = JsonMapper.builder().build().readTree(json.out());
        assertThat(document.path("upgrade").isEmpty()).isTrue();
        assertThat(document.path("backfill").valueStream().toList()).singleElement().satisfies(group -> {
            assertThat(group.path("folder").asString()).isEqualTo("intake");
            assertThat(group.path("row").isNull()).isTrue();
            assertThat(group.path("failure").asString()).contains("\"assistantName\": true");
        });
    }

    @Test
    void theUsageExplainsThePreview() throws Exception {
        Run run = scan("--help");

        assertThat(run.out()).contains("--upgrade-preview").contains("DB-era install")
                .contains("exit 2 when a back-fill will fail");
    }

    private static JsonNode only(List<JsonNode> items, String folder, String code) {
        return items.stream().filter(item -> item.path("folder").asString().equals(folder)
                && item.path("code").asString().equals(code)).findFirst().orElseThrow();
    }

    private Run scan(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withDataDir = Stream.concat(Arrays.stream(args),
                Stream.of("--nanoclaw.data-dir=" + temp.resolve("var"))).toArray(String[]::new);
        int code = ScanCommand.run(withDataDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
