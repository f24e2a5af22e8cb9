package io.nanoclaw.admin.drift;

import static io.nanoclaw.admin.drift.RuleTestSupport.*;
import static io.nanoclaw.admin.drift.FindingKind.ASSISTANT_NAME_EMPTY;
import static io.nanoclaw.admin.drift.FindingKind.BACKFILL_WILL_FAIL;
import static io.nanoclaw.admin.drift.FindingKind.CLI_SCOPE_INVALID;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_FIELD_INVALID;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_FILE_DIVERGES_FROM_DB;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_FILE_MALFORMED;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_FILE_MISSING;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_FILE_UNREADABLE;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_ROW_INVALID;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_ROW_MISSING;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_ROW_ORPHANED;
import static io.nanoclaw.admin.drift.FindingKind.GROUP_FOLDER_INVALID;
import static io.nanoclaw.admin.drift.FindingKind.GROUP_FOLDER_MISSING;
import static io.nanoclaw.admin.drift.FindingKind.GROUP_PROVIDER_MISMATCH;
import static io.nanoclaw.admin.drift.FindingKind.IDENTITY_STALE;
import static io.nanoclaw.admin.drift.FindingKind.LEGACY_GROUP_PROVIDER_IGNORED;
import static io.nanoclaw.admin.drift.FindingKind.MODEL_NOT_USED;
import static io.nanoclaw.admin.drift.FindingKind.MOUNT_NOT_ALLOWED;
import static io.nanoclaw.admin.drift.FindingKind.PROVIDER_EMPTY_STRING;
import static io.nanoclaw.admin.drift.FindingKind.PROVIDER_NOT_NORMALIZED;
import static io.nanoclaw.admin.drift.FindingKind.PROVIDER_UNKNOWN;
import static io.nanoclaw.admin.drift.FindingKind.SESSION_OVERRIDE_REDUNDANT;
import static io.nanoclaw.admin.drift.FindingKind.SESSION_PROVIDER_MISMATCH;
import static io.nanoclaw.admin.drift.FindingKind.UNKNOWN_KEYS_AT_RISK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.ParseError;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.Materializer;
import io.nanoclaw.admin.drift.DriftRules.GroupInput;
import io.nanoclaw.admin.drift.DriftRules.GroupResult;
import io.nanoclaw.admin.drift.DriftRules.SessionOverride;
import io.nanoclaw.admin.install.InstallEra;
import io.nanoclaw.admin.providers.KnownProviders;

/**
 * The DB-config era's half of the catalogue ({@code reference/drift-kinds.md}, "The DB-config era"), kind by kind,
 * against {@link DbEraRules#judge(GroupInput)}. The {@code container_configs} row is the source; container.json is
 * judged against the document the host would write from it. In the container.json texts below, {@code $ID} and
 * {@code $NAME} stand for the group row's id and name.
 */
class DbEraRulesTest {

    static final String UPDATED_AT = "2026-05-10T08:00:00.050Z";


    final DriftRules rules = new DbEraRules(KNOWN, NO_ALLOWLIST);

    // ---- inputs -------------------------------------------------------------------------------------------------

    /** A {@code container_configs} row: NanoClaw's defaults for the group, with single columns changed. */
    static final class Row {

        private String provider;
        private String model;
        private String effort;
        private String imageTag;
        private String assistantName;
        private Object maxMessagesPerPrompt;
        private String skills = "\"all\"";
        private String mcpServers = "{}";
        private String packagesApt = "[]";
        private String packagesNpm = "[]";
        private String additionalMounts = "[]";
        private String cliScope = "group";

        Row provider(String value) {
            provider = value;
            return this;
        }

        Row model(String value) {
            model = value;
            return this;
        }

        Row effort(String value) {
            effort = value;
            return this;
        }

        Row imageTag(String value) {
            imageTag = value;
            return this;
        }

        Row assistantName(String value) {
            assistantName = value;
            return this;
        }

        Row maxMessagesPerPrompt(Object value) {
            maxMessagesPerPrompt = value;
            return this;
        }

        Row cliScope(String value) {
            cliScope = value;
            return this;
        }

        Row additionalMounts(String json) {
            additionalMounts = json;
            return this;
        }

        /** Sets a JSON column, or {@code max_messages_per_prompt}, by its SQL name. */
        Row column(String column, Object value) {
            switch (column) {
                case "skills" -> skills = (String) value;
                case "mcp_servers" -> mcpServers = (String) value;
                case "packages_apt" -> packagesApt = (String) value;
                case "packages_npm" -> packagesNpm = (String) value;
                case "additional_mounts" -> additionalMounts = (String) value;
                case "max_messages_per_prompt" -> maxMessagesPerPrompt = value;
                default -> throw new IllegalArgumentException("not a column here: " + column);
            }
            return this;
        }

        ContainerConfigRow build() {
            return new ContainerConfigRow(ID, provider, model, effort, imageTag, assistantName, maxMessagesPerPrompt,
                    skills, mcpServers, packagesApt, packagesNpm, additionalMounts, UPDATED_AT, cliScope);
        }
    }

    static Row row() {
        return new Row();
    }

    static Row row(String provider) {
        return new Row().provider(provider);
    }


    static ContainerConfigFile file(String json) {
        return read(FOLDER, utf8(json.replace("$ID", ID).replace("$NAME", NAME)));
    }


    /** The document the host writes from this row at the next spawn. */
    static ContainerConfigDocument materialized(Row row) {
        return Materializer.materialize(ID, NAME, row.build()).document();
    }

    /** container.json exactly as the last spawn wrote it from this row (byte for byte). */
    static ContainerConfigFile written(Row row) {
        return read(FOLDER, Materializer.materialize(ID, NAME, row.build()).bytes());
    }

    /** container.json as the host wrote it from this row, then hand-edited: {@code key} set to this JSON value. */
    static ContainerConfigFile writtenWith(Row row, String key, String jsonValue) {
        return fileOf(materialized(row).with(key, json(jsonValue)));
    }

    /** container.json as the host wrote it from this row, then hand-edited: {@code key} removed. */
    static ContainerConfigFile writtenWithout(Row row, String key) {
        return fileOf(materialized(row).without(key));
    }

    /** As written from this row, with {@code provider} set to this JSON value ({@code absent}: no key). */
    static ContainerConfigFile writtenWithProvider(Row row, String jsonValue) {
        return "absent".equals(jsonValue) ? writtenWithout(row, "provider") : writtenWith(row, "provider", jsonValue);
    }

    static ContainerConfigFile fileOf(ContainerConfigDocument document) {
        return read(FOLDER, ContainerConfigFormat.renderBytes(document));
    }

    static JsonNode json(String value) {
        return ContainerConfigFormat.parse(utf8("{\"v\": " + value + "}")).document().field("v").orElseThrow();
    }

    static GroupInput group(String legacy, Row row, ContainerConfigFile file, SessionOverride... sessions) {
        return new GroupInput(ID, NAME, FOLDER, legacy, file, List.of(sessions), row == null ? null : row.build());
    }

    /** A group whose row the last spawn wrote into container.json, untouched since. */
    static GroupInput group(Row row, SessionOverride... sessions) {
        return group(null, row, written(row), sessions);
    }

    /** A group without a {@code container_configs} row. */
    static GroupInput rowless(String legacy, ContainerConfigFile file, SessionOverride... sessions) {
        return group(legacy, null, file, sessions);
    }

    static GroupInput groupInFolder(String folder, Row row, ContainerConfigFile file) {
        return new GroupInput(ID, NAME, folder, null, file, List.of(), row == null ? null : row.build());
    }




    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- outputs ------------------------------------------------------------------------------------------------

    GroupResult judge(GroupInput input) {
        return rules.judge(input);
    }




    // ---- the catalogue as a table -------------------------------------------------------------------------------

    static Stream<Arguments> oneScenarioPerKind() {
        return Stream.of(
                arguments(Named.of("file runs another provider than the row",
                        group(null, row("codex"), writtenWithout(row("codex"), "provider"))),
                        CONFIG_FILE_DIVERGES_FROM_DB, Severity.ERROR,
                        List.of(Fix.MATERIALIZE_FROM_DB, Fix.IMPORT_FILE_INTO_DB), GroupStatus.DRIFTED),
                arguments(Named.of("file with a key the row cannot hold",
                        group(null, row(), writtenWith(row(), "env", "{\"A\": \"1\"}"))),
                        CONFIG_FILE_DIVERGES_FROM_DB, Severity.WARNING,
                        List.of(Fix.MATERIALIZE_FROM_DB, Fix.IMPORT_FILE_INTO_DB), GroupStatus.DRIFTED),
                arguments(Named.of("malformed file", group(null, row(), file("{\"provider\": \"claude\",}"))),
                        CONFIG_FILE_DIVERGES_FROM_DB, Severity.WARNING, List.of(Fix.MATERIALIZE_FROM_DB),
                        GroupStatus.DRIFTED),
                arguments(Named.of("legacy provider ignored", group("codex", row(), written(row()))),
                        LEGACY_GROUP_PROVIDER_IGNORED, Severity.INFO, List.of(Fix.CLEAR_LEGACY_PROVIDER),
                        GroupStatus.ALIGNED),
                arguments(Named.of("no config row", rowless(null, file("{}"))),
                        CONFIG_ROW_MISSING, Severity.ERROR, List.of(Fix.CREATE_CONFIG_ROW), GroupStatus.BROKEN),
                arguments(Named.of("back-fill will fail", rowless(null, file("{\"imageTag\": true}"))),
                        BACKFILL_WILL_FAIL, Severity.ERROR, List.of(Fix.CREATE_CONFIG_ROW), GroupStatus.BROKEN),
                arguments(Named.of("row invalid", group(null, row().column("skills", "all"), written(row()))),
                        CONFIG_ROW_INVALID, Severity.ERROR, List.of(), GroupStatus.BROKEN),
                arguments(Named.of("assistant name empty", group(row().assistantName(""))),
                        ASSISTANT_NAME_EMPTY, Severity.WARNING, List.of(Fix.NORMALIZE_ASSISTANT_NAME),
                        GroupStatus.DRIFTED),
                arguments(Named.of("cli scope invalid", group(row().cliScope("admin"))),
                        CLI_SCOPE_INVALID, Severity.ERROR, List.of(), GroupStatus.DRIFTED),
                arguments(Named.of("model with codex", group(row("codex").model("o3"))),
                        MODEL_NOT_USED, Severity.INFO, List.of(), GroupStatus.ALIGNED),
                arguments(Named.of("active session mismatch", group(row("codex"), active("claude"))),
                        SESSION_PROVIDER_MISMATCH, Severity.ERROR,
                        List.of(Fix.CLEAR_SESSION_OVERRIDE, Fix.PROMOTE_SESSION_OVERRIDE), GroupStatus.DRIFTED),
                arguments(Named.of("closed session mismatch", group(row("codex"), closed("claude"))),
                        SESSION_PROVIDER_MISMATCH, Severity.INFO,
                        List.of(Fix.CLEAR_SESSION_OVERRIDE, Fix.PROMOTE_SESSION_OVERRIDE), GroupStatus.ALIGNED),
                arguments(Named.of("redundant override", group(row("codex"), active("codex"))),
                        SESSION_OVERRIDE_REDUNDANT, Severity.INFO, List.of(Fix.CLEAR_SESSION_OVERRIDE),
                        GroupStatus.ALIGNED),
                arguments(Named.of("row provider unknown", group(row("gemini"))),
                        PROVIDER_UNKNOWN, Severity.ERROR, List.of(), GroupStatus.BROKEN),
                arguments(Named.of("active override unknown", group(row(), active("gemini"))),
                        PROVIDER_UNKNOWN, Severity.ERROR, List.of(Fix.CLEAR_SESSION_OVERRIDE), GroupStatus.DRIFTED),
                arguments(Named.of("upper-case row provider", group(row("Codex"))),
                        PROVIDER_NOT_NORMALIZED, Severity.INFO, List.of(Fix.NORMALIZE_PROVIDER), GroupStatus.ALIGNED),
                arguments(Named.of("empty row provider", group(row(""))),
                        PROVIDER_EMPTY_STRING, Severity.INFO, List.of(Fix.NORMALIZE_PROVIDER), GroupStatus.ALIGNED),
                arguments(Named.of("no container.json", group(null, row(), state(ConfigFileState.MISSING))),
                        CONFIG_FILE_MISSING, Severity.INFO, List.of(Fix.MATERIALIZE_FROM_DB), GroupStatus.ALIGNED),
                arguments(Named.of("folder missing", group(null, row(), state(ConfigFileState.FOLDER_MISSING))),
                        GROUP_FOLDER_MISSING, Severity.ERROR, List.of(Fix.RECREATE_GROUP_FOLDER), GroupStatus.BROKEN),
                arguments(Named.of("folder invalid",
                        groupInFolder("global", row(), state(ConfigFileState.FOLDER_INVALID))),
                        GROUP_FOLDER_INVALID, Severity.ERROR, List.of(), GroupStatus.BROKEN),
                arguments(Named.of("row mount without an allowlist",
                        group(row().additionalMounts("[{\"hostPath\": \"/srv/data\"}]"))),
                        MOUNT_NOT_ALLOWED, Severity.ERROR, List.of(), GroupStatus.DRIFTED));
    }

