package io.nanoclaw.admin.dbconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
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

class BackfillTest {

    static final String ID = "ag-1776160800000-main01";
    static final String NOW = "2026-05-10T08:00:00.050Z";

    /** container.json with these bytes, read the way ContainerConfigStore reads it. */
    static ContainerConfigFile file(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(bytes);
        return parsed.state() == ConfigFileState.OK ? ContainerConfigFile.ok("main", bytes, parsed.document())
                : ContainerConfigFile.broken("main", parsed.state(), bytes, parsed.error());
    }

    static ContainerConfigFile absent(ConfigFileState state) {
        return ContainerConfigFile.absent("main", state, ParseError.of(state.name()));
    }

    static BackfillResult backfill(String legacyProvider, String fileText) {
        return Backfill.of(ID, legacyProvider, file(fileText), NOW);
    }

    // --- the host's start fails ---

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("null", null, "JSON null"),
                arguments(" \n null \n", null, "JSON null"),
                arguments("null", "codex", "JSON null"),
                arguments("{\"imageTag\": true}", null, "\"imageTag\": true (a boolean, for image_tag)"),
                arguments("{\"imageTag\": false}", null, "\"imageTag\": false (a boolean, for image_tag)"),
                arguments("{\"imageTag\": {\"tag\": \"x\"}}", null, "\"imageTag\": {\"tag\":\"x\"} (an object"),
                arguments("{\"imageTag\": []}", null, "\"imageTag\": [] (an array, for image_tag)"),
                arguments("{\"assistantName\": true}", null, "\"assistantName\": true (a boolean, for assistant_name)"),
                arguments("{\"assistantName\": false}", null, "\"assistantName\": false (a boolean"),
                arguments("{\"assistantName\": {}}", null, "\"assistantName\": {} (an object"),
                arguments("{\"assistantName\": [\"Andy\"]}", null, "\"assistantName\": [\"Andy\"] (an array"),
                arguments("{\"maxMessagesPerPrompt\": true}", null,
                        "\"maxMessagesPerPrompt\": true (a boolean, for max_messages_per_prompt)"),
                arguments("{\"maxMessagesPerPrompt\": false}", null, "\"maxMessagesPerPrompt\": false (a boolean"),
                arguments("{\"maxMessagesPerPrompt\": {\"n\": 1}}", null,
                        "\"maxMessagesPerPrompt\": {\"n\":1} (an object"),
                arguments("{\"maxMessagesPerPrompt\": [20]}", null, "\"maxMessagesPerPrompt\": [20] (an array"),
                arguments("{\"provider\": true}", null,
                        "\"provider\": true (a boolean, for provider; agent_groups.agent_provider is empty"),
                arguments("{\"provider\": true}", "", "\"provider\": true (a boolean"),
                arguments("{\"provider\": {\"name\": \"codex\"}}", null,
                        "\"provider\": {\"name\":\"codex\"} (an object"),
                arguments("{\"provider\": [\"codex\"]}", null, "\"provider\": [\"codex\"] (an array"),
                // A group column that is set hides the file's provider, but not its other fields.
                arguments("{\"provider\": \"codex\", \"imageTag\": true}", "codex", "\"imageTag\": true"));
    }

    @ParameterizedTest(name = "{0} with agent_provider {1}")
    @MethodSource("failures")
    void theBackfillThrowsAndStopsTheHost(String fileText, String legacyProvider, String named) {
        BackfillResult result = backfill(legacyProvider, fileText);

        assertThat(result.fails()).isTrue();
        assertThat(result.row()).isNull();
        assertThat(result.provider()).isNull();
        assertThat(result.failure()).contains(named).contains("Startup failed").contains("the whole install");
    }

    @Test
    void everyValueTheInsertCannotBindIsNamed() {
        BackfillResult result = backfill(null, "{\"provider\": {}, \"imageTag\": true, \"assistantName\": [1]}");

        assertThat(result.failure()).contains("\"provider\": {}").contains("\"imageTag\": true")
                .contains("\"assistantName\": [1]")
                .contains("SQLite3 can only bind numbers, strings, bigints, buffers, and null");
    }

    @Test
    void aLongValueIsShortenedInTheSentence() {
        String big = "{\"imageTag\": {\"a\": \"" + "x".repeat(200) + "\"}}";

        assertThat(backfill(null, big).failure()).contains("xxx…").hasSizeLessThan(400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"provider\": false}", "{\"provider\": 0}", "{\"provider\": \"\"}",
            "{\"provider\": null}", "{\"provider\": 0.0}", "{}"})
    void aFalsyFileProviderIsNoProvider(String fileText) {
        BackfillResult result = backfill(null, fileText);

        assertThat(result.fails()).isFalse();
        assertThat(result.row().provider()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"provider\": true}", "{\"provider\": {}}", "{\"provider\": []}"})
    void aSetGroupColumnWinsSoABadFileProviderDoesNotMatter(String fileText) {
        BackfillResult result = backfill("codex", fileText);

        assertThat(result.fails()).isFalse();
        assertThat(result.provider()).isEqualTo("codex");
    }

    // --- what the row holds ---

    static Stream<Arguments> providers() {
        return Stream.of(
                arguments("OpenCode", "{\"provider\": \"codex\"}", "OpenCode"),
                arguments("codex", "{}", "codex"),
                arguments(" codex ", "{}", " codex "),
                arguments(null, "{\"provider\": \"Codex \"}", "Codex "),
                arguments("", "{\"provider\": \"codex\"}", "codex"),
                arguments(null, "{\"provider\": \" \"}", " "),
                arguments(null, "{\"provider\": 5}", "5.0"),
                arguments(null, "{\"provider\": 1.5}", "1.5"),
                arguments(null, "{\"provider\": -2}", "-2.0"));
    }

    @ParameterizedTest(name = "agent_provider {0}, file {1} -> {2}")
    @MethodSource("providers")
    void theProviderIsTheGroupColumnElseTheFilesAsWritten(String legacy, String fileText, String expected) {
        assertThat(backfill(legacy, fileText).provider()).isEqualTo(expected);
    }

    static Stream<Arguments> columns() {
        Function<ContainerConfigRow, Object> imageTag = ContainerConfigRow::imageTag;
        Function<ContainerConfigRow, Object> assistantName = ContainerConfigRow::assistantName;
        Function<ContainerConfigRow, Object> maxMessages = ContainerConfigRow::maxMessagesPerPrompt;
        Function<ContainerConfigRow, Object> skills = ContainerConfigRow::skills;
        Function<ContainerConfigRow, Object> mcpServers = ContainerConfigRow::mcpServers;
        Function<ContainerConfigRow, Object> apt = ContainerConfigRow::packagesApt;
        Function<ContainerConfigRow, Object> npm = ContainerConfigRow::packagesNpm;
        Function<ContainerConfigRow, Object> mounts = ContainerConfigRow::additionalMounts;
        Function<ContainerConfigRow, Object> model = ContainerConfigRow::model;
        Function<ContainerConfigRow, Object> effort = ContainerConfigRow::effort;
        return Stream.of(
                arguments("{\"imageTag\": \"nanoclaw-agent:main\"}", imageTag, "nanoclaw-agent:main"),
                arguments("{\"imageTag\": \"\"}", imageTag, ""),
                arguments("{\"imageTag\": null}", imageTag, null),
                arguments("{}", imageTag, null),
                arguments("{\"imageTag\": 20}", imageTag, "20.0"),
                arguments("{\"imageTag\": 0}", imageTag, "0.0"),
                arguments("{\"assistantName\": \"Andy\"}", assistantName, "Andy"),
                arguments("{\"assistantName\": \"\"}", assistantName, ""),
                arguments("{\"assistantName\": null}", assistantName, null),
                arguments("{\"assistantName\": 1e21}", assistantName, "1.0e+21"),
                arguments("{\"maxMessagesPerPrompt\": 20}", maxMessages, 20L),
                arguments("{\"maxMessagesPerPrompt\": 20.0}", maxMessages, 20L),
                arguments("{\"maxMessagesPerPrompt\": 0}", maxMessages, 0L),
                arguments("{\"maxMessagesPerPrompt\": -5}", maxMessages, -5L),
                arguments("{\"maxMessagesPerPrompt\": 2.5}", maxMessages, 2.5),
                arguments("{\"maxMessagesPerPrompt\": \"20\"}", maxMessages, 20L),
                arguments("{\"maxMessagesPerPrompt\": \" 20 \"}", maxMessages, 20L),
                arguments("{\"maxMessagesPerPrompt\": \"1e3\"}", maxMessages, 1000L),
                arguments("{\"maxMessagesPerPrompt\": \"2.5\"}", maxMessages, 2.5),
                arguments("{\"maxMessagesPerPrompt\": \"twenty\"}", maxMessages, "twenty"),
                arguments("{\"maxMessagesPerPrompt\": \"\"}", maxMessages, ""),
                arguments("{\"maxMessagesPerPrompt\": null}", maxMessages, null),
                arguments("{}", maxMessages, null),
                arguments("{}", skills, "\"all\""),
                arguments("{\"skills\": null}", skills, "\"all\""),
                arguments("{\"skills\": \"all\"}", skills, "\"all\""),
                arguments("{\"skills\": \"none\"}", skills, "\"none\""),
                arguments("{\"skills\": [ \"agent-browser\", \"gmail\" ]}", skills, "[\"agent-browser\",\"gmail\"]"),
                arguments("{\"skills\": 3}", skills, "3"),
                arguments("{}", mcpServers, "{}"),
                arguments("{\"mcpServers\": {\"cal\": {\"command\": \"npx\", \"args\": [\"-y\"],"
                        + " \"env\": {\"T\": \"s\"}}}}",
                        mcpServers, "{\"cal\":{\"command\":\"npx\",\"args\":[\"-y\"],\"env\":{\"T\":\"s\"}}}"),
                // JSON.parse moves array-index keys first and reads every number as a double.
                arguments("{\"mcpServers\": {\"b\": 1, \"2\": 2.0, \"a\": 1e3, \"1\": 9007199254740993}}", mcpServers,
                        "{\"1\":9007199254740992,\"2\":2,\"b\":1,\"a\":1000}"),
                arguments("{\"mcpServers\": []}", mcpServers, "[]"),
                arguments("{}", apt, "[]"),
                arguments("{}", npm, "[]"),
                arguments("{\"packages\": {\"apt\": [\"ffmpeg\"]}}", apt, "[\"ffmpeg\"]"),
                arguments("{\"packages\": {\"apt\": [\"ffmpeg\"]}}", npm, "[]"),
                arguments("{\"packages\": {\"npm\": [\"left-pad\"], \"apt\": null}}", npm, "[\"left-pad\"]"),
                arguments("{\"packages\": {\"npm\": [\"left-pad\"], \"apt\": null}}", apt, "[]"),
                arguments("{\"packages\": {\"apt\": \"ffmpeg\"}}", apt, "\"ffmpeg\""),
                arguments("{\"packages\": [\"ffmpeg\"]}", apt, "[]"),
                arguments("{\"packages\": \"ffmpeg\"}", apt, "[]"),
                arguments("{\"packages\": null}", npm, "[]"),
                arguments("{}", mounts, "[]"),
                arguments("{\"additionalMounts\": [{\"hostPath\": \"/srv/x\", \"readonly\": false}]}", mounts,
                        "[{\"hostPath\":\"/srv/x\",\"readonly\":false}]"),
                arguments("{\"model\": \"claude-opus\", \"effort\": \"high\"}", model, null),
                arguments("{\"model\": \"claude-opus\", \"effort\": \"high\"}", effort, null));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("columns")
    void eachColumnTakesTheFilesValueAsSqliteStoresIt(String fileText, Function<ContainerConfigRow, Object> column,
            Object expected) {
        BackfillResult result = backfill(null, fileText);

        assertThat(result.fails()).as(result.failure()).isFalse();
        assertThat(column.apply(result.row())).isEqualTo(expected);
    }

    @Test
    void theRowIsTheGroupsAndFreshAndScopedToTheGroup() {
        ContainerConfigRow row = backfill(null, "{\"provider\": \"codex\"}").row();

        assertThat(row.agentGroupId()).isEqualTo(ID);
        assertThat(row.updatedAt()).isEqualTo(NOW);
        assertThat(row.cliScope()).isEqualTo("group");
    }

    static Stream<Arguments> droppedKeys() {
        return Stream.of(
                arguments("{\"provider\": \"codex\", \"imageTag\": \"x\", \"assistantName\": \"A\","
                        + " \"maxMessagesPerPrompt\": 5, \"skills\": \"all\", \"mcpServers\": {}, \"packages\": {},"
                        + " \"additionalMounts\": [], \"groupName\": \"G\", \"agentGroupId\": \"ag-old\"}", List.of()),
                arguments("{\"provider\": \"opencode\", \"env\": {\"OLLAMA_HOST\": \"h\"}, \"blockedHosts\": [\"x\"]}",
                        List.of("env", "blockedHosts")),
                arguments("{\"model\": \"m\", \"effort\": \"high\"}", List.of("model", "effort")),
                arguments("{\"providers\": {}, \"packages\": {\"apt\": [], \"pip\": [\"x\"], \"npm\": [],"
                        + " \"cargo\": []}}",
                        List.of("providers", "packages.pip", "packages.cargo")),
                arguments("{\"packages\": [\"ffmpeg\"]}", List.of("packages")),
                arguments("{\"packages\": null}", List.of()),
                arguments("{\"mcpServers\": {\"cal\": {\"env\": {\"T\": \"s\"}}}}", List.of()));
    }

    @ParameterizedTest(name = "{0} drops {1}")
    @MethodSource("droppedKeys")
    void keysWithoutAColumnAreDropped(String fileText, List<String> expected) {
        BackfillResult result = backfill(null, fileText);

        assertThat(result.droppedKeys()).containsExactlyElementsOf(expected);
        assertThat(result.fileContentLost()).isFalse();
    }

    // --- no file, an unusable file ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MISSING", "FOLDER_MISSING", "FOLDER_INVALID"})
    void withoutAFileTheRowHasDefaultsAndTheGroupsProvider(ConfigFileState state) {
        BackfillResult result = Backfill.of(ID, "codex", absent(state), NOW);

        assertThat(result.row()).isEqualTo(withProvider(ContainerConfigRow.defaults(ID, NOW), "codex"));
        assertThat(result.fileContentLost()).isFalse();
        assertThat(result.droppedKeys()).isEmpty();
        assertThat(Backfill.of(ID, null, absent(state), NOW).row()).isEqualTo(ContainerConfigRow.defaults(ID, NOW));
        assertThat(Backfill.of(ID, null, null, NOW).row()).isEqualTo(ContainerConfigRow.defaults(ID, NOW));
    }

    static Stream<Arguments> unusableFiles() {
        return Stream.of(
                arguments("truncated JSON", "{\n  \"provider\": \"claude\",\n  \"skills\": \"all\",\n"),
                arguments("a byte-order mark", "\uFEFF{\"provider\": \"codex\"}"),
                arguments("a trailing comma", "{\"provider\": \"codex\",}"),
                arguments("a comment", "// mine\n{\"provider\": \"codex\"}"),
                arguments("empty", ""),
                arguments("an array", "[{\"provider\": \"codex\"}]"),
                arguments("a string", "\"codex\""),
                arguments("a number", "42"),
                arguments("a boolean", "true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableFiles")
    void anUnusableFileGivesDefaultsAndItsContentIsLost(String what, String fileText) {
        BackfillResult result = backfill("claude", fileText);

        assertThat(result.fails()).isFalse();
        assertThat(result.fileContentLost()).isTrue();
        assertThat(result.row()).isEqualTo(withProvider(ContainerConfigRow.defaults(ID, NOW), "claude"));
        assertThat(backfill(null, fileText).provider()).as("the file's provider is not read").isNull();
    }

    @Test
    void anUnreadableFileGivesDefaultsAndItsContentIsLost() {
        BackfillResult result = Backfill.of(ID, null, absent(ConfigFileState.UNREADABLE), NOW);

        assertThat(result.row()).isEqualTo(ContainerConfigRow.defaults(ID, NOW));
        assertThat(result.fileContentLost()).isTrue();
    }

    @Test
    void aNullFileIsNotLostContentButAFailure() {
        BackfillResult result = backfill(null, "null");

        assertThat(result.fileContentLost()).isFalse();
        assertThat(result.droppedKeys()).isEmpty();
    }

    // --- SQLite's own conversions, checked against SQLite ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {5, 0, 1.5, -3, 100, 0.1, 0.3, 2.0 / 3, 123.456, 49.47, 1e14, 1e15, 1e16, 1e17, 1e21, 1e-4,
            1e-5, 1e-7, 1e100, 1e300, 2.5e-300, 9.944932e+31, 123456789012345678d, 9007199254740993d, 999999999999999.9,
            Double.MAX_VALUE, Double.MIN_VALUE})
    void aRealInATextColumnIsWhatSqliteStores(double value) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE t (v TEXT)");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO t VALUES (?)")) {
                insert.setDouble(1, value);
                insert.executeUpdate();
            }
            try (ResultSet rs = ddl.executeQuery("SELECT v, typeof(v) FROM t")) {
                rs.next();
                assertThat(rs.getString(2)).isEqualTo("text");
                assertThat(SqliteStorage.realAsText(value)).isEqualTo(rs.getString(1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"20", " 20 ", "+5", "-0", "20.0", "1e3", "2.5", ".5", "5.", "twenty", "", "0x10", "20abc",
            "1e", "99999999999999999999", "9223372036854775807", "-9223372036854775808", "1e20", "\t7\n"})
    void textInTheIntegerColumnIsWhatSqliteStores(String value) throws Exception {
        assertThat(SqliteStorage.integerAffinity(value)).isEqualTo(sqliteInteger(insert -> insert.setString(1, value)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {20, 0, -5, 2.5, 1e18, 1e20, 9.223372036854775807E18, -9.223372036854775808E18, 1e-3})
    void aRealInTheIntegerColumnIsWhatSqliteStores(double value) throws Exception {
        assertThat(SqliteStorage.integerAffinity(value)).isEqualTo(sqliteInteger(insert -> insert.setDouble(1, value)));
    }

    interface Binder {
        void bind(PreparedStatement insert) throws Exception;
    }

    private static Object sqliteInteger(Binder binder) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE t (v INTEGER)");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO t VALUES (?)")) {
                binder.bind(insert);
                insert.executeUpdate();
            }
            try (ResultSet rs = ddl.executeQuery("SELECT v, typeof(v) FROM t")) {
                rs.next();
                return switch (rs.getString(2)) {
                    case "integer" -> rs.getLong(1);
                    case "real" -> rs.getDouble(1);
                    default -> rs.getString(1);
                };
            }
        }
    }

    private static ContainerConfigRow withProvider(ContainerConfigRow row, String provider) {
        return new ContainerConfigRow(row.agentGroupId(), provider, row.model(), row.effort(), row.imageTag(),
                row.assistantName(), row.maxMessagesPerPrompt(), row.skills(), row.mcpServers(), row.packagesApt(),
                row.packagesNpm(), row.additionalMounts(), row.updatedAt(), row.cliScope());
    }
}
