package io.nanoclaw.admin.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.ParseError;
import io.nanoclaw.admin.drift.Severity;
import io.nanoclaw.admin.install.InstallEra;

class UpgradePreviewTest {

    static final String NOW = "2026-05-10T08:00:00.000Z";

    static ContainerConfigFile file(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(bytes);
        return parsed.state() == ConfigFileState.OK ? ContainerConfigFile.ok("ops-bot", bytes, parsed.document())
                : ContainerConfigFile.broken("ops-bot", parsed.state(), bytes, parsed.error());
    }

    static ContainerConfigFile absent(ConfigFileState state) {
        return ContainerConfigFile.absent("ops-bot", state, ParseError.of("groups/ops-bot has no container.json"));
    }

    static UpgradeGroup judge(String legacyProvider, ContainerConfigFile file) {
        return UpgradePreview.judge(new UpgradeGroupInput("ag-1", "Ops Bot", "ops-bot", legacyProvider), file, NOW);
    }

    static List<UpgradeCode> codes(UpgradeGroup group) {
        return group.items().stream().map(UpgradeItem::code).toList();
    }

    // --- UPGRADE_BLOCKS_HOST_START ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"null", "{\"imageTag\": true}", "{\"assistantName\": {}}",
            "{\"maxMessagesPerPrompt\": [1]}",
            "{\"provider\": true}", "{\"provider\": {\"name\": \"codex\"}}"})
    void aFileTheBackfillCannotStoreBlocksTheHostsStart(String text) {
        UpgradeGroup group = judge(null, file(text));

        assertThat(codes(group)).containsExactly(UpgradeCode.UPGRADE_BLOCKS_HOST_START);
        UpgradeItem item = group.items().get(0);
        assertThat(item.severity()).isEqualTo(Severity.ERROR);
        assertThat(item.message()).startsWith("The upgraded host will not start: ").contains("Startup failed");
        assertThat(group.backfill().row()).isNull();
        assertThat(group.backfillProvider()).isNull();
    }

    @Test
    void aSetGroupColumnHidesABadFileProvider() {
        assertThat(codes(judge("codex", file("{\"provider\": true}"))))
                .doesNotContain(UpgradeCode.UPGRADE_BLOCKS_HOST_START);
    }

    // --- UPGRADE_LOSES_FILE_CONTENT ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"provider\": \"claude\",", "\uFEFF{}", "{\"a\": 1,}", "[]", "\"claude\"", "7", "false"})
    void anUnusableFileLosesItsContent(String text) {
        UpgradeGroup group = judge("claude", file(text));

        assertThat(codes(group)).containsExactly(UpgradeCode.UPGRADE_LOSES_FILE_CONTENT);
        assertThat(group.items().get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(group.items().get(0).message()).contains("cannot be used").contains("lost for good");
        assertThat(group.backfillProvider()).isEqualTo("claude");
    }

    @Test
    void anUnreadableFileLosesItsContent() {
        assertThat(codes(judge(null, absent(ConfigFileState.UNREADABLE))))
                .containsExactly(UpgradeCode.UPGRADE_LOSES_FILE_CONTENT);
    }

    @Test
    void aNullFileBlocksButIsNotCountedAsLostContent() {
        assertThat(codes(judge(null, file("null")))).doesNotContain(UpgradeCode.UPGRADE_LOSES_FILE_CONTENT);
    }

    // --- UPGRADE_SWITCHES_RUNNER ---

    static Stream<Arguments> runners() {
        return Stream.of(
                arguments("codex", "{}", "claude", "codex"),
                arguments("codex", "{\"provider\": \"claude\"}", "claude", "codex"),
                arguments("Codex", "{\"provider\": \"codex\"}", "codex", "codex"),
                arguments(null, "{\"provider\": \"OpenCode\"}", "opencode", "opencode"),
                arguments("", "{\"provider\": \"opencode\"}", "opencode", "opencode"),
                arguments(null, "{}", "claude", "claude"),
                arguments(null, "{\"provider\": \"\"}", "claude", "claude"),
                arguments("opencode", "{\"provider\": \"claude\",", "claude", "opencode"),
                arguments(" codex", "{\"provider\": \"codex\"}", "codex", " codex"));
    }

    @ParameterizedTest(name = "agent_provider {0}, file {1}: {2} -> {3}")
    @MethodSource("runners")
    void theRunnerAfterIsTheGroupColumnElseTheFileElseClaude(String legacy, String text, String now, String after) {
        UpgradeGroup group = judge(legacy, file(text));

        assertThat(group.runnerNow()).isEqualTo(now);
        assertThat(group.runnerAfter()).isEqualTo(after);
        assertThat(group.switchesRunner()).isEqualTo(!now.equals(after));
        assertThat(codes(group).contains(UpgradeCode.UPGRADE_SWITCHES_RUNNER)).isEqualTo(!now.equals(after));
    }

    @Test
    void aSwitchSaysWhatRunsTodayAndAfterAndWhy() {
        UpgradeItem item = judge("codex", file("{\"assistantName\": \"Ops Bot\"}")).items().stream()
                .filter(i -> i.code() == UpgradeCode.UPGRADE_SWITCHES_RUNNER).findFirst().orElseThrow();

        assertThat(item.severity()).isEqualTo(Severity.WARNING);
        assertThat(item.runnerNow()).isEqualTo("claude");
        assertThat(item.runnerAfter()).isEqualTo("codex");
        assertThat(item.keys()).isEmpty();
        assertThat(item.message()).contains("runs claude (container.json has no provider)")
                .contains("runs codex, from agent_groups.agent_provider");
        assertThat(item.groupId()).isEqualTo("ag-1");
        assertThat(item.folder()).isEqualTo("ops-bot");
    }

    @Test
    void aGroupWithoutAFileStillSwitchesWhenItsColumnIsSet() {
        UpgradeGroup group = judge("codex", absent(ConfigFileState.MISSING));

        assertThat(codes(group)).containsExactly(UpgradeCode.UPGRADE_SWITCHES_RUNNER);
        assertThat(group.items().get(0).message()).contains("there is no container.json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MISSING", "FOLDER_MISSING", "FOLDER_INVALID"})
    void aGroupWithoutAFileAndWithoutAColumnHasNoCodes(ConfigFileState state) {
        UpgradeGroup group = judge(null, absent(state));

        assertThat(group.items()).isEmpty();
        assertThat(group.fileState()).isEqualTo(state);
        assertThat(group.runnerAfter()).isEqualTo("claude");
        assertThat(judge(null, null).items()).isEmpty();
    }

    // --- UPGRADE_DROPS_KEYS ---

    static Stream<Arguments> dropped() {
        return Stream.of(
                arguments("{\"provider\": \"opencode\", \"env\": {}, \"blockedHosts\": []}",
                        List.of("env", "blockedHosts")),
                arguments("{\"model\": \"opus\", \"effort\": \"high\"}", List.of("model", "effort")),
                arguments("{\"packages\": {\"apt\": [], \"npm\": [], \"pip\": [\"x\"]}}", List.of("packages.pip")),
                arguments("{\"groupName\": \"Old\", \"agentGroupId\": \"ag-old\","
                        + " \"mcpServers\": {\"m\": {\"env\": {}}}}",
                        List.of()));
    }

    @ParameterizedTest(name = "{0} drops {1}")
    @MethodSource("dropped")
    void keysTheBackfillDoesNotCopyAreNamed(String text, List<String> keys) {
        UpgradeGroup group = judge(null, file(text));

        List<UpgradeItem> drops = group.items().stream().filter(i -> i.code() == UpgradeCode.UPGRADE_DROPS_KEYS)
                .toList();
        if (keys.isEmpty()) {
            assertThat(drops).isEmpty();
        } else {
            assertThat(drops).singleElement().satisfies(item -> {
                assertThat(item.severity()).isEqualTo(Severity.WARNING);
                assertThat(item.keys()).containsExactlyElementsOf(keys);
                assertThat(item.message()).contains(String.join(", ", keys));
            });
        }
    }

    // --- UPGRADE_PINS_ASSISTANT_NAME ---

    @Test
    void theFilesAssistantNameIsPinned() {
        UpgradeGroup group = judge(null, file("{\"assistantName\": \"Ops Bot\"}"));

        assertThat(codes(group)).containsExactly(UpgradeCode.UPGRADE_PINS_ASSISTANT_NAME);
        UpgradeItem item = group.items().get(0);
        assertThat(item.severity()).isEqualTo(Severity.INFO);
        assertThat(item.message()).contains("\"Ops Bot\"").contains("no longer renames the assistant")
                .doesNotContain("The group is called");
    }

    @Test
    void aStaleNameIsPinnedAndSaidToBeStale() {
        UpgradeGroup group = UpgradePreview.judge(new UpgradeGroupInput("ag-2", "Travel Planner", "travel", "opencode"),
                file("{\"provider\": \"opencode\", \"assistantName\": \"Trips\"}"), NOW);

        assertThat(group.items()).singleElement().satisfies(item -> assertThat(item.message())
                .contains("\"Trips\"").contains("The group is called \"Travel Planner\""));
        assertThat(group.backfill().row().assistantName()).isEqualTo("Trips");
    }

    @Test
    void anEmptyNameIsPinnedAsNoName() {
        assertThat(judge(null, file("{\"assistantName\": \"\"}")).items()).singleElement()
                .satisfies(item -> assertThat(item.message()).contains("no name at all"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"assistantName\": null}", "{\"assistantName\": true}"})
    void noNameOrOneThatCannotBeStoredIsNotPinned(String text) {
        assertThat(codes(judge(null, file(text)))).doesNotContain(UpgradeCode.UPGRADE_PINS_ASSISTANT_NAME);
    }

    // --- the report and the DB era ---

    @Test
    void theReportCountsBySeverityAndListsTheWorstFirst() {
        UpgradeGroup pinned = judge(null, file("{\"assistantName\": \"A\"}"));
        UpgradeGroup switched = judge("codex", file("{\"env\": {}}"));
        UpgradeGroup broken = judge(null, file("{"));

        UpgradeReport report = UpgradeReport.of(InstallEra.FILE, Instant.EPOCH, List.of(pinned, switched, broken));

        assertThat(report.items()).extracting(UpgradeItem::code).containsExactly(
                UpgradeCode.UPGRADE_LOSES_FILE_CONTENT, UpgradeCode.UPGRADE_SWITCHES_RUNNER,
                UpgradeCode.UPGRADE_DROPS_KEYS, UpgradeCode.UPGRADE_PINS_ASSISTANT_NAME);
        assertThat(report.counts()).containsExactly(entry(Severity.ERROR, 1),
                entry(Severity.WARNING, 2), entry(Severity.INFO, 1));
        assertThat(report.needsAttention()).isTrue();
        assertThat(report.failingBackfills()).isEmpty();
        assertThat(UpgradeReport.of(InstallEra.FILE, Instant.EPOCH, List.of(pinned)).needsAttention()).isFalse();
    }

    @Test
    void inTheDbEraAGroupWithoutARowGetsItsBackfillAndNoItems() {
        UpgradeGroupInput intake = new UpgradeGroupInput("e2b7c4d1", "Intake", "intake", null);

        UpgradeGroup fine = UpgradePreview.nextBackfill(intake, absent(ConfigFileState.MISSING), NOW);
        UpgradeGroup failing = UpgradePreview.nextBackfill(intake, file("{\"imageTag\": false}"), NOW);

        assertThat(fine.items()).isEmpty();
        assertThat(fine.runnerNow()).isNull();
        assertThat(fine.switchesRunner()).isFalse();
        assertThat(fine.runnerAfter()).isEqualTo("claude");
        assertThat(fine.backfillColumns()).extracting(BackfillColumn::column, BackfillColumn::value).contains(
                tuple("provider", "NULL"),
                tuple("skills", "'\"all\"'"),
                tuple("cli_scope", "'group'"),
                tuple("updated_at", "'" + NOW + "'"));
        assertThat(failing.backfill().failure()).contains("\"imageTag\": false");
        assertThat(failing.backfillColumns()).isEmpty();
        assertThat(UpgradeReport.of(InstallEra.DB_CONFIG, Instant.EPOCH, List.of(fine, failing)).failingBackfills())
                .containsExactly(failing);
    }

    @Test
    void secretsAreMaskedForReadersWhoMayNotSeeThem() {
        UpgradeGroup group = judge(null, file("{\"mcpServers\": {\"cal\": {\"command\": \"npx\","
                + " \"env\": {\"CAL_TOKEN\": \"secret-cal-token\"}}}}"));
        UpgradeReport report = UpgradeReport.of(InstallEra.FILE, Instant.EPOCH, List.of(group));

        assertThat(report.groups().get(0).backfill().row().mcpServers()).contains("secret-cal-token");
        assertThat(report.withSecretsMasked().groups().get(0).backfill().row().mcpServers())
                .doesNotContain("secret-cal-token").contains("\"CAL_TOKEN\":\"••••••\"")
                .contains("\"command\":\"npx\"");
    }
}