    @ParameterizedTest(name = "{0} -> {1} {2} {3}, group {4}")
    @MethodSource("oneScenarioPerKind")
    void eachKindHasTheCatalogueSeverityFixesAndGroupStatus(GroupInput input, FindingKind kind, Severity severity,
            List<Fix> fixes, GroupStatus groupStatus) {
        GroupResult result = judge(input);

        Finding finding = only(result, kind);
        assertThat(finding.severity()).isEqualTo(severity);
        assertThat(finding.fixes()).containsExactlyElementsOf(fixes);
        assertThat(finding.groupId()).isEqualTo(ID);
        assertThat(finding.folder()).isEqualTo(input.folder());
        assertThat(status(result)).isEqualTo(groupStatus);
    }

    @Test
    void everyKindOfTheTableIsADbEraKind() {
        assertThat(oneScenarioPerKind().map(a -> (FindingKind) a.get()[1]))
                .allSatisfy(kind -> assertThat(FindingKind.ofEra(InstallEra.DB_CONFIG)).contains(kind));
    }

    // ---- CONFIG_FILE_DIVERGES_FROM_DB -------------------------------------------------------------------------

    @Nested
    class ConfigFileDivergesFromDb {

        /**
         * row provider ('null' = NULL) | container.json provider as JSON ('absent' = no key), everything else as the
         * host wrote it | severity of the divergence ('none' = no finding) | the row's runner.
         */
        @ParameterizedTest(name = "row={0} file={1} -> {2}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                null      | absent     | none    | claude
                null      | "claude"   | WARNING | claude
                null      | "Claude"   | WARNING | claude
                null      | ""         | WARNING | claude
                null      | false      | WARNING | claude
                null      | "codex"    | ERROR   | claude
                ''        | absent     | WARNING | claude
                ''        | ""         | none    | claude
                ''        | "claude"   | WARNING | claude
                ''        | "codex"    | ERROR   | claude
                claude    | absent     | WARNING | claude
                claude    | "claude"   | none    | claude
                codex     | "codex"    | none    | codex
                codex     | "Codex"    | WARNING | codex
                codex     | "CODEX"    | WARNING | codex
                Codex     | "codex"    | WARNING | codex
                Codex     | "Codex"    | none    | codex
                CODEX     | "cOdEx"    | WARNING | codex
                codex     | absent     | ERROR   | codex
                codex     | ""         | ERROR   | codex
                codex     | "claude"   | ERROR   | codex
                codex     | false      | ERROR   | codex
                codex     | 5          | ERROR   | codex
                claude    | 5          | WARNING | claude
                opencode  | "codex"    | ERROR   | opencode
                'codex '  | "codex"    | ERROR   | 'codex '
                codex     | "codex "   | ERROR   | codex
                """)
        void theSeverityIsAnErrorExactlyWhenTheFilesRunnerProviderIsNotTheRows(String rowProvider,
                String fileProvider, String severity, String runner) {
            Row row = row(rowProvider);

            GroupResult result = judge(group(null, row, writtenWithProvider(row, fileProvider)));

            assertThat(result.drift().runnerProvider()).as("the row decides the runner").isEqualTo(runner);
            if (severity.equals("none")) {
                assertThat(kinds(result)).doesNotContain(CONFIG_FILE_DIVERGES_FROM_DB);
            } else {
                Finding finding = only(result, CONFIG_FILE_DIVERGES_FROM_DB);
                assertThat(finding.severity()).isEqualTo(Severity.valueOf(severity));
                assertThat(finding.fixes()).containsExactly(Fix.MATERIALIZE_FROM_DB, Fix.IMPORT_FILE_INTO_DB);
                assertThat(finding.runnerProvider()).isEqualTo(runner);
            }
        }

        @Test
        void aFileThatRunsAnotherProviderIsAnErrorThatShowsBothValues() {
            GroupResult result = judge(group(null, row("codex"), writtenWith(row("codex"), "provider", "\"opencode\"")));

            Finding finding = only(result, CONFIG_FILE_DIVERGES_FROM_DB);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.dbValue()).isEqualTo("codex");
            assertThat(finding.fileValue()).isEqualTo("opencode");
            assertThat(finding.hostProvider()).isEqualTo("codex");
            assertThat(finding.runnerProvider()).isEqualTo("codex");
            assertThat(finding.fixes()).containsExactly(Fix.MATERIALIZE_FROM_DB, Fix.IMPORT_FILE_INTO_DB);
            assertThat(finding.message()).contains("provider");
            assertThat(kinds(result)).containsExactly(CONFIG_FILE_DIVERGES_FROM_DB);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void aFileWithoutProviderAgainstARowProviderHasNoFileValue() {
            GroupResult result = judge(group(null, row("codex"), writtenWithout(row("codex"), "provider")));

            Finding finding = only(result, CONFIG_FILE_DIVERGES_FROM_DB);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.dbValue()).isEqualTo("codex");
            assertThat(finding.fileValue()).isNull();
        }

        @Test
        void aFileWithoutProviderAgainstARowNullIsNoDifference() {
            GroupResult result = judge(group(null, row(), file("{\"mcpServers\": {}, \"packages\": {\"apt\": [],"
                    + " \"npm\": []}, \"additionalMounts\": [], \"skills\": \"all\", \"groupName\": \"$NAME\","
                    + " \"assistantName\": \"$NAME\", \"agentGroupId\": \"$ID\"}")));

            assertThat(result.findings()).isEmpty();
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void anUpperCaseFileProviderOfTheRowsProviderIsOnlyAWarning() {
            GroupResult result = judge(group(null, row("codex"), writtenWith(row("codex"), "provider", "\"Codex\"")));

            Finding finding = only(result, CONFIG_FILE_DIVERGES_FROM_DB);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.dbValue()).isEqualTo("codex");
            assertThat(finding.fileValue()).isEqualTo("Codex");
            assertThat(kinds(result)).as("only the row's provider and sessions are checked for normal form")
                    .containsExactly(CONFIG_FILE_DIVERGES_FROM_DB);
        }

        static Stream<Named<ContainerConfigFile>> filesThatDifferInAnythingButTheRunner() {
            Row row = row();
            return Stream.of(
                    Named.of("an extra key env", writtenWith(row, "env", "{\"OPENAI_BASE_URL\": \"http://x\"}")),
                    Named.of("an extra key blockedHosts", writtenWith(row, "blockedHosts", "[\"api.anthropic.com\"]")),
                    Named.of("an unknown key with an empty value", writtenWith(row, "note", "\"\"")),
                    Named.of("skills changed", writtenWith(row, "skills", "[\"web-search\"]")),
                    Named.of("an MCP server added", writtenWith(row, "mcpServers",
                            "{\"fs\": {\"command\": \"npx\"}}")),
                    Named.of("packages changed", writtenWith(row, "packages", "{\"apt\": [\"ripgrep\"], \"npm\": []}")),
                    Named.of("a key of packages added", writtenWith(row, "packages",
                            "{\"apt\": [], \"npm\": [], \"pip\": []}")),
                    Named.of("a mount added", writtenWith(row, "additionalMounts", "[{\"hostPath\": \"/srv\"}]")),
                    Named.of("an image tag added", writtenWith(row, "imageTag", "\"nanoclaw-agent:v2\"")),
                    Named.of("an assistant name edited", writtenWith(row, "assistantName", "\"Andy\"")),
                    Named.of("a stale group name", writtenWith(row, "groupName", "\"Old name\"")),
                    Named.of("a stale group id", writtenWith(row, "agentGroupId", "\"ag-0-old\"")),
                    Named.of("maxMessagesPerPrompt added", writtenWith(row, "maxMessagesPerPrompt", "10")),
                    Named.of("a model added", writtenWith(row, "model", "\"opus\"")),
                    Named.of("skills missing", writtenWithout(row, "skills")),
                    Named.of("the identity missing", fileOf(materialized(row).without("groupName")
                            .without("assistantName").without("agentGroupId"))),
                    Named.of("an empty object", file("{}")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("filesThatDifferInAnythingButTheRunner")
        void anyOtherDifferenceIsAWarningWithBothFixes(ContainerConfigFile file) {
            GroupResult result = judge(group(null, row(), file));

            Finding finding = only(result, CONFIG_FILE_DIVERGES_FROM_DB);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.fixes()).containsExactly(Fix.MATERIALIZE_FROM_DB, Fix.IMPORT_FILE_INTO_DB);
            assertThat(finding.dbValue()).isNull();
            assertThat(finding.hostProvider()).isEqualTo("claude");
            assertThat(finding.runnerProvider()).isEqualTo("claude");
            assertThat(kinds(result)).containsExactly(CONFIG_FILE_DIVERGES_FROM_DB);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void aRowColumnTheFileLacksIsADifferenceToo() {
            Row row = row("codex").imageTag("nanoclaw-agent-v2-research:" + ID).maxMessagesPerPrompt(20L);

            GroupResult result = judge(group(null, row, writtenWithout(row, "imageTag")));

            assertThat(only(result, CONFIG_FILE_DIVERGES_FROM_DB).severity()).isEqualTo(Severity.WARNING);
        }

        @Test
        void theMessageNamesTheKeysThatDiffer() {
            GroupResult result = judge(group(null, row(), writtenWith(row(), "env", "{}")));

            assertThat(only(result, CONFIG_FILE_DIVERGES_FROM_DB).message()).contains("env");
        }

        static Stream<Named<byte[]>> unusableFiles() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
            return Stream.of(
                    Named.of("a trailing comma", utf8("{\"provider\": \"codex\",}")),
                    Named.of("a byte-order mark", bom),
                    Named.of("an empty file", new byte[0]),
                    Named.of("a comment", utf8("// hand edit\n{\"provider\": \"codex\"}")),
                    Named.of("truncated", utf8("{\"provider\": \"codex\", \"mcpServers\": {")),
                    Named.of("a top-level array", utf8("[{\"provider\": \"codex\"}]")),
                    Named.of("a top-level string", utf8("\"codex\"")),
                    Named.of("a top-level number", utf8("42")),
                    Named.of("a top-level null", utf8("null")));
        }

        @ParameterizedTest(name = "{0}, row provider NULL")
        @MethodSource("unusableFiles")
        void anUnusableFileAlwaysDiffersReadsAsClaudeAndCanOnlyBeMaterialized(byte[] bytes) {
            ContainerConfigFile file = read(FOLDER, bytes);
            assertThat(file.state()).isIn(ConfigFileState.MALFORMED, ConfigFileState.NOT_AN_OBJECT);

            GroupResult result = judge(group(null, row(), file));

            Finding finding = only(result, CONFIG_FILE_DIVERGES_FROM_DB);
            assertThat(finding.severity()).as("claude on both sides").isEqualTo(Severity.WARNING);
            assertThat(finding.fixes()).containsExactly(Fix.MATERIALIZE_FROM_DB);
            assertThat(finding.fileValue()).isNull();
            assertThat(kinds(result)).containsExactly(CONFIG_FILE_DIVERGES_FROM_DB);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @ParameterizedTest(name = "{0}, row provider codex")
        @MethodSource("unusableFiles")
        void anUnusableFileAgainstANonClaudeRowSwitchesTheRunnerEvenWhenItsTextNamesTheRowsProvider(byte[] bytes) {
            GroupResult result = judge(group(null, row("codex"), read(FOLDER, bytes)));

            Finding finding = only(result, CONFIG_FILE_DIVERGES_FROM_DB);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.fixes()).containsExactly(Fix.MATERIALIZE_FROM_DB);
            assertThat(finding.dbValue()).isEqualTo("codex");
            assertThat(finding.runnerProvider()).isEqualTo("codex");
            assertThat(status(result)).as("the file is no source: drifted, not broken").isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void anUnreadableFileDiffersToo() {
            GroupResult result = judge(group(null, row("codex"), state(ConfigFileState.UNREADABLE)));

            Finding finding = only(result, CONFIG_FILE_DIVERGES_FROM_DB);
            assertThat(finding.severity()).as("it reads as claude, the row says codex").isEqualTo(Severity.ERROR);
            assertThat(finding.fixes()).containsExactly(Fix.MATERIALIZE_FROM_DB);
            assertThat(finding.message()).contains("cannot be used");
        }

        @Test
        void theFileAsTheHostWroteItIsNoDifference() {
            Row row = row("codex").model("o3").effort("high").imageTag("nanoclaw-agent:v2").assistantName("Andy")
                    .maxMessagesPerPrompt(20L).column("skills", "[\"web-search\",\"pdf\"]")
                    .column("mcp_servers", "{\"fs\":{\"command\":\"npx\",\"args\":[\"-y\",\"fs\"]}}")
                    .column("packages_apt", "[\"ripgrep\"]").column("packages_npm", "[\"left-pad\"]");

            GroupResult result = judge(group(null, row, written(row)));

            assertThat(kinds(result)).doesNotContain(CONFIG_FILE_DIVERGES_FROM_DB);
        }

        @Test
        void keysInAnotherOrderAndOtherSpacingAreNoDifference() {
            Row row = row("codex").maxMessagesPerPrompt(20L)
                    .column("mcp_servers", "{\"fs\":{\"command\":\"npx\",\"args\":[\"-y\"]}}");

            GroupResult result = judge(group(null, row, file("{\"agentGroupId\":\"$ID\",\"provider\":\"codex\","
                    + "\"maxMessagesPerPrompt\":20,\"assistantName\":\"$NAME\",\"groupName\":\"$NAME\","
                    + "\"skills\":\"all\",\"additionalMounts\":[],\"packages\":{\"npm\":[],\"apt\":[]},"
                    + "\"mcpServers\":{\"fs\":{\"args\":[\"-y\"],\"command\":\"npx\"}}}")));

            assertThat(result.findings()).isEmpty();
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @ParameterizedTest(name = "file maxMessagesPerPrompt {0}")
        @ValueSource(strings = {"20", "20.0", "2e1", "20.000", "2.0E1"})
        void numbersAreComparedByValue(String fileValue) {
            Row row = row().maxMessagesPerPrompt(20L);

            GroupResult result = judge(group(null, row, writtenWith(row, "maxMessagesPerPrompt", fileValue)));

            assertThat(kinds(result)).doesNotContain(CONFIG_FILE_DIVERGES_FROM_DB);
        }

        @ParameterizedTest(name = "file maxMessagesPerPrompt {0}")
        @ValueSource(strings = {"\"20\"", "21", "20.5", "null"})
        void anotherNumberOrANumberAsTextIsADifference(String fileValue) {
            Row row = row().maxMessagesPerPrompt(20L);

            GroupResult result = judge(group(null, row, writtenWith(row, "maxMessagesPerPrompt", fileValue)));

            assertThat(only(result, CONFIG_FILE_DIVERGES_FROM_DB).severity()).isEqualTo(Severity.WARNING);
        }

        @Test
        void numbersInsideAJsonColumnAreComparedByValueToo() {
            Row row = row().column("mcp_servers", "{\"fs\":{\"command\":\"npx\",\"timeout\":20}}");

            GroupResult result = judge(group(null, row,
                    writtenWith(row, "mcpServers", "{\"fs\": {\"command\": \"npx\", \"timeout\": 20.0}}")));

            assertThat(kinds(result)).doesNotContain(CONFIG_FILE_DIVERGES_FROM_DB);
        }

        @Test
        void anAssistantNameNullReadsAsTheGroupsName() {
            GroupResult result = judge(group(null, row(), writtenWith(row(), "assistantName", "\"" + NAME + "\"")));

            assertThat(result.findings()).isEmpty();
        }

        @Test
        void noDifferenceForAGroupWithoutARow() {
            GroupResult result = judge(rowless(null, file("{\"provider\": \"codex\", \"env\": {}}")));

            assertThat(kinds(result)).doesNotContain(CONFIG_FILE_DIVERGES_FROM_DB)
                    .doesNotContain(LEGACY_GROUP_PROVIDER_IGNORED);
        }

        @Test
        void noDifferenceForAGroupWithoutARowAndAMalformedFile() {
            GroupResult result = judge(rowless(null, file("{,}")));

            assertThat(kinds(result)).containsExactly(CONFIG_ROW_MISSING);
        }

        @ParameterizedTest(name = "invalid {0}")
        @CsvSource(delimiter = '|', textBlock = """
                skills            | all
                skills            | "none"
                mcp_servers       | {
                mcp_servers       | []
                packages_apt      | "ripgrep"
                additional_mounts | ["/srv"]
                """)
        void noDifferenceForARowThatCannotBeTurnedIntoADocument(String column, String value) {
            Row row = row("codex").column(column, value);

            GroupResult result = judge(group(null, row, file("{\"provider\": \"opencode\", \"env\": {}}")));

            assertThat(kinds(result)).contains(CONFIG_ROW_INVALID).doesNotContain(CONFIG_FILE_DIVERGES_FROM_DB);
        }

        @Test
        void noDifferenceWithoutAFileButAnInformationThatTheHostWritesIt() {
            GroupResult result = judge(group(null, row("codex"), state(ConfigFileState.MISSING)));

            Finding finding = only(result, CONFIG_FILE_MISSING);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.fixes()).containsExactly(Fix.MATERIALIZE_FROM_DB);
            assertThat(finding.runnerProvider()).isEqualTo("codex");
            assertThat(kinds(result)).containsExactly(CONFIG_FILE_MISSING);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void noDifferenceWithoutAFolder() {
            GroupResult result = judge(group(null, row("codex"), state(ConfigFileState.FOLDER_MISSING)));

            assertThat(kinds(result)).containsExactly(GROUP_FOLDER_MISSING);
        }
    }

    // ---- LEGACY_GROUP_PROVIDER_IGNORED ------------------------------------------------------------------------

    @Nested
    class LegacyGroupProviderIgnored {

        /** agent_groups.agent_provider | container_configs.provider | reported */
        @ParameterizedTest(name = "legacy={0} row={1} -> {2}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                codex    | null     | true
                codex    | ''       | true
                codex    | claude   | true
                opencode | codex    | true
                ' '      | null     | true
                'codex ' | codex    | true
                codex    | 'codex ' | true
                codex    | codex    | false
                Codex    | codex    | false
                CODEX    | Codex    | false
                codex    | CODEX    | false
                claude   | null     | false
                Claude   | null     | false
                claude   | ''       | false
                ''       | codex    | false
                ''       | null     | false
                null     | codex    | false
                null     | null     | false
                """)
        void theLegacyColumnIsReportedWhenItsLowerCaseIsNotTheRowsRunnerProvider(String legacy, String rowProvider,
                boolean reported) {
            Row row = row(rowProvider);

            GroupResult result = judge(group(legacy, row, written(row)));

            assertThat(kinds(result).contains(LEGACY_GROUP_PROVIDER_IGNORED)).isEqualTo(reported);
            assertThat(kinds(result)).doesNotContain(GROUP_PROVIDER_MISMATCH);
        }

        @Test
        void theFindingShowsTheLegacyValueAndTheRowsRunner() {
            GroupResult result = judge(group("Codex", row(), written(row())));

            Finding finding = only(result, LEGACY_GROUP_PROVIDER_IGNORED);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.dbValue()).isEqualTo("Codex");
            assertThat(finding.hostProvider()).isEqualTo("claude");
            assertThat(finding.runnerProvider()).isEqualTo("claude");
            assertThat(finding.fixes()).containsExactly(Fix.CLEAR_LEGACY_PROVIDER);
            assertThat(kinds(result)).as("the legacy column is not checked for normal form")
                    .containsExactly(LEGACY_GROUP_PROVIDER_IGNORED);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void aGroupWithoutARowGetsNoLegacyFindingBecauseTheColumnFeedsTheBackfill() {
            GroupResult result = judge(rowless("codex", file("{\"provider\": \"opencode\"}")));

            assertThat(kinds(result)).doesNotContain(LEGACY_GROUP_PROVIDER_IGNORED);
            assertThat(result.drift().runnerProvider()).as("the back-fill stores the legacy column").isEqualTo("codex");
        }

        @Test
        void theLegacyColumnMovesNeitherSide() {
            GroupResult result = judge(group("opencode", row("codex"), written(row("codex"))));

            assertThat(result.drift().hostProvider()).isEqualTo("codex");
            assertThat(result.drift().runnerProvider()).isEqualTo("codex");
        }
    }

    // ---- CONFIG_ROW_MISSING -----------------------------------------------------------------------------------

    @Nested
    class ConfigRowMissing {

        @Test
        void aGroupWithoutARowIsBrokenUntilTheNextHostStart() {
            GroupResult result = judge(rowless(null, file("{\"provider\": \"codex\"}")));

            Finding finding = only(result, CONFIG_ROW_MISSING);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.fixes()).containsExactly(Fix.CREATE_CONFIG_ROW);
            assertThat(finding.dbValue()).as("the provider the back-fill would store").isEqualTo("codex");
            assertThat(finding.fileValue()).isEqualTo("codex");
            assertThat(finding.hostProvider()).isEqualTo("codex");
            assertThat(finding.runnerProvider()).isEqualTo("codex");
            assertThat(kinds(result)).containsExactly(CONFIG_ROW_MISSING);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void aFolderWithoutAFileIsReportedToo() {
            GroupResult result = judge(rowless(null, state(ConfigFileState.MISSING)));

            assertThat(kinds(result)).containsExactlyInAnyOrder(CONFIG_ROW_MISSING, CONFIG_FILE_MISSING);
            Finding missing = only(result, CONFIG_FILE_MISSING);
            assertThat(missing.severity()).isEqualTo(Severity.INFO);
            assertThat(missing.fixes()).as("there is no row to materialize").doesNotContain(Fix.MATERIALIZE_FROM_DB);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void aMissingFolderIsNoMissingFile() {
            GroupResult result = judge(rowless(null, state(ConfigFileState.FOLDER_MISSING)));

            assertThat(kinds(result)).containsExactlyInAnyOrder(CONFIG_ROW_MISSING, GROUP_FOLDER_MISSING);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void aGroupWithARowHasNoMissingRow() {
            assertThat(kinds(judge(group(row())))).doesNotContain(CONFIG_ROW_MISSING);
            assertThat(kinds(judge(group(null, row(), state(ConfigFileState.MISSING))))).doesNotContain(CONFIG_ROW_MISSING);
        }
    }

    // ---- BACKFILL_WILL_FAIL -----------------------------------------------------------------------------------

    @Nested
    class BackfillWillFail {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "null",
                " \n null \n",
                "{\"imageTag\": true}",
                "{\"imageTag\": false}",
                "{\"imageTag\": {\"tag\": \"x\"}}",
                "{\"imageTag\": []}",
                "{\"assistantName\": true}",
                "{\"assistantName\": false}",
                "{\"assistantName\": {\"name\": \"Andy\"}}",
                "{\"assistantName\": [\"Andy\"]}",
                "{\"maxMessagesPerPrompt\": true}",
                "{\"maxMessagesPerPrompt\": false}",
                "{\"maxMessagesPerPrompt\": {}}",
                "{\"maxMessagesPerPrompt\": [10]}",
                "{\"provider\": true}",
                "{\"provider\": {\"name\": \"codex\"}}",
                "{\"provider\": [\"codex\"]}",
                "{\"provider\": []}"})
        void aFileTheBackfillCannotStoreStopsTheHostStart(String json) {
            GroupResult result = judge(rowless(null, file(json)));

            Finding finding = only(result, BACKFILL_WILL_FAIL);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.fixes()).containsExactly(Fix.CREATE_CONFIG_ROW);
            assertThat(finding.message()).contains("Startup failed");
            assertThat(kinds(result)).containsExactlyInAnyOrder(CONFIG_ROW_MISSING, BACKFILL_WILL_FAIL);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @ParameterizedTest(name = "legacy codex, {0}")
        @ValueSource(strings = {
                "{\"provider\": true}",
                "{\"provider\": {\"name\": \"opencode\"}}",
                "{\"provider\": [\"opencode\"]}"})
        void aWrongTypedFileProviderIsHarmlessWhileTheLegacyColumnIsSet(String json) {
            GroupResult result = judge(rowless("codex", file(json)));

            assertThat(kinds(result)).containsExactly(CONFIG_ROW_MISSING);
            assertThat(result.drift().runnerProvider()).isEqualTo("codex");
        }

        @ParameterizedTest(name = "legacy '', {0}")
        @ValueSource(strings = {"{\"provider\": true}", "{\"provider\": {}}", "{\"provider\": [\"x\"]}"})
        void anEmptyLegacyColumnCountsAsUnset(String json) {
            assertThat(kinds(judge(rowless("", file(json))))).contains(BACKFILL_WILL_FAIL);
        }

        @ParameterizedTest(name = "legacy codex, {0}")
        @ValueSource(strings = {
                "null",
                "{\"imageTag\": true}",
                "{\"assistantName\": {}}",
                "{\"maxMessagesPerPrompt\": [1]}"})
        void theLegacyColumnDoesNotSaveTheOtherFields(String json) {
            assertThat(kinds(judge(rowless("codex", file(json))))).contains(BACKFILL_WILL_FAIL);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "{}",
                "{\"provider\": false}",
                "{\"provider\": 0}",
                "{\"provider\": \"\"}",
                "{\"provider\": null}",
                "{\"provider\": 5}",
                "{\"provider\": \"gemini\"}",
                "{\"imageTag\": null}",
                "{\"imageTag\": \"\"}",
                "{\"imageTag\": 5}",
                "{\"assistantName\": \"\"}",
                "{\"assistantName\": null}",
                "{\"maxMessagesPerPrompt\": 0}",
                "{\"maxMessagesPerPrompt\": \"20\"}",
                "{\"maxMessagesPerPrompt\": -1}",
                "{\"maxMessagesPerPrompt\": null}",
                "{\"skills\": \"none\"}",
                "{\"skills\": true}",
                "{\"mcpServers\": []}",
                "{\"packages\": \"x\"}",
                "{\"additionalMounts\": {}}",
                "{\"model\": true, \"effort\": {}}",
                "{\"env\": true}",
                "[]",
                "[null]",
                "\"null\"",
                "42",
                "true",
                "false",
                "{\"provider\": \"codex\",}",
                ""})
        void whatTheBackfillStoresOrSkipsIsNoFailure(String json) {
            GroupResult result = judge(rowless(null, file(json)));

            assertThat(kinds(result)).contains(CONFIG_ROW_MISSING).doesNotContain(BACKFILL_WILL_FAIL);
        }

        @Test
        void noFileAndNoFolderAreNoFailure() {
            assertThat(kinds(judge(rowless(null, state(ConfigFileState.MISSING))))).doesNotContain(BACKFILL_WILL_FAIL);
            assertThat(kinds(judge(rowless(null, state(ConfigFileState.FOLDER_MISSING)))))
                    .doesNotContain(BACKFILL_WILL_FAIL);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"null", "{\"imageTag\": true}", "{\"provider\": true}"})
        void aGroupWithARowIsNeverBackfilled(String json) {
            GroupResult result = judge(group(null, row(), file(json)));

            assertThat(kinds(result)).doesNotContain(BACKFILL_WILL_FAIL, CONFIG_ROW_MISSING)
                    .contains(CONFIG_FILE_DIVERGES_FROM_DB);
        }
    }

    // ---- a group without a row is judged with the back-fill's row --------------------------------------------

    @Nested
    class RowlessGroup {

        @Test
        void aBackfilledUnknownProviderBreaksTheGroup() {
            GroupResult result = judge(rowless(null, file("{\"provider\": \"gemini\"}")));

            Finding finding = only(result, PROVIDER_UNKNOWN);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.dbValue()).isEqualTo("gemini");
            assertThat(finding.runnerProvider()).isEqualTo("gemini");
            assertThat(finding.message()).contains("row the back-fill would create");
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void theLegacyColumnWinsOverTheFileInTheBackfill() {
            GroupResult result = judge(rowless("gemini", file("{\"provider\": \"codex\"}")));

            assertThat(only(result, PROVIDER_UNKNOWN).runnerProvider()).isEqualTo("gemini");
        }

        @Test
        void aPaddedBackfilledProviderIsStoredAsWrittenAndNamesNoProvider() {
            GroupResult result = judge(rowless(null, file("{\"provider\": \"codex \"}")));

            assertThat(only(result, PROVIDER_UNKNOWN).runnerProvider()).isEqualTo("codex ");
        }

        @Test
        void aNumericFileProviderIsStoredAsSqliteText() {
            GroupResult result = judge(rowless(null, file("{\"provider\": 5}")));

            assertThat(only(result, PROVIDER_UNKNOWN).runnerProvider()).isEqualTo("5.0");
        }

        /** agent_groups.agent_provider | file provider (JSON, 'absent' = no key) | the pair the back-fill's row gives */
        @ParameterizedTest(name = "legacy={0} file={1} -> {2}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                null   | absent     | claude
                null   | "codex"    | codex
                null   | "Codex"    | codex
                null   | ""         | claude
                null   | false      | claude
                null   | 0          | claude
                ''     | "opencode" | opencode
                codex  | absent     | codex
                CODEX  | "opencode" | codex
                """)
        void theDefaultPairIsTheBackfilledProvider(String legacy, String fileProvider, String provider) {
            ContainerConfigFile file = file("absent".equals(fileProvider) ? "{}" : "{\"provider\": " + fileProvider + "}");

            GroupResult result = judge(rowless(legacy, file));

            assertThat(result.drift().hostProvider()).isEqualTo(provider);
            assertThat(result.drift().runnerProvider()).isEqualTo(provider);
            assertThat(kinds(result)).doesNotContain(PROVIDER_UNKNOWN, GROUP_PROVIDER_MISMATCH,
                    LEGACY_GROUP_PROVIDER_IGNORED, CONFIG_FILE_DIVERGES_FROM_DB);
        }

        @Test
        void sessionKindsUseTheBackfilledProvider() {
            GroupResult result = judge(rowless(null, file("{\"provider\": \"codex\"}"),
                    session("sess-1-claude", "claude", "active"),
                    session("sess-2-codex", "codex", "active")));

            Finding mismatch = only(result, SESSION_PROVIDER_MISMATCH);
            assertThat(mismatch.sessionId()).isEqualTo("sess-1-claude");
            assertThat(mismatch.severity()).isEqualTo(Severity.ERROR);
            assertThat(mismatch.hostProvider()).isEqualTo("claude");
            assertThat(mismatch.runnerProvider()).isEqualTo("codex");
            assertThat(only(result, SESSION_OVERRIDE_REDUNDANT).sessionId()).isEqualTo("sess-2-codex");
        }

        @Test
        void sessionKindsUseTheLegacyColumnWhereTheBackfillTakesIt() {
            GroupResult result = judge(rowless("opencode", file("{}"), active("opencode")));

            assertThat(kinds(result)).containsExactlyInAnyOrder(CONFIG_ROW_MISSING, SESSION_OVERRIDE_REDUNDANT);
        }

        @Test
        void anUnknownActiveOverrideOfARowlessGroupIsReported() {
            GroupResult result = judge(rowless(null, file("{}"), active("gemini")));

            assertThat(result.findings()).filteredOn(f -> f.kind() == PROVIDER_UNKNOWN)
                    .extracting(Finding::sessionId).containsExactly("sess-1714000000001-act001");
        }

        @Test
        void aFileThatDiffersFromTheBackfillsRowIsNoDifferenceAndItsModelIsNeverStored() {
            GroupResult result = judge(rowless("codex", file("{\"provider\": \"opencode\", \"model\": \"o3\","
                    + " \"effort\": \"high\", \"env\": {}, \"blockedHosts\": []}")));

            assertThat(kinds(result)).containsExactly(CONFIG_ROW_MISSING);
        }
    }

    // ---- CONFIG_ROW_INVALID -----------------------------------------------------------------------------------

    @Nested
    class ConfigRowInvalid {

        static Stream<Arguments> invalidColumns() {
            return Stream.of(
                    arguments("skills", "all"),
                    arguments("skills", ""),
                    arguments("skills", "[\"web\",]"),
                    arguments("skills", "\"none\""),
                    arguments("skills", "\"ALL\""),
                    arguments("skills", "{}"),
                    arguments("skills", "[1]"),
                    arguments("skills", "[\"web\",null]"),
                    arguments("skills", "true"),
                    arguments("mcp_servers", "{"),
                    arguments("mcp_servers", "{'fs': {}}"),
                    arguments("mcp_servers", "[]"),
                    arguments("mcp_servers", "\"fs\""),
                    arguments("mcp_servers", "null"),
                    arguments("packages_apt", "["),
                    arguments("packages_apt", "\"ripgrep\""),
                    arguments("packages_apt", "[1]"),
                    arguments("packages_apt", "{}"),
                    arguments("packages_npm", "['left-pad']"),
                    arguments("packages_npm", "\"left-pad\""),
                    arguments("packages_npm", "[true]"),
                    arguments("additional_mounts", "[{\"hostPath\":\"/srv\"},]"),
                    arguments("additional_mounts", "{}"),
                    arguments("additional_mounts", "\"/srv\""),
                    arguments("additional_mounts", "[\"/srv\"]"),
                    arguments("additional_mounts", "[{}]"),
                    arguments("additional_mounts", "[{\"containerPath\":\"srv\"}]"),
                    arguments("additional_mounts", "[{\"hostPath\":5}]"),
                    arguments("max_messages_per_prompt", "10"),
                    arguments("max_messages_per_prompt", "ten"),
                    arguments("max_messages_per_prompt", ""),
                    arguments("max_messages_per_prompt", 1.5d));
        }

        @ParameterizedTest(name = "{0} = {1}")
        @MethodSource("invalidColumns")
        void aColumnOfTheWrongJsonOrTypeBreaksTheGroup(String column, Object value) {
            GroupResult result = judge(group(null, row().column(column, value), written(row())));

            Finding finding = only(result, CONFIG_ROW_INVALID);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.fixes()).as("the remedy is editing the row").isEmpty();
            assertThat(finding.message()).contains(column);
            assertThat(kinds(result)).containsExactly(CONFIG_ROW_INVALID);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        static Stream<Arguments> validColumns() {
            return Stream.of(
                    arguments("skills", "\"all\""),
                    arguments("skills", "[]"),
                    arguments("skills", "[\"web-search\",\"pdf\"]"),
                    arguments("skills", " \"all\" "),
                    arguments("mcp_servers", "{}"),
                    arguments("mcp_servers", "{\"fs\":{\"command\":\"npx\",\"args\":[\"-y\"]}}"),
                    arguments("packages_apt", "[\"ripgrep\",\"jq\"]"),
                    arguments("packages_npm", "[]"),
                    arguments("additional_mounts", "[]"),
                    arguments("max_messages_per_prompt", null),
                    arguments("max_messages_per_prompt", 10L),
                    arguments("max_messages_per_prompt", 0L),
                    arguments("max_messages_per_prompt", -1L),
                    arguments("max_messages_per_prompt", -100L));
        }

        @ParameterizedTest(name = "{0} = {1}")
        @MethodSource("validColumns")
        void aColumnOfTheRightTypeIsValid(String column, Object value) {
            Row row = row().column(column, value);

            GroupResult result = judge(group(null, row, written(row)));

            assertThat(result.findings()).isEmpty();
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "[{\"hostPath\":\"/srv\"}]",
                "[{\"hostPath\":\"/srv\",\"containerPath\":\"srv\",\"readonly\":false}]"})
        void aMountNeedsOnlyAStringHostPath(String mounts) {
            Row row = row().additionalMounts(mounts);

            GroupResult result = judge(group(null, row, written(row)));

            assertThat(kinds(result)).doesNotContain(CONFIG_ROW_INVALID).contains(MOUNT_NOT_ALLOWED);
        }

        @Test
        void everyInvalidColumnIsItsOwnFinding() {
            Row row = row().column("skills", "\"none\"").column("mcp_servers", "{").column("max_messages_per_prompt",
                    "10");

            GroupResult result = judge(group(null, row, written(row())));

            assertThat(result.findings()).filteredOn(f -> f.kind() == CONFIG_ROW_INVALID).hasSize(3)
                    .extracting(Finding::message)
                    .anySatisfy(m -> assertThat(m).contains("skills"))
                    .anySatisfy(m -> assertThat(m).contains("mcp_servers"))
                    .anySatisfy(m -> assertThat(m).contains("max_messages_per_prompt"));
        }

        @Test
        void anInvalidRowStillHasItsOtherRowFindings() {
            Row row = row("Codex").column("skills", "all").assistantName("").cliScope("admin").model("o3");

            GroupResult result = judge(group("opencode", row, state(ConfigFileState.MISSING)));

            assertThat(kinds(result)).containsExactlyInAnyOrder(CONFIG_ROW_INVALID, ASSISTANT_NAME_EMPTY,
                    CLI_SCOPE_INVALID, LEGACY_GROUP_PROVIDER_IGNORED, MODEL_NOT_USED, PROVIDER_NOT_NORMALIZED,
                    CONFIG_FILE_MISSING);
            assertThat(only(result, CONFIG_FILE_MISSING).fixes()).as("nothing can be materialized").isEmpty();
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void theMountsOfAnInvalidRowAreNotJudged() {
            Row row = row().additionalMounts("[{\"hostPath\":\"/srv\"}]").column("skills", "all");

            GroupResult result = judge(group(null, row, written(row())));

            assertThat(kinds(result)).containsExactly(CONFIG_ROW_INVALID);
        }
    }

    // ---- ASSISTANT_NAME_EMPTY ---------------------------------------------------------------------------------

    @Nested
    class AssistantNameEmpty {

        @Test
        void anEmptyAssistantNameIsAWarning() {
            GroupResult result = judge(group(row().assistantName("")));

            Finding finding = only(result, ASSISTANT_NAME_EMPTY);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.fixes()).containsExactly(Fix.NORMALIZE_ASSISTANT_NAME);
            assertThat(finding.message()).contains(NAME);
            assertThat(kinds(result)).containsExactly(ASSISTANT_NAME_EMPTY);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @ParameterizedTest(name = "assistant_name={0}")
        @CsvSource(nullValues = "null", value = {"null", "' '", "Andy", "Research"})
        void anyOtherAssistantNameIsFine(String assistantName) {
            GroupResult result = judge(group(row().assistantName(assistantName)));

            assertThat(result.findings()).isEmpty();
        }

        @Test
        void anEmptyAssistantNameInTheFileAloneIsADifferenceNotAnEmptyName() {
            GroupResult result = judge(group(null, row(), writtenWith(row(), "assistantName", "\"\"")));

            assertThat(kinds(result)).containsExactly(CONFIG_FILE_DIVERGES_FROM_DB);
        }
    }

    // ---- CLI_SCOPE_INVALID ------------------------------------------------------------------------------------

    @Nested
    class CliScopeInvalid {

        @ParameterizedTest(name = "cli_scope=''{0}''")
        @ValueSource(strings = {"Global", "GROUP", "Disabled", "admin", "all", "none", "", " ", "group ", " global"})
        void aScopeOutsideTheThreeValuesIsAnErrorThatDriftsTheGroup(String scope) {
            GroupResult result = judge(group(row().cliScope(scope)));

            Finding finding = only(result, CLI_SCOPE_INVALID);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.fixes()).as("the remedy is editing the row").isEmpty();
            assertThat(finding.message()).contains(scope);
            assertThat(kinds(result)).containsExactly(CLI_SCOPE_INVALID);
            assertThat(status(result)).as("unrestricted ncl access, but the group runs").isEqualTo(GroupStatus.DRIFTED);
        }

        @ParameterizedTest(name = "cli_scope={0}")
        @ValueSource(strings = {"disabled", "group", "global"})
        void theThreeScopesAreValid(String scope) {
            assertThat(judge(group(row().cliScope(scope))).findings()).isEmpty();
        }
    }

    // ---- CONFIG_ROW_ORPHANED ----------------------------------------------------------------------------------

    @Nested
    class ConfigRowOrphaned {

        @Test
        void aRowWithoutAGroupIsInformationFoundByTheScanner() {
            ContainerConfigRow orphan = new ContainerConfigRow("ag-0-deleted", "Codex", null, null, null, null, null,
                    "\"all\"", "{}", "[]", "[]", "[]", UPDATED_AT, "group");

            Finding finding = DriftRules.configRowOrphaned(orphan);

            assertThat(finding.kind()).isEqualTo(CONFIG_ROW_ORPHANED);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.groupId()).isEqualTo("ag-0-deleted");
            assertThat(finding.folder()).isNull();
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.concernsSession()).isFalse();
            assertThat(finding.dbValue()).isEqualTo("Codex");
            assertThat(finding.fileValue()).isNull();
            assertThat(finding.message()).contains("ag-0-deleted");
            assertThat(finding.fixes()).as("deleting the row is not a fix code").isEmpty();
        }

        @Test
        void theGroupRulesNeverReportIt() {
            assertThat(kinds(judge(group(row())))).doesNotContain(CONFIG_ROW_ORPHANED);
            assertThat(kinds(judge(rowless(null, file("{}"))))).doesNotContain(CONFIG_ROW_ORPHANED);
        }
    }

    // ---- MODEL_NOT_USED ---------------------------------------------------------------------------------------

    @Nested
    class ModelNotUsed {

        /** provider | model | effort | reported */
        @ParameterizedTest(name = "provider={0} model={1} effort={2} -> {3}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                codex    | o3    | null  | true
                codex    | null  | high  | true
                codex    | o3    | high  | true
                opencode | gpt-5 | null  | true
                Codex    | o3    | null  | true
                mock     | opus  | null  | true
                codex    | ''    | ''    | false
                codex    | null  | null  | false
                codex    | ''    | null  | false
                null     | opus  | high  | false
                ''       | opus  | null  | false
                claude   | opus  | high  | false
                Claude   | opus  | null  | false
                """)
        void aModelOrEffortIsUnusedUnlessTheRowsRunnerIsClaude(String provider, String model, String effort,
                boolean reported) {
            GroupResult result = judge(group(row(provider).model(model).effort(effort)));

            assertThat(kinds(result).contains(MODEL_NOT_USED)).isEqualTo(reported);
        }

        @Test
        void theFindingIsInformationWithoutAFixCode() {
            GroupResult result = judge(group(row("codex").model("o3").effort("high")));

            Finding finding = only(result, MODEL_NOT_USED);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.dbValue()).isEqualTo("codex");
            assertThat(finding.runnerProvider()).isEqualTo("codex");
            assertThat(finding.fixes()).isEmpty();
            assertThat(finding.message()).contains("o3", "high");
            assertThat(kinds(result)).containsExactly(MODEL_NOT_USED);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void aSessionOverrideDoesNotChangeTheRunner() {
            GroupResult result = judge(group(row().model("opus"), active("codex")));

            assertThat(kinds(result)).doesNotContain(MODEL_NOT_USED);
        }
    }

    // ---- SESSION_PROVIDER_MISMATCH ----------------------------------------------------------------------------

    @Nested
    class SessionProviderMismatch {

        @Test
        void anActiveSessionWhoseOverrideOnlyTheHostSeesIsAnError() {
            GroupResult result = judge(group(row("codex"), active("claude")));

            Finding finding = only(result, SESSION_PROVIDER_MISMATCH);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isEqualTo("sess-1714000000001-act001");
            assertThat(finding.concernsSession()).isTrue();
            assertThat(finding.dbValue()).isEqualTo("claude");
            assertThat(finding.hostProvider()).isEqualTo("claude");
            assertThat(finding.runnerProvider()).isEqualTo("codex");
            assertThat(finding.fixes()).containsExactly(Fix.CLEAR_SESSION_OVERRIDE, Fix.PROMOTE_SESSION_OVERRIDE);
            assertThat(kinds(result)).containsExactly(SESSION_PROVIDER_MISMATCH);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
            assertThat(result.drift().hostProvider()).as("the default pair has no override").isEqualTo("codex");
            assertThat(result.drift().runnerProvider()).isEqualTo("codex");
        }

        @Test
        void aClosedSessionsMismatchIsOnlyInformation() {
            GroupResult result = judge(group(row("codex"), closed("claude")));

            assertThat(only(result, SESSION_PROVIDER_MISMATCH).severity()).isEqualTo(Severity.INFO);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @ParameterizedTest(name = "status {0} -> {1}")
        @CsvSource(nullValues = "null", value = {"active, ERROR", "closed, INFO", "ACTIVE, INFO", "null, INFO"})
        void onlyTheExactStatusActiveMakesItAnError(String sessionStatus, Severity severity) {
            GroupResult result = judge(group(row(), session("sess-1-x", "opencode", sessionStatus)));

            assertThat(only(result, SESSION_PROVIDER_MISMATCH).severity()).isEqualTo(severity);
        }

        /** legacy | row provider | file provider (JSON) | override | mismatch */
        @ParameterizedTest(name = "legacy={0} row={1} file={2} override={3} -> {4}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                null   | null   | absent   | codex    | true
                null   | codex  | "codex"  | claude   | true
                null   | null   | "codex"  | codex    | true
                codex  | null   | absent   | codex    | true
                null   | codex  | "codex"  | 'codex ' | true
                null   | ''     | ""       | codex    | true
                null   | codex  | "codex"  | codex    | false
                null   | codex  | "codex"  | CODEX    | false
                null   | Codex  | "Codex"  | codex    | false
                null   | null   | absent   | claude   | false
                null   | ''     | ""       | claude   | false
                opencode | null | "opencode" | claude | false
                """)
        void theOverrideIsComparedWithTheRowsRunnerNeverWithTheFileOrTheLegacyColumn(String legacy, String rowProvider,
                String fileProvider, String override, boolean mismatch) {
            Row row = row(rowProvider);

            GroupResult result = judge(group(legacy, row, writtenWithProvider(row, fileProvider), active(override)));

            assertThat(kinds(result).contains(SESSION_PROVIDER_MISMATCH)).isEqualTo(mismatch);
        }

        @Test
        void everySessionIsJudgedOnItsOwn() {
            GroupResult result = judge(group(row("codex"),
                    session("sess-1-a", "claude", "active"),
                    session("sess-2-b", "opencode", "closed"),
                    session("sess-3-c", "codex", "active")));

            assertThat(result.findings()).filteredOn(f -> f.kind() == SESSION_PROVIDER_MISMATCH)
                    .extracting(Finding::sessionId, Finding::severity, Finding::hostProvider, Finding::runnerProvider)
                    .containsExactlyInAnyOrder(
                            tuple("sess-1-a", Severity.ERROR, "claude", "codex"),
                            tuple("sess-2-b", Severity.INFO, "opencode", "codex"));
            assertThat(only(result, SESSION_OVERRIDE_REDUNDANT).sessionId()).isEqualTo("sess-3-c");
        }
    }

    // ---- SESSION_OVERRIDE_REDUNDANT ---------------------------------------------------------------------------

    @Nested
    class SessionOverrideRedundant {

        /** row provider | override | redundant */
        @ParameterizedTest(name = "row={0} override={1} -> redundant={2}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                null   | claude   | true
                null   | CLAUDE   | true
                ''     | claude   | true
                claude | Claude   | true
                codex  | codex    | true
                Codex  | codex    | true
                codex  | CODEX    | true
                null   | codex    | false
                ''     | codex    | false
                codex  | claude   | false
                codex  | 'codex ' | false
                'codex ' | codex  | false
                """)
        void anOverrideIsRedundantWhenItEqualsTheRowsProviderAfterLowerCasing(String rowProvider, String override,
                boolean redundant) {
            GroupResult result = judge(group(row(rowProvider), active(override)));

            assertThat(kinds(result).contains(SESSION_OVERRIDE_REDUNDANT)).isEqualTo(redundant);
        }

        @Test
        void aRedundantOverrideIsInformationWithTheClearFix() {
            GroupResult result = judge(group(row("codex"), active("codex")));

            Finding finding = only(result, SESSION_OVERRIDE_REDUNDANT);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.sessionId()).isEqualTo("sess-1714000000001-act001");
            assertThat(finding.dbValue()).isEqualTo("codex");
            assertThat(finding.hostProvider()).isEqualTo("codex");
            assertThat(finding.runnerProvider()).isEqualTo("codex");
            assertThat(finding.fixes()).containsExactly(Fix.CLEAR_SESSION_OVERRIDE);
            assertThat(kinds(result)).containsExactly(SESSION_OVERRIDE_REDUNDANT);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }
    }

    // ---- PROVIDER_UNKNOWN -------------------------------------------------------------------------------------

    @Nested
    class ProviderUnknown {

        @ParameterizedTest(name = "row provider ''{0}''")
        @ValueSource(strings = {"gemini", "openai", "codex ", " codex", " ", "Gemini", "claude-code"})
        void aRowProviderTheRunnerDoesNotKnowBreaksTheGroup(String provider) {
            GroupResult result = judge(group(row(provider)));

            Finding finding = only(result, PROVIDER_UNKNOWN);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.dbValue()).isEqualTo(provider);
            assertThat(finding.runnerProvider()).isEqualTo(provider.toLowerCase(java.util.Locale.ROOT));
            assertThat(finding.message()).contains("container_configs row");
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void aPaddedProviderIsLowerCasedButNotTrimmed() {
            GroupResult result = judge(group(row("Codex ")));

            assertThat(only(result, PROVIDER_UNKNOWN).runnerProvider()).isEqualTo("codex ");
            assertThat(result.drift().hostProvider()).isEqualTo("codex ");
            assertThat(kinds(result)).containsExactlyInAnyOrder(PROVIDER_UNKNOWN, PROVIDER_NOT_NORMALIZED);
        }

        @ParameterizedTest(name = "row provider {0}")
        @CsvSource(nullValues = "null", value = {"null", "''", "claude", "codex", "CODEX", "opencode", "mock"})
        void aKnownOrUnsetRowProviderIsNotUnknown(String provider) {
            assertThat(kinds(judge(group(row(provider))))).doesNotContain(PROVIDER_UNKNOWN);
        }

        @Test
        void theFileAndTheLegacyColumnAreNeverJudgedForUnknownProviders() {
            GroupResult result = judge(group("gemini", row(), writtenWith(row(), "provider", "\"gemini\"")));

            assertThat(kinds(result)).doesNotContain(PROVIDER_UNKNOWN);
            assertThat(status(result)).isNotEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void anActiveSessionOverrideTheHostDoesNotKnowIsAnErrorThatDriftsTheGroup() {
            GroupResult result = judge(group(row(), active("gemini")));

            Finding finding = only(result, PROVIDER_UNKNOWN);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isEqualTo("sess-1714000000001-act001");
            assertThat(finding.dbValue()).isEqualTo("gemini");
            assertThat(finding.hostProvider()).isEqualTo("gemini");
            assertThat(finding.runnerProvider()).isEqualTo("claude");
            assertThat(finding.fixes()).containsExactly(Fix.CLEAR_SESSION_OVERRIDE);
            assertThat(kinds(result)).containsExactlyInAnyOrder(PROVIDER_UNKNOWN, SESSION_PROVIDER_MISMATCH);
            assertThat(status(result)).as("the runner's provider is known").isEqualTo(GroupStatus.DRIFTED);
        }

        @ParameterizedTest(name = "override ''{0}''")
        @ValueSource(strings = {"codex ", "Gemini", " "})
        void anActiveOverrideIsLookedUpLowerCasedAndUntrimmed(String override) {
            GroupResult result = judge(group(row(), active(override)));

            assertThat(result.findings()).filteredOn(f -> f.kind() == PROVIDER_UNKNOWN)
                    .extracting(Finding::sessionId).containsExactly("sess-1714000000001-act001");
        }

        @ParameterizedTest(name = "override {0}")
        @ValueSource(strings = {"CODEX", "Claude", "opencode"})
        void aKnownOverrideInAnyCaseIsNotUnknown(String override) {
            assertThat(kinds(judge(group(row(), active(override))))).doesNotContain(PROVIDER_UNKNOWN);
        }

        @Test
        void aClosedSessionsUnknownOverrideIsNeverUsed() {
            GroupResult result = judge(group(row(), closed("gemini")));

            assertThat(kinds(result)).containsExactly(SESSION_PROVIDER_MISMATCH);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void theRowIsJudgedAgainstTheInstallsRunnerRegistrations() {
            KnownProviders attached = new KnownProviders(Set.of("claude", "codex", "mock"), "runner index",
                    Set.of("codex"), "host index");
            DriftRules attachedRules = new DbEraRules(attached, NO_ALLOWLIST);

            GroupResult result = attachedRules.judge(group(row("opencode")));

            assertThat(only(result, PROVIDER_UNKNOWN).runnerProvider()).isEqualTo("opencode");
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }
    }

    // ---- PROVIDER_NOT_NORMALIZED ------------------------------------------------------------------------------

    @Nested
    class ProviderNotNormalized {

        @Test
        void anUpperCaseRowProviderWorksAndIsOnlyInformation() {
            GroupResult result = judge(group(row("Codex")));

            Finding finding = only(result, PROVIDER_NOT_NORMALIZED);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.dbValue()).isEqualTo("Codex");
            assertThat(finding.hostProvider()).isEqualTo("codex");
            assertThat(finding.runnerProvider()).isEqualTo("codex");
            assertThat(finding.fixes()).containsExactly(Fix.NORMALIZE_PROVIDER);
            assertThat(kinds(result)).containsExactly(PROVIDER_NOT_NORMALIZED);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void anUpperCaseSessionOverrideIsReportedForTheSession() {
            GroupResult result = judge(group(row(), active("Claude")));

            Finding finding = only(result, PROVIDER_NOT_NORMALIZED);
            assertThat(finding.sessionId()).isEqualTo("sess-1714000000001-act001");
            assertThat(finding.dbValue()).isEqualTo("Claude");
            assertThat(finding.fixes()).containsExactly(Fix.NORMALIZE_PROVIDER);
            assertThat(kinds(result)).containsExactlyInAnyOrder(PROVIDER_NOT_NORMALIZED, SESSION_OVERRIDE_REDUNDANT);
        }

        @Test
        void theRowAndTheSessionAreReportedSeparately() {
            GroupResult result = judge(group(row("CODEX"), active("Codex")));

            assertThat(result.findings()).filteredOn(f -> f.kind() == PROVIDER_NOT_NORMALIZED)
                    .extracting(Finding::sessionId, Finding::dbValue)
                    .containsExactlyInAnyOrder(tuple(null, "CODEX"), tuple("sess-1714000000001-act001", "Codex"));
        }

        @Test
        void theLegacyColumnAndTheFileAreNotChecked() {
            GroupResult result = judge(group("CODEX", row("codex"), writtenWith(row("codex"), "provider", "\"Codex\"")));

            assertThat(kinds(result)).doesNotContain(PROVIDER_NOT_NORMALIZED);
        }

        @ParameterizedTest(name = "row={0}")
        @CsvSource(nullValues = "null", value = {"codex", "null", "''", "codex-2"})
        void aValueWithoutUpperCaseIsNormal(String provider) {
            GroupResult result = judge(group(row(provider), active(provider == null || provider.isEmpty() ? "codex"
                    : provider)));

            assertThat(kinds(result)).doesNotContain(PROVIDER_NOT_NORMALIZED);
        }
    }

    // ---- PROVIDER_EMPTY_STRING --------------------------------------------------------------------------------

    @Nested
    class ProviderEmptyString {

        @Test
        void anEmptyRowProviderIsUnsetSoBothSidesRunClaude() {
            GroupResult result = judge(group(row("")));

            Finding finding = only(result, PROVIDER_EMPTY_STRING);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.dbValue()).isEmpty();
            assertThat(finding.fixes()).containsExactly(Fix.NORMALIZE_PROVIDER);
            assertThat(kinds(result)).containsExactly(PROVIDER_EMPTY_STRING);
            assertThat(result.drift().hostProvider()).isEqualTo("claude");
            assertThat(result.drift().runnerProvider()).isEqualTo("claude");
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void anEmptySessionOverrideIsUnsetAndNothingElseIsSaidOfIt() {
            GroupResult result = judge(group(row("codex"), active("")));

            Finding finding = only(result, PROVIDER_EMPTY_STRING);
            assertThat(finding.sessionId()).isEqualTo("sess-1714000000001-act001");
            assertThat(finding.dbValue()).isEmpty();
            assertThat(finding.hostProvider()).isEqualTo("codex");
            assertThat(finding.fixes()).containsExactly(Fix.NORMALIZE_PROVIDER);
            assertThat(kinds(result)).containsExactly(PROVIDER_EMPTY_STRING);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void anEmptyLegacyColumnIsNotReported() {
            assertThat(kinds(judge(group("", row(), written(row()))))).doesNotContain(PROVIDER_EMPTY_STRING);
        }

        @Test
        void anEmptyFileProviderIsADifferenceNotAnEmptyDbValue() {
            GroupResult result = judge(group(null, row(), writtenWith(row(), "provider", "\"\"")));

            assertThat(kinds(result)).containsExactly(CONFIG_FILE_DIVERGES_FROM_DB);
        }

        @ParameterizedTest(name = "row={0}")
        @CsvSource(nullValues = "null", value = {"null", "' '", "claude"})
        void onlyTheEmptyStringIsReported(String provider) {
            assertThat(kinds(judge(group(row(provider))))).doesNotContain(PROVIDER_EMPTY_STRING);
        }
    }

    // ---- GROUP_FOLDER_MISSING, GROUP_FOLDER_INVALID -----------------------------------------------------------

    @Nested
    class Folder {

        @Test
        void aMissingFolderBreaksTheGroupWithoutAMissingFileOrADifference() {
            GroupResult result = judge(group(null, row("codex"), state(ConfigFileState.FOLDER_MISSING)));

            Finding finding = only(result, GROUP_FOLDER_MISSING);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.fixes()).containsExactly(Fix.RECREATE_GROUP_FOLDER);
            assertThat(finding.message()).contains("CLAUDE.md");
            assertThat(finding.runnerProvider()).as("the row still decides").isEqualTo("codex");
            assertThat(kinds(result)).containsExactly(GROUP_FOLDER_MISSING);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        static Stream<String> namesNanoclawRejects() {
            return Stream.of("global", "GLOBAL", "../x", "..", "a b", "", "-main", "a/b", "x".repeat(65));
        }

        @ParameterizedTest(name = "''{0}''")
        @MethodSource("namesNanoclawRejects")
        void aFolderNameThatBreaksNanoclawsRulesIsInvalidAndBreaksTheGroup(String folder) {
            GroupResult result = judge(groupInFolder(folder, row(), ContainerConfigFile.absent(folder,
                    ConfigFileState.FOLDER_INVALID, ParseError.of("invalid folder"))));

            Finding finding = only(result, GROUP_FOLDER_INVALID);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.folder()).isEqualTo(folder);
            assertThat(finding.fixes()).isEmpty();
            assertThat(kinds(result)).containsExactly(GROUP_FOLDER_INVALID);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void theNameIsJudgedEvenWhenAFileCouldBeRead() {
            Row row = row();
            ContainerConfigFile file = read("global", Materializer.materialize(ID, NAME, row.build()).bytes());

            GroupResult result = judge(groupInFolder("global", row, file));

            assertThat(kinds(result)).containsExactly(GROUP_FOLDER_INVALID);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void aValidNameTheStoreCannotResolveIsInvalidToo() {
            GroupResult result = judge(group(null, row(), state(ConfigFileState.FOLDER_INVALID)));

            assertThat(kinds(result)).containsExactly(GROUP_FOLDER_INVALID);
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"main", "ops-bot", "A_1", "0day", "global2"})
        void aFolderNameWithinTheRulesIsValid(String folder) {
            Row row = row();
            ContainerConfigFile file = read(folder, Materializer.materialize(ID, NAME, row.build()).bytes());

            assertThat(judge(groupInFolder(folder, row, file)).findings()).isEmpty();
        }
    }

    // ---- MOUNT_NOT_ALLOWED ------------------------------------------------------------------------------------

    /** The row's {@code additional_mounts} against a real allowlist: {@code allowed/project} allowed, {@code outside/data} not. */
    @Nested
    class MountNotAllowed {

        @TempDir
        Path tmp;

        Path allowed;
        Path project;
        Path outside;

        @BeforeEach
        void createFolders() throws IOException {
            allowed = Files.createDirectories(tmp.resolve("allowed"));
            project = Files.createDirectories(allowed.resolve("project"));
            outside = Files.createDirectories(tmp.resolve("outside").resolve("data"));
        }

        MountAllowlist allowingAllowed() throws IOException {
            return MountAllowlist.load(Files.writeString(tmp.resolve("mount-allowlist.json"),
                    "{\"allowedRoots\": [{\"path\": \"" + allowed + "\", \"allowReadWrite\": false}],"
                            + " \"blockedPatterns\": []}"));
        }

        GroupResult judge(MountAllowlist allowlist, Row row) {
            return new DbEraRules(KNOWN, allowlist).judge(group(row));
        }

        static String mount(Path hostPath) {
            return "{\"hostPath\":\"" + hostPath + "\"}";
        }

        @Test
        void aRowMountTheAllowlistRefusesIsAnErrorThatDriftsTheGroup() throws IOException {
            GroupResult result = judge(allowingAllowed(), row().additionalMounts("[" + mount(outside) + "]"));

            Finding finding = only(result, MOUNT_NOT_ALLOWED);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.groupId()).isEqualTo(ID);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.message()).contains(outside.toString(), "under no allowed root");
            assertThat(finding.fixes()).isEmpty();
            assertThat(kinds(result)).containsExactly(MOUNT_NOT_ALLOWED);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void anAllowedRowMountIsNoFinding() throws IOException {
            GroupResult result = judge(allowingAllowed(), row().additionalMounts(
                    "[{\"hostPath\":\"" + project + "\",\"containerPath\":\"project\",\"readonly\":false}]"));

            assertThat(result.findings()).isEmpty();
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void everyRefusedRowMountIsItsOwnFinding() throws IOException {
            Path ssh = Files.createDirectories(allowed.resolve(".ssh"));

            GroupResult result = judge(allowingAllowed(),
                    row().additionalMounts("[" + mount(outside) + "," + mount(project) + "," + mount(ssh) + "]"));

            assertThat(kinds(result)).containsExactly(MOUNT_NOT_ALLOWED, MOUNT_NOT_ALLOWED);
            assertThat(result.findings()).extracting(Finding::message)
                    .anySatisfy(m -> assertThat(m).contains(outside.toString()))
                    .anySatisfy(m -> assertThat(m).contains(ssh.toString()));
        }

        @Test
        void withoutAnAllowlistEveryRowMountIsRefused() {
            GroupResult result = judge(MountAllowlist.load(tmp.resolve("absent.json")),
                    row().additionalMounts("[" + mount(project) + "]"));

            assertThat(kinds(result)).containsExactly(MOUNT_NOT_ALLOWED);
        }

        @Test
        void theFilesMountsAreNotJudgedOnlyTheRows() throws IOException {
            Row row = row();
            GroupResult result = new DbEraRules(KNOWN, allowingAllowed()).judge(group(null, row,
                    writtenWith(row, "additionalMounts", "[" + mount(outside) + "]")));

            assertThat(kinds(result)).containsExactly(CONFIG_FILE_DIVERGES_FROM_DB);
        }

        @Test
        void aMountEntryOfTheWrongTypeIsAnInvalidRowNotARefusedMount() throws IOException {
            GroupResult result = judge(allowingAllowed(), row().additionalMounts("[\"" + project + "\"]"));

            assertThat(kinds(result)).containsExactly(CONFIG_ROW_INVALID);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }
    }

    // ---- the file era's kinds do not apply ---------------------------------------------------------------------

    @Nested
    class FileEraKinds {

        static Stream<Arguments> inputsOfTheFileEraKinds() {
            return Stream.of(
                    arguments(GROUP_PROVIDER_MISMATCH, "codex", file("{}")),
                    arguments(GROUP_PROVIDER_MISMATCH, "codex", file("{\"provider\": \"opencode\"}")),
                    arguments(CONFIG_FILE_MALFORMED, null, file("{\"provider\": \"claude\",}")),
                    arguments(CONFIG_FILE_MALFORMED, null, file("[]")),
                    arguments(CONFIG_FILE_MALFORMED, null, file("null")),
                    arguments(CONFIG_FILE_UNREADABLE, null, state(ConfigFileState.UNREADABLE)),
                    arguments(CONFIG_FIELD_INVALID, null, file("{\"skills\": \"some\"}")),
                    arguments(CONFIG_FIELD_INVALID, null, file("{\"maxMessagesPerPrompt\": 0}")),
                    arguments(CONFIG_FIELD_INVALID, null, file("{\"provider\": false}")),
                    arguments(IDENTITY_STALE, null, file("{\"agentGroupId\": \"ag-0-old\"}")),
                    arguments(IDENTITY_STALE, null, file("{\"groupName\": \"Old name\"}")),
                    arguments(UNKNOWN_KEYS_AT_RISK, null, file("{\"env\": {\"A\": \"1\"}, \"blockedHosts\": []}")));
        }

        @ParameterizedTest(name = "{0}: legacy={1}, file {2}")
        @MethodSource("inputsOfTheFileEraKinds")
        void anInputThatGivesAFileEraKindThereGivesNoneOfThemWithARow(FindingKind kind, String legacy,
                ContainerConfigFile file) {
            GroupResult fileEra = new FileEraRules(KNOWN, NO_ALLOWLIST)
                    .judge(new GroupInput(ID, NAME, FOLDER, legacy, file, List.of()));
            assertThat(kinds(fileEra)).as("the file era reports it").contains(kind);

            GroupResult withRow = judge(group(legacy, row(), file));

            assertThat(kinds(withRow)).doesNotContainAnyElementsOf(notInTheDbEra());
        }

        @ParameterizedTest(name = "{0}: legacy={1}, file {2}")
        @MethodSource("inputsOfTheFileEraKinds")
        void anInputThatGivesAFileEraKindThereGivesNoneOfThemWithoutARow(FindingKind kind, String legacy,
                ContainerConfigFile file) {
            GroupResult rowless = judge(rowless(legacy, file));

            assertThat(kinds(rowless)).doesNotContainAnyElementsOf(notInTheDbEra());
        }

        static List<FindingKind> notInTheDbEra() {
            return List.of(GROUP_PROVIDER_MISMATCH, CONFIG_FILE_MALFORMED, CONFIG_FILE_UNREADABLE, CONFIG_FIELD_INVALID,
                    IDENTITY_STALE, UNKNOWN_KEYS_AT_RISK);
        }

        @Test
        void theDbErasKindListLeavesThemOut() {
            assertThat(FindingKind.ofEra(InstallEra.DB_CONFIG)).doesNotContainAnyElementsOf(notInTheDbEra())
                    .contains(CONFIG_FILE_DIVERGES_FROM_DB, LEGACY_GROUP_PROVIDER_IGNORED, CONFIG_ROW_MISSING,
                            BACKFILL_WILL_FAIL, CONFIG_ROW_INVALID, ASSISTANT_NAME_EMPTY, CLI_SCOPE_INVALID,
                            CONFIG_ROW_ORPHANED, MODEL_NOT_USED, SESSION_PROVIDER_MISMATCH, SESSION_OVERRIDE_REDUNDANT,
                            PROVIDER_UNKNOWN, PROVIDER_NOT_NORMALIZED, PROVIDER_EMPTY_STRING, CONFIG_FILE_MISSING,
                            GROUP_FOLDER_MISSING, GROUP_FOLDER_INVALID, MOUNT_NOT_ALLOWED);
        }

        @Test
        void theRulesOfTheEraAreChosenByTheInstallsEra() {
            assertThat(DriftRules.of(InstallEra.DB_CONFIG, KNOWN, NO_ALLOWLIST)).isInstanceOf(DbEraRules.class);
            assertThat(DriftRules.of(InstallEra.FILE, KNOWN, NO_ALLOWLIST)).isInstanceOf(FileEraRules.class);
        }
    }

    // ---- group status -----------------------------------------------------------------------------------------

    @Nested
    class Status {

        @Test
        void aGroupWhoseFileIsWhatTheRowWritesIsAlignedAndCarriesTheRowsPair() {
            GroupResult result = judge(group(row("codex")));

            assertThat(result.findings()).isEmpty();
            assertThat(result.drift()).isEqualTo(new GroupDrift(ID, FOLDER, GroupStatus.ALIGNED, "codex", "codex"));
        }

        @Test
        void informationAloneLeavesTheGroupAligned() {
            Row row = row("Codex").model("o3");

            GroupResult result = judge(group("opencode", row, state(ConfigFileState.MISSING),
                    session("sess-1-closed", "claude", "closed"),
                    session("sess-2-redundant", "codex", "active"),
                    session("sess-3-empty", "", "active"),
                    session("sess-4-upper", "CODEX", "active")));

            assertThat(kinds(result)).containsExactlyInAnyOrder(LEGACY_GROUP_PROVIDER_IGNORED, MODEL_NOT_USED,
                    CONFIG_FILE_MISSING, PROVIDER_NOT_NORMALIZED, SESSION_PROVIDER_MISMATCH,
                    SESSION_OVERRIDE_REDUNDANT, PROVIDER_EMPTY_STRING, SESSION_OVERRIDE_REDUNDANT,
                    PROVIDER_NOT_NORMALIZED);
            assertThat(result.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void oneWarningDriftsTheGroup() {
            GroupResult result = judge(group(null, row(), writtenWith(row(), "env", "{}")));

            assertThat(only(result, CONFIG_FILE_DIVERGES_FROM_DB).severity()).isEqualTo(Severity.WARNING);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        static Stream<Arguments> breakingInputs() {
            return Stream.of(
                    arguments(Named.of("no row", rowless(null, file("{}"))), CONFIG_ROW_MISSING),
                    arguments(Named.of("back-fill fails", rowless(null, file("null"))), BACKFILL_WILL_FAIL),
                    arguments(Named.of("row invalid", group(null, row().column("mcp_servers", "{"), file("{}"))),
                            CONFIG_ROW_INVALID),
                    arguments(Named.of("folder missing", group(null, row(), state(ConfigFileState.FOLDER_MISSING))),
                            GROUP_FOLDER_MISSING),
                    arguments(Named.of("folder invalid", groupInFolder("..", row(),
                            state(ConfigFileState.FOLDER_INVALID))), GROUP_FOLDER_INVALID),
                    arguments(Named.of("row provider unknown", group(row("gemini"))), PROVIDER_UNKNOWN),
                    arguments(Named.of("back-filled provider unknown", rowless("gemini", file("{}"))),
                            PROVIDER_UNKNOWN));
        }

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("breakingInputs")
        void theCataloguesBreakingKindsBreakTheGroup(GroupInput input, FindingKind kind) {
            GroupResult result = judge(input);

            assertThat(kinds(result)).contains(kind);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        static Stream<Arguments> driftingInputs() {
            return Stream.of(
                    arguments(Named.of("file runs another provider",
                            group(null, row("codex"), writtenWithout(row("codex"), "provider"))),
                            CONFIG_FILE_DIVERGES_FROM_DB),
                    arguments(Named.of("malformed file", group(null, row("codex"), file("{,}"))),
                            CONFIG_FILE_DIVERGES_FROM_DB),
                    arguments(Named.of("assistant name empty", group(row().assistantName(""))), ASSISTANT_NAME_EMPTY),
                    arguments(Named.of("cli scope invalid", group(row().cliScope("Global"))), CLI_SCOPE_INVALID),
                    arguments(Named.of("row mount refused", group(row().additionalMounts("[{\"hostPath\":\"/srv\"}]"))),
                            MOUNT_NOT_ALLOWED),
                    arguments(Named.of("active session mismatch", group(row(), active("codex"))),
                            SESSION_PROVIDER_MISMATCH),
                    arguments(Named.of("active override unknown", group(row(), active("gemini"))), PROVIDER_UNKNOWN));
        }

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("driftingInputs")
        void anyOtherErrorOrWarningDriftsTheGroup(GroupInput input, FindingKind kind) {
            GroupResult result = judge(input);

            assertThat(kinds(result)).contains(kind);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void aBreakingKindOutweighsEveryOtherFinding() {
            GroupResult result = judge(group("opencode", row("codex").column("skills", "all").cliScope("admin"),
                    file("{,}"), active("claude")));

            assertThat(kinds(result)).contains(CONFIG_ROW_INVALID, CLI_SCOPE_INVALID, SESSION_PROVIDER_MISMATCH,
                    LEGACY_GROUP_PROVIDER_IGNORED);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void findingsAreTheGroupsOwn() {
            GroupResult result = judge(group("opencode", row("CODEX").model("o3").assistantName(""),
                    writtenWith(row(), "env", "{}"), active("claude")));

            assertThat(result.findings()).hasSizeGreaterThan(4)
                    .allSatisfy(f -> {
                        assertThat(f.groupId()).isEqualTo(ID);
                        assertThat(f.folder()).isEqualTo(FOLDER);
                    });
        }

        @Test
        void theDbErasBreakingKindsBreakAGroupByTheirKindAlone() {
            assertThat(FindingKind.ofEra(InstallEra.DB_CONFIG).stream().filter(FindingKind::breaksGroup))
                    .as("plus PROVIDER_UNKNOWN for the row's provider, judged by the rules")
                    .containsExactlyInAnyOrder(CONFIG_ROW_MISSING, BACKFILL_WILL_FAIL, CONFIG_ROW_INVALID,
                            GROUP_FOLDER_MISSING, GROUP_FOLDER_INVALID);
        }
    }
}
