package io.nanoclaw.admin.drift;

import static io.nanoclaw.admin.drift.RuleTestSupport.*;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_FIELD_INVALID;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_FILE_MALFORMED;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_FILE_MISSING;
import static io.nanoclaw.admin.drift.FindingKind.CONFIG_FILE_UNREADABLE;
import static io.nanoclaw.admin.drift.FindingKind.GROUP_FOLDER_INVALID;
import static io.nanoclaw.admin.drift.FindingKind.GROUP_FOLDER_MISSING;
import static io.nanoclaw.admin.drift.FindingKind.GROUP_PROVIDER_MISMATCH;
import static io.nanoclaw.admin.drift.FindingKind.IDENTITY_STALE;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.ParseError;
import io.nanoclaw.admin.drift.DriftRules.GroupInput;
import io.nanoclaw.admin.drift.DriftRules.GroupResult;
import io.nanoclaw.admin.drift.DriftRules.SessionOverride;
import io.nanoclaw.admin.install.InstallEra;
import io.nanoclaw.admin.providers.KnownProviders;

/**
 * The catalogue ({@code reference/drift-kinds.md}), kind by kind, against {@link FileEraRules#judge(GroupInput)}. In the
 * container.json texts below, {@code $ID} and {@code $NAME} stand for the group row's id and name.
 */
class FileEraRulesTest {

    static final String CURRENT_IDENTITY = "\"agentGroupId\": \"$ID\", \"groupName\": \"$NAME\", \"assistantName\": \"$NAME\"";


    final DriftRules rules = new FileEraRules(KNOWN, NO_ALLOWLIST);

    // ---- inputs -------------------------------------------------------------------------------------------------


    static ContainerConfigFile file(String json) {
        return read(FOLDER, json.replace("$ID", ID).replace("$NAME", NAME).getBytes(StandardCharsets.UTF_8));
    }

    /** A file whose only key is {@code provider} with this JSON value; {@code absent}: an empty object. */
    static ContainerConfigFile providerFile(String jsonValue) {
        return file("absent".equals(jsonValue) ? "{}" : "{\"provider\": " + jsonValue + "}");
    }


    static GroupInput group(String dbProvider, ContainerConfigFile file, SessionOverride... sessions) {
        return new GroupInput(ID, NAME, FOLDER, dbProvider, file, List.of(sessions));
    }

    static GroupInput groupInFolder(String folder, ContainerConfigFile file) {
        return new GroupInput(ID, NAME, folder, null, file, List.of());
    }




    // ---- outputs ------------------------------------------------------------------------------------------------

    GroupResult judge(GroupInput input) {
        return rules.judge(input);
    }




    // ---- the catalogue as a table -------------------------------------------------------------------------------

    static Stream<Arguments> oneScenarioPerKind() {
        return Stream.of(
                arguments(Named.of("group provider mismatch", group("codex", providerFile("absent"))),
                        GROUP_PROVIDER_MISMATCH, Severity.ERROR, List.of(Fix.ALIGN_FROM_DB, Fix.ALIGN_FROM_FILE),
                        GroupStatus.DRIFTED),
                arguments(Named.of("active session mismatch", group(null, providerFile("\"claude\""), active("codex"))),
                        SESSION_PROVIDER_MISMATCH, Severity.ERROR,
                        List.of(Fix.CLEAR_SESSION_OVERRIDE, Fix.PROMOTE_SESSION_OVERRIDE), GroupStatus.DRIFTED),
                arguments(Named.of("closed session mismatch", group(null, providerFile("\"claude\""), closed("codex"))),
                        SESSION_PROVIDER_MISMATCH, Severity.INFO,
                        List.of(Fix.CLEAR_SESSION_OVERRIDE, Fix.PROMOTE_SESSION_OVERRIDE), GroupStatus.ALIGNED),
                arguments(Named.of("redundant override", group(null, providerFile("\"codex\""), active("codex"))),
                        SESSION_OVERRIDE_REDUNDANT, Severity.INFO, List.of(Fix.CLEAR_SESSION_OVERRIDE),
                        GroupStatus.ALIGNED),
                arguments(Named.of("runner provider unknown", group("codex", providerFile("\"gemini\""))),
                        PROVIDER_UNKNOWN, Severity.ERROR, List.of(Fix.ALIGN_FROM_DB), GroupStatus.BROKEN),
                arguments(Named.of("host-only provider unknown", group("gemini", providerFile("\"claude\""))),
                        PROVIDER_UNKNOWN, Severity.ERROR, List.of(Fix.ALIGN_FROM_FILE), GroupStatus.DRIFTED),
                arguments(Named.of("upper-case DB provider", group("Codex", providerFile("\"codex\""))),
                        PROVIDER_NOT_NORMALIZED, Severity.INFO, List.of(Fix.NORMALIZE_PROVIDER), GroupStatus.ALIGNED),
                arguments(Named.of("empty DB provider", group("", providerFile("absent"))),
                        PROVIDER_EMPTY_STRING, Severity.INFO, List.of(Fix.NORMALIZE_PROVIDER), GroupStatus.ALIGNED),
                arguments(Named.of("no container.json", group(null, state(ConfigFileState.MISSING))),
                        CONFIG_FILE_MISSING, Severity.INFO, List.of(Fix.CREATE_CONFIG_FILE), GroupStatus.ALIGNED),
                arguments(Named.of("malformed container.json", group(null, file("{\"provider\": \"claude\",}"))),
                        CONFIG_FILE_MALFORMED, Severity.ERROR, List.of(Fix.RESTORE_CONFIG_VERSION, Fix.RESET_CONFIG_FILE), GroupStatus.BROKEN),
                arguments(Named.of("unreadable container.json", group(null, state(ConfigFileState.UNREADABLE))),
                        CONFIG_FILE_UNREADABLE, Severity.ERROR, List.of(), GroupStatus.BROKEN),
                arguments(Named.of("field of the wrong type", group(null, file("{\"skills\": \"some\"}"))),
                        CONFIG_FIELD_INVALID, Severity.ERROR, List.of(), GroupStatus.BROKEN),
                arguments(Named.of("stale identity", group(null, file("{\"agentGroupId\": \"ag-0-old\"}"))),
                        IDENTITY_STALE, Severity.WARNING, List.of(Fix.REFRESH_IDENTITY), GroupStatus.DRIFTED),
                arguments(Named.of("unknown keys at risk", group(null, file("{\"env\": {\"A\": \"1\"}}"))),
                        UNKNOWN_KEYS_AT_RISK, Severity.WARNING, List.of(Fix.REFRESH_IDENTITY), GroupStatus.DRIFTED),
                arguments(Named.of("folder missing", group(null, state(ConfigFileState.FOLDER_MISSING))),
                        GROUP_FOLDER_MISSING, Severity.ERROR, List.of(Fix.RECREATE_GROUP_FOLDER), GroupStatus.BROKEN),
                arguments(Named.of("folder invalid", groupInFolder("global", state(ConfigFileState.FOLDER_INVALID))),
                        GROUP_FOLDER_INVALID, Severity.ERROR, List.of(), GroupStatus.BROKEN),
                arguments(Named.of("mount without an allowlist",
                        group(null, file("{\"additionalMounts\": [{\"hostPath\": \"/srv/data\"}]}"))),
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

    // ---- GROUP_PROVIDER_MISMATCH ------------------------------------------------------------------------------

    @Nested
    class GroupProviderMismatch {

        /** db column ('null' = NULL) | container.json provider as JSON ('absent' = no key) | mismatch | host | runner */
        @ParameterizedTest(name = "db={0} file={1} -> mismatch={2}, host={3}, runner={4}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                null      | absent     | false | claude   | claude
                claude    | absent     | false | claude   | claude
                codex     | absent     | true  | codex    | claude
                codex     | "codex"    | false | codex    | codex
                CODEX     | "codex"    | false | codex    | codex
                codex     | "CODEX"    | false | codex    | codex
                Codex     | "cOdEx"    | false | codex    | codex
                'codex '  | "codex"    | true  | 'codex ' | codex
                codex     | "codex "   | true  | codex    | 'codex '
                ' '       | absent     | true  | ' '      | claude
                ''        | absent     | false | claude   | claude
                ''        | "codex"    | false | codex    | codex
                null      | "opencode" | false | opencode | opencode
                opencode  | "codex"    | true  | opencode | codex
                claude    | ""         | false | claude   | claude
                codex     | ""         | true  | codex    | claude
                claude    | false      | false | claude   | claude
                codex     | false      | true  | codex    | claude
                codex     | 0          | true  | codex    | claude
                """)
        void theDefaultPairDisagreesExactlyWhenTheLowerCasedDbValueIsNotTheRunners(String db, String fileProvider,
                boolean mismatch, String host, String runner) {
            GroupResult result = judge(group(db, providerFile(fileProvider)));

            assertThat(kinds(result).contains(GROUP_PROVIDER_MISMATCH)).isEqualTo(mismatch);
            assertThat(result.drift().hostProvider()).isEqualTo(host);
            assertThat(result.drift().runnerProvider()).isEqualTo(runner);
        }

        @Test
        void theFindingSaysWhatEachSideDoesAndOffersBothAlignments() {
            GroupResult result = judge(group("codex", providerFile("absent")));

            Finding finding = only(result, GROUP_PROVIDER_MISMATCH);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.concernsSession()).isFalse();
            assertThat(finding.dbValue()).isEqualTo("codex");
            assertThat(finding.fileValue()).isNull();
            assertThat(finding.hostProvider()).isEqualTo("codex");
            assertThat(finding.runnerProvider()).isEqualTo("claude");
            assertThat(finding.fixes()).containsExactly(Fix.ALIGN_FROM_DB, Fix.ALIGN_FROM_FILE);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void aMissingFileReadsAsEmptySoTheRunnerRunsClaude() {
            GroupResult result = judge(group("codex", state(ConfigFileState.MISSING)));

            assertThat(kinds(result)).containsExactlyInAnyOrder(CONFIG_FILE_MISSING, GROUP_PROVIDER_MISMATCH);
            assertThat(result.drift().runnerProvider()).isEqualTo("claude");
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void aMalformedFileReadsAsEmptyEvenWhenItsTextNamesTheDbProvider() {
            GroupResult result = judge(group("codex", file("{\"provider\": \"codex\",}")));

            assertThat(kinds(result)).containsExactlyInAnyOrder(CONFIG_FILE_MALFORMED, GROUP_PROVIDER_MISMATCH);
            assertThat(result.drift().runnerProvider()).isEqualTo("claude");
        }

        @Test
        void aDbValueThatMatchesOnlyAfterLowerCasingIsNotAMismatchButIsNotNormalized() {
            GroupResult result = judge(group("CODEX", providerFile("\"codex\"")));

            assertThat(kinds(result)).containsExactly(PROVIDER_NOT_NORMALIZED);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void aPaddedDbValueIsSetNamesNoProviderAndDisagreesWithTheFile() {
            GroupResult result = judge(group("codex ", providerFile("\"codex\"")));

            assertThat(kinds(result)).containsExactlyInAnyOrder(GROUP_PROVIDER_MISMATCH, PROVIDER_UNKNOWN);
            assertThat(only(result, PROVIDER_UNKNOWN).hostProvider()).isEqualTo("codex ");
            assertThat(status(result)).as("only the host's provider is unknown").isEqualTo(GroupStatus.DRIFTED);
        }
    }

    // ---- SESSION_PROVIDER_MISMATCH ----------------------------------------------------------------------------

    @Nested
    class SessionProviderMismatch {

        @Test
        void anActiveSessionWhoseOverrideOnlyTheHostSeesIsAnError() {
            GroupResult result = judge(group(null, providerFile("\"claude\""), active("codex")));

            Finding finding = only(result, SESSION_PROVIDER_MISMATCH);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isEqualTo("sess-1714000000001-act001");
            assertThat(finding.concernsSession()).isTrue();
            assertThat(finding.dbValue()).isEqualTo("codex");
            assertThat(finding.hostProvider()).isEqualTo("codex");
            assertThat(finding.runnerProvider()).isEqualTo("claude");
            assertThat(finding.fixes()).containsExactly(Fix.CLEAR_SESSION_OVERRIDE, Fix.PROMOTE_SESSION_OVERRIDE);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
            assertThat(result.drift().hostProvider()).as("the group's default pair has no override").isEqualTo("claude");
        }

        @Test
        void aClosedSessionsMismatchIsOnlyInformationAndLeavesTheGroupAligned() {
            GroupResult result = judge(group(null, providerFile("\"claude\""), closed("codex")));

            assertThat(only(result, SESSION_PROVIDER_MISMATCH).severity()).isEqualTo(Severity.INFO);
            assertThat(result.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @ParameterizedTest(name = "status {0} -> {1}")
        @CsvSource(nullValues = "null", value = {"active, ERROR", "closed, INFO", "ACTIVE, INFO", "null, INFO"})
        void onlyTheExactStatusActiveMakesItAnError(String sessionStatus, Severity severity) {
            GroupResult result = judge(group(null, providerFile("absent"), session("sess-1-x", "opencode", sessionStatus)));

            assertThat(only(result, SESSION_PROVIDER_MISMATCH).severity()).isEqualTo(severity);
        }

        @Test
        void anOverrideThatRepairsAGroupMismatchIsNoSessionFinding() {
            GroupResult result = judge(group("codex", providerFile("\"claude\""), active("claude")));

            assertThat(kinds(result)).containsExactly(GROUP_PROVIDER_MISMATCH);
        }

        @Test
        void anOverrideRepeatingADisagreeingGroupProviderDisagreesToo() {
            GroupResult result = judge(group("codex", providerFile("absent"), active("codex")));

            assertThat(kinds(result)).containsExactlyInAnyOrder(GROUP_PROVIDER_MISMATCH, SESSION_PROVIDER_MISMATCH);
            assertThat(only(result, SESSION_PROVIDER_MISMATCH).hostProvider()).isEqualTo("codex");
        }

        @Test
        void anUpperCaseOverrideOfTheRunnersProviderIsNoMismatch() {
            GroupResult result = judge(group(null, providerFile("\"codex\""), active("CODEX")));

            assertThat(kinds(result)).doesNotContain(SESSION_PROVIDER_MISMATCH).contains(PROVIDER_NOT_NORMALIZED);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void aPaddedOverrideDisagreesAndNamesNoProvider() {
            GroupResult result = judge(group(null, providerFile("\"codex\""), active("codex ")));

            assertThat(kinds(result)).containsExactlyInAnyOrder(SESSION_PROVIDER_MISMATCH, PROVIDER_UNKNOWN);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void everySessionIsJudgedOnItsOwn() {
            SessionOverride first = session("sess-1-a", "codex", "active");
            SessionOverride second = session("sess-2-b", "opencode", "closed");
            SessionOverride third = session("sess-3-c", "claude", "active");

            GroupResult result = judge(group(null, providerFile("\"claude\""), first, second, third));

            assertThat(result.findings()).filteredOn(f -> f.kind() == SESSION_PROVIDER_MISMATCH)
                    .extracting(Finding::sessionId, Finding::severity, Finding::hostProvider)
                    .containsExactlyInAnyOrder(
                            tuple("sess-1-a", Severity.ERROR, "codex"),
                            tuple("sess-2-b", Severity.INFO, "opencode"));
            assertThat(only(result, SESSION_OVERRIDE_REDUNDANT).sessionId()).isEqualTo("sess-3-c");
        }
    }

    // ---- SESSION_OVERRIDE_REDUNDANT ---------------------------------------------------------------------------

    @Nested
    class SessionOverrideRedundant {

        /** db column | file provider (JSON) | override | redundant */
        @ParameterizedTest(name = "db={0} file={1} override={2} -> redundant={3}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                null  | absent  | claude | true
                null  | "codex" | codex  | true
                codex | "codex" | codex  | true
                null  | absent  | CLAUDE | true
                ''    | "codex" | codex  | true
                codex | absent  | claude | false
                null  | "codex" | claude | false
                codex | absent  | codex  | false
                """)
        void anOverrideIsRedundantWhenItChangesNothingAndAgreesWithTheRunner(String db, String fileProvider,
                String override, boolean redundant) {
            GroupResult result = judge(group(db, providerFile(fileProvider), active(override)));

            assertThat(kinds(result).contains(SESSION_OVERRIDE_REDUNDANT)).isEqualTo(redundant);
        }

        @Test
        void aRedundantOverrideIsInformationWithTheClearFix() {
            GroupResult result = judge(group("codex", providerFile("\"codex\""), active("codex")));

            Finding finding = only(result, SESSION_OVERRIDE_REDUNDANT);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.sessionId()).isEqualTo("sess-1714000000001-act001");
            assertThat(finding.fixes()).containsExactly(Fix.CLEAR_SESSION_OVERRIDE);
            assertThat(kinds(result)).containsExactly(SESSION_OVERRIDE_REDUNDANT);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }
    }

    // ---- PROVIDER_UNKNOWN ---------------------------------------------------------------------------------------

    @Nested
    class ProviderUnknown {

        @ParameterizedTest(name = "file provider {0}")
        @ValueSource(strings = {"\"gemini\"", "\"codex \"", "\" \"", "\"Gemini\"", "5", "true", "[\"codex\"]", "{}"})
        void aRunnerProviderNoRegistryKnowsBreaksTheGroup(String fileProvider) {
            GroupResult result = judge(group(null, providerFile(fileProvider)));

            Finding finding = only(result, PROVIDER_UNKNOWN);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.sessionId()).isNull();
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @ParameterizedTest(name = "file provider {0}")
        @ValueSource(strings = {"absent", "\"claude\"", "\"CODEX\"", "\"opencode\"", "\"mock\"", "\"\"", "false", "0"})
        void aKnownOrFalsyRunnerProviderIsNotUnknown(String fileProvider) {
            GroupResult result = judge(group(null, providerFile(fileProvider)));

            assertThat(kinds(result)).doesNotContain(PROVIDER_UNKNOWN);
        }

        @Test
        void anUnknownRunnerProviderOffersTheKnownDbValue() {
            GroupResult result = judge(group("codex", providerFile("\"gemini\"")));

            Finding finding = only(result, PROVIDER_UNKNOWN);
            assertThat(finding.runnerProvider()).isEqualTo("gemini");
            assertThat(finding.fixes()).containsExactly(Fix.ALIGN_FROM_DB);
        }

        @Test
        void anUnknownRunnerProviderWithNoDbValueOffersNoAlignment() {
            GroupResult result = judge(group(null, providerFile("\"gemini\"")));

            assertThat(only(result, PROVIDER_UNKNOWN).fixes()).isEmpty();
        }

        @Test
        void anUnknownDbValueThatOnlyTheHostUsesDriftsButDoesNotBreak() {
            GroupResult result = judge(group("gemini", providerFile("\"claude\"")));

            Finding finding = only(result, PROVIDER_UNKNOWN);
            assertThat(finding.dbValue()).isEqualTo("gemini");
            assertThat(finding.hostProvider()).isEqualTo("gemini");
            assertThat(finding.runnerProvider()).isEqualTo("claude");
            assertThat(finding.fixes()).containsExactly(Fix.ALIGN_FROM_FILE);
            assertThat(kinds(result)).containsExactlyInAnyOrder(PROVIDER_UNKNOWN, GROUP_PROVIDER_MISMATCH);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void aNameUnknownOnBothSidesIsReportedOnceAndBreaksTheGroup() {
            GroupResult result = judge(group("Gemini", providerFile("\"gemini\"")));

            assertThat(only(result, PROVIDER_UNKNOWN).runnerProvider()).isEqualTo("gemini");
            assertThat(kinds(result)).doesNotContain(GROUP_PROVIDER_MISMATCH);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void anActiveSessionOverrideTheHostDoesNotKnowDriftsButDoesNotBreak() {
            GroupResult result = judge(group(null, providerFile("\"claude\""), active("gemini")));

            Finding finding = only(result, PROVIDER_UNKNOWN);
            assertThat(finding.sessionId()).isEqualTo("sess-1714000000001-act001");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.fixes()).containsExactly(Fix.CLEAR_SESSION_OVERRIDE);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void aClosedSessionsUnknownOverrideIsNeverUsedAndLeavesTheGroupAligned() {
            GroupResult result = judge(group(null, providerFile("\"claude\""), closed("gemini")));

            assertThat(result.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void theRunnerIsJudgedAgainstTheInstallsRunnerRegistrationsNotTheConfiguredList() {
            KnownProviders attached = new KnownProviders(Set.of("claude", "codex", "mock"), "runner index",
                    Set.of("codex"), "host index");
            DriftRules attachedRules = new FileEraRules(attached, NO_ALLOWLIST);

            GroupResult result = attachedRules.judge(group(null, providerFile("\"opencode\"")));

            assertThat(only(result, PROVIDER_UNKNOWN).runnerProvider()).isEqualTo("opencode");
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void aDbValueIsJudgedAgainstTheHostsRegistrations() {
            KnownProviders attached = new KnownProviders(Set.of("claude", "codex", "opencode"), "runner index",
                    Set.of("codex"), "host index");
            DriftRules attachedRules = new FileEraRules(attached, NO_ALLOWLIST);

            GroupResult result = attachedRules.judge(group("gemini", providerFile("\"codex\"")));

            assertThat(only(result, PROVIDER_UNKNOWN).dbValue()).isEqualTo("gemini");
            assertThat(status(result)).as("the runner's provider is known: drifted, not broken")
                    .isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void claudeInTheDbIsNotUnknownWhenTheHostIndexLeavesItOutAsNanoclawDoes() {
            KnownProviders attached = new KnownProviders(Set.of("claude", "codex", "mock", "opencode"), "runner index",
                    Set.of("codex", "opencode"), "host index");
            DriftRules attachedRules = new FileEraRules(attached, NO_ALLOWLIST);

            GroupResult result = attachedRules.judge(group("claude", providerFile("\"claude\""), active("claude")));

            assertThat(kinds(result)).doesNotContain(PROVIDER_UNKNOWN);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }
    }

    // ---- PROVIDER_NOT_NORMALIZED ------------------------------------------------------------------------------

    @Nested
    class ProviderNotNormalized {

        @Test
        void anUpperCaseDbValueWorksAndIsOnlyInformation() {
            GroupResult result = judge(group("Codex", providerFile("\"codex\"")));

            Finding finding = only(result, PROVIDER_NOT_NORMALIZED);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.dbValue()).isEqualTo("Codex");
            assertThat(finding.fixes()).containsExactly(Fix.NORMALIZE_PROVIDER);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void anUpperCaseFileValueIsReportedWithTheFilesValue() {
            GroupResult result = judge(group(null, providerFile("\"CODEX\"")));

            Finding finding = only(result, PROVIDER_NOT_NORMALIZED);
            assertThat(finding.fileValue()).isEqualTo("CODEX");
            assertThat(finding.runnerProvider()).isEqualTo("codex");
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void theDbAndTheFileAreReportedSeparately() {
            GroupResult result = judge(group("CODEX", providerFile("\"Codex\"")));

            assertThat(kinds(result)).containsExactly(PROVIDER_NOT_NORMALIZED, PROVIDER_NOT_NORMALIZED);
        }

        @Test
        void anUpperCaseSessionOverrideIsReportedForTheSession() {
            GroupResult result = judge(group(null, providerFile("absent"), active("Claude")));

            Finding finding = only(result, PROVIDER_NOT_NORMALIZED);
            assertThat(finding.sessionId()).isEqualTo("sess-1714000000001-act001");
            assertThat(finding.dbValue()).isEqualTo("Claude");
            assertThat(finding.fixes()).containsExactly(Fix.NORMALIZE_PROVIDER);
        }

        @ParameterizedTest(name = "db={0}")
        @CsvSource(nullValues = "null", value = {"codex", "null", "''", "' '", "codex-2"})
        void aValueWithoutUpperCaseIsNormal(String db) {
            GroupResult result = judge(group(db, providerFile("\"codex\""), active(db == null ? "codex" : db)));

            assertThat(kinds(result)).doesNotContain(PROVIDER_NOT_NORMALIZED);
        }
    }

    // ---- PROVIDER_EMPTY_STRING ----------------------------------------------------------------------------------

    @Nested
    class ProviderEmptyString {

        @Test
        void anEmptyDbValueIsUnsetSoTheFileDecidesBothSides() {
            GroupResult result = judge(group("", providerFile("\"codex\"")));

            Finding finding = only(result, PROVIDER_EMPTY_STRING);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.dbValue()).isEmpty();
            assertThat(finding.fixes()).containsExactly(Fix.NORMALIZE_PROVIDER);
            assertThat(kinds(result)).containsExactly(PROVIDER_EMPTY_STRING);
            assertThat(result.drift().hostProvider()).isEqualTo("codex");
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void anEmptySessionOverrideIsUnsetAndNothingElseIsSaidOfIt() {
            GroupResult result = judge(group(null, providerFile("\"codex\""), active("")));

            Finding finding = only(result, PROVIDER_EMPTY_STRING);
            assertThat(finding.sessionId()).isEqualTo("sess-1714000000001-act001");
            assertThat(finding.hostProvider()).isEqualTo("codex");
            assertThat(finding.fixes()).containsExactly(Fix.NORMALIZE_PROVIDER);
            assertThat(kinds(result)).containsExactly(PROVIDER_EMPTY_STRING);
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void anEmptyFileProviderIsNoDbColumnAndLetsTheRunnerFallBackToClaude() {
            GroupResult result = judge(group(null, providerFile("\"\"")));

            assertThat(result.findings()).isEmpty();
            assertThat(result.drift().runnerProvider()).isEqualTo("claude");
            assertThat(result.drift().hostProvider()).isEqualTo("claude");
        }

        @ParameterizedTest(name = "db={0}")
        @CsvSource(nullValues = "null", value = {"null", "' '", "claude"})
        void onlyTheEmptyStringIsReported(String db) {
            GroupResult result = judge(group(db, providerFile("absent")));

            assertThat(kinds(result)).doesNotContain(PROVIDER_EMPTY_STRING);
        }
    }

    // ---- CONFIG_FILE_MISSING, CONFIG_FILE_MALFORMED, CONFIG_FILE_UNREADABLE -------------------------------------

    @Nested
    class ConfigFile {

        @Test
        void aMissingFileIsInformationAndBothSidesReadClaude() {
            GroupResult result = judge(group(null, state(ConfigFileState.MISSING)));

            Finding finding = only(result, CONFIG_FILE_MISSING);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.fixes()).containsExactly(Fix.CREATE_CONFIG_FILE);
            assertThat(kinds(result)).containsExactly(CONFIG_FILE_MISSING);
            assertThat(result.drift().hostProvider()).isEqualTo("claude");
            assertThat(result.drift().runnerProvider()).isEqualTo("claude");
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void anEmptyObjectIsAFileThatExists() {
            assertThat(kinds(judge(group(null, file("{}"))))).doesNotContain(CONFIG_FILE_MISSING);
        }

        static Stream<Named<byte[]>> textsJsonParseRejects() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
            return Stream.of(
                    Named.of("a byte-order mark before {}", bom),
                    Named.of("a trailing comma", utf8("{\"provider\": \"claude\",}")),
                    Named.of("a trailing comma in an array", utf8("{\"skills\": [\"a\",]}")),
                    Named.of("an empty file", new byte[0]),
                    Named.of("only whitespace", utf8("  \n\t\n")),
                    Named.of("a line comment", utf8("// written by hand\n{}")),
                    Named.of("a block comment", utf8("{/* provider */}")),
                    Named.of("truncated JSON", utf8("{\"provider\": \"claude\", \"mcpServers\": {")),
                    Named.of("single quotes", utf8("{'provider': 'claude'}")),
                    Named.of("an unquoted key", utf8("{provider: \"claude\"}")),
                    Named.of("two objects", utf8("{} {}")),
                    Named.of("a top-level array", utf8("[]")),
                    Named.of("a top-level array of pairs", utf8("[\"provider\", \"codex\"]")),
                    Named.of("a top-level string", utf8("\"codex\"")),
                    Named.of("a top-level number", utf8("42")),
                    Named.of("a top-level null", utf8("null")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("textsJsonParseRejects")
        void aFileNanoclawCannotUseIsMalformedAndBreaksTheGroup(byte[] bytes) {
            GroupResult result = judge(group(null, read(FOLDER, bytes)));

            Finding finding = only(result, CONFIG_FILE_MALFORMED);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.fixes()).containsExactly(Fix.RESTORE_CONFIG_VERSION, Fix.RESET_CONFIG_FILE);
            assertThat(kinds(result)).containsExactly(CONFIG_FILE_MALFORMED);
            assertThat(result.drift().runnerProvider()).isEqualTo("claude");
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{}", "\n  {}\n", "{\"provider\": \"claude\"}", "{\"note\": \"caf\u00e9 \u2603\"}"})
        void aStrictJsonObjectIsNotMalformed(String text) {
            assertThat(kinds(judge(group(null, file(text))))).doesNotContain(CONFIG_FILE_MALFORMED);
        }

        @Test
        void aMalformedFilesContentIsNotJudgedBecauseNanoclawReadsItAsEmpty() {
            GroupResult result = judge(group(null,
                    file("{\"provider\": \"gemini\", \"skills\": 5, \"agentGroupId\": \"ag-0-old\", \"env\": {},}")));

            assertThat(kinds(result)).containsExactly(CONFIG_FILE_MALFORMED);
        }

        @Test
        void anUnreadableFileBreaksTheGroupAndReadsAsEmpty() {
            GroupResult result = judge(group(null, state(ConfigFileState.UNREADABLE)));

            Finding finding = only(result, CONFIG_FILE_UNREADABLE);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(kinds(result)).containsExactly(CONFIG_FILE_UNREADABLE);
            assertThat(result.drift().runnerProvider()).isEqualTo("claude");
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    // ---- CONFIG_FIELD_INVALID -----------------------------------------------------------------------------------

    @Nested
    class ConfigFieldInvalid {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "{\"provider\": 5}",
                "{\"provider\": false}",
                "{\"provider\": true}",
                "{\"provider\": null}",
                "{\"provider\": [\"codex\"]}",
                "{\"provider\": {\"name\": \"codex\"}}",
                "{\"skills\": \"some\"}",
                "{\"skills\": \"ALL\"}",
                "{\"skills\": [1]}",
                "{\"skills\": [\"web\", null]}",
                "{\"skills\": {}}",
                "{\"skills\": true}",
                "{\"packages\": \"x\"}",
                "{\"packages\": []}",
                "{\"packages\": {\"apt\": \"x\"}}",
                "{\"packages\": {\"apt\": [1]}}",
                "{\"packages\": {\"npm\": \"left-pad\"}}",
                "{\"maxMessagesPerPrompt\": 0}",
                "{\"maxMessagesPerPrompt\": -1}",
                "{\"maxMessagesPerPrompt\": 1.5}",
                "{\"maxMessagesPerPrompt\": \"10\"}",
                "{\"maxMessagesPerPrompt\": true}",
                "{\"mcpServers\": []}",
                "{\"mcpServers\": \"fs\"}",
                "{\"mcpServers\": {\"fs\": \"npx\"}}",
                "{\"mcpServers\": {\"fs\": {}}}",
                "{\"mcpServers\": {\"fs\": {\"command\": 1}}}",
                "{\"mcpServers\": {\"fs\": {\"command\": \"npx\", \"args\": \"-y\"}}}",
                "{\"mcpServers\": {\"fs\": {\"command\": \"npx\", \"env\": {\"TOKEN\": 1}}}}",
                "{\"additionalMounts\": {}}",
                "{\"additionalMounts\": \"/srv\"}",
                "{\"additionalMounts\": [\"/srv\"]}",
                "{\"additionalMounts\": [{\"containerPath\": \"srv\"}]}",
                "{\"additionalMounts\": [{\"hostPath\": 5}]}",
                "{\"additionalMounts\": [{\"hostPath\": \"/srv\", \"readonly\": \"yes\"}]}",
                "{\"additionalMounts\": [{\"hostPath\": \"/srv\", \"containerPath\": 1}]}",
                "{\"imageTag\": 5}",
                "{\"groupName\": 5}",
                "{\"assistantName\": true}",
                "{\"agentGroupId\": 1}"})
        void aKnownFieldOfTheWrongTypeBreaksTheGroup(String json) {
            GroupResult result = judge(group(null, file(json)));

            Finding finding = only(result, CONFIG_FIELD_INVALID);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.fixes()).as("the catalogue's fix is a manual edit").isEmpty();
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "{}",
                "{\"provider\": \"codex\"}",
                "{\"provider\": \"\"}",
                "{\"skills\": \"all\"}",
                "{\"skills\": []}",
                "{\"skills\": [\"web-search\", \"pdf\"]}",
                "{\"packages\": {}}",
                "{\"packages\": {\"apt\": [\"ripgrep\"]}}",
                "{\"packages\": {\"apt\": [], \"npm\": [\"left-pad\"]}}",
                "{\"maxMessagesPerPrompt\": 10}",
                "{\"maxMessagesPerPrompt\": 1}",
                "{\"maxMessagesPerPrompt\": 10.0}",
                "{\"mcpServers\": {}}",
                "{\"mcpServers\": {\"fs\": {\"command\": \"npx\", \"args\": [\"-y\", \"fs\"], \"env\": {\"TOKEN\": \"s\"},"
                        + " \"instructions\": \"Use it.\"}}}",
                "{\"additionalMounts\": []}",
                "{\"imageTag\": \"nanoclaw-agent:latest\"}",
                "{\"mcpServers\": {}, \"packages\": {\"apt\": [], \"npm\": []}, \"additionalMounts\": [],"
                        + " \"skills\": \"all\"}"})
        void knownFieldsOfTheRightTypeGiveNoFinding(String json) {
            GroupResult result = judge(group(null, file(json)));

            assertThat(result.findings()).isEmpty();
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void aFalseProviderIsFalsySoTheRunnerFallsBackToClaudeButTheFieldIsInvalid() {
            GroupResult result = judge(group(null, providerFile("false")));

            assertThat(kinds(result)).containsExactly(CONFIG_FIELD_INVALID);
            assertThat(result.drift().runnerProvider()).isEqualTo("claude");
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void aNumericProviderIsInvalidAndNamesNoProvider() {
            GroupResult result = judge(group(null, providerFile("5")));

            assertThat(kinds(result)).containsExactlyInAnyOrder(CONFIG_FIELD_INVALID, PROVIDER_UNKNOWN);
            assertThat(result.drift().runnerProvider()).isEqualTo("5");
        }

        @Test
        void theFindingShowsTheValueAsWritten() {
            GroupResult result = judge(group(null, file("{\"maxMessagesPerPrompt\": \"10\"}")));

            Finding finding = only(result, CONFIG_FIELD_INVALID);
            assertThat(finding.fileValue()).isEqualTo("\"10\"");
            assertThat(finding.message()).contains("maxMessagesPerPrompt");
        }

        @Test
        void everyWrongFieldIsItsOwnFinding() {
            GroupResult result = judge(group(null, file("{\"skills\": \"some\", \"maxMessagesPerPrompt\": 0}")));

            assertThat(result.findings()).filteredOn(f -> f.kind() == CONFIG_FIELD_INVALID)
                    .extracting(Finding::fileValue).containsExactlyInAnyOrder("\"some\"", "0");
        }
    }

    // ---- IDENTITY_STALE -----------------------------------------------------------------------------------------

    @Nested
    class IdentityStale {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "{\"agentGroupId\": \"ag-0-old\", \"groupName\": \"$NAME\", \"assistantName\": \"$NAME\"}",
                "{\"agentGroupId\": \"$ID\", \"groupName\": \"Old name\", \"assistantName\": \"$NAME\"}",
                "{\"agentGroupId\": \"$ID\", \"groupName\": \"$NAME\", \"assistantName\": \"Andy\"}",
                "{\"agentGroupId\": \"ag-0-old\"}",
                "{\"groupName\": \"research\"}",
                "{\"assistantName\": \"$NAME \"}"})
        void aPresentIdentityFieldThatDiffersFromTheRowIsStale(String json) {
            GroupResult result = judge(group(null, file(json)));

            Finding finding = only(result, IDENTITY_STALE);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.fixes()).containsExactly(Fix.REFRESH_IDENTITY);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void anIdentityFieldOfTheWrongTypeIsStaleAndInvalid() {
            GroupResult result = judge(group(null, file("{\"agentGroupId\": 5}")));

            assertThat(kinds(result)).containsExactlyInAnyOrder(IDENTITY_STALE, CONFIG_FIELD_INVALID);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "{}",
                "{" + CURRENT_IDENTITY + "}",
                "{\"agentGroupId\": \"$ID\"}",
                "{\"groupName\": \"$NAME\", \"assistantName\": \"$NAME\"}",
                "{\"provider\": \"claude\", \"skills\": \"all\"}"})
        void absentOrCurrentIdentityFieldsAreNotStale(String json) {
            GroupResult result = judge(group(null, file(json)));

            assertThat(result.findings()).isEmpty();
        }

        @Test
        void severalStaleFieldsMakeOneFindingThatNamesEach() {
            GroupResult result = judge(group(null,
                    file("{\"agentGroupId\": \"ag-0-old\", \"groupName\": \"Old\", \"assistantName\": \"$NAME\"}")));

            Finding finding = only(result, IDENTITY_STALE);
            assertThat(finding.message()).contains("agentGroupId", "groupName").doesNotContain("assistantName");
        }
    }

    // ---- UNKNOWN_KEYS_AT_RISK -----------------------------------------------------------------------------------

    @Nested
    class UnknownKeysAtRisk {

        @Test
        void unknownKeysInAFileThatNeverHadItsIdentityAreAtRisk() {
            GroupResult result = judge(group(null, file("{\"provider\": \"claude\", \"env\": {}, \"blockedHosts\": []}")));

            Finding finding = only(result, UNKNOWN_KEYS_AT_RISK);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.fileValue()).isEqualTo("env, blockedHosts");
            assertThat(finding.fixes()).containsExactly(Fix.REFRESH_IDENTITY);
            assertThat(kinds(result)).as("absent identity fields alone are no staleness")
                    .containsExactly(UNKNOWN_KEYS_AT_RISK);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void unknownKeysNextToAStaleIdentityAreAtRiskToo() {
            GroupResult result = judge(group(null,
                    file("{\"agentGroupId\": \"$ID\", \"groupName\": \"Old\", \"assistantName\": \"$NAME\","
                            + " \"env\": {\"CODEX_MODEL\": \"o3\"}}")));

            assertThat(kinds(result)).containsExactlyInAnyOrder(IDENTITY_STALE, UNKNOWN_KEYS_AT_RISK);
            assertThat(only(result, UNKNOWN_KEYS_AT_RISK).fileValue()).isEqualTo("env");
        }

        @Test
        void oneAbsentIdentityFieldIsEnoughForARewrite() {
            GroupResult result = judge(group(null,
                    file("{\"agentGroupId\": \"$ID\", \"groupName\": \"$NAME\", \"blockedHosts\": [\"x.test\"]}")));

            assertThat(kinds(result)).containsExactly(UNKNOWN_KEYS_AT_RISK);
        }

        @Test
        void unknownKeysAreSafeWhileTheIdentityIsCurrent() {
            GroupResult result = judge(group(null, file("{" + CURRENT_IDENTITY + ", \"env\": {}, \"blockedHosts\": []}")));

            assertThat(result.findings()).isEmpty();
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void anAbsentIdentityWithOnlyKnownKeysRisksNothing() {
            GroupResult result = judge(group(null, file("{\"provider\": \"claude\", \"skills\": \"all\"}")));

            assertThat(kinds(result)).doesNotContain(UNKNOWN_KEYS_AT_RISK, IDENTITY_STALE);
        }
    }

    // ---- GROUP_FOLDER_MISSING, GROUP_FOLDER_INVALID -------------------------------------------------------------

    @Nested
    class Folder {

        static Stream<String> namesNanoclawRejects() {
            return Stream.of("global", "GLOBAL", "Global", "../x", "..", "a b", "", " main", "main ", "-main", "_main",
                    "a/b", "a\\b", "caf\u00e9", "x".repeat(65));
        }

        @ParameterizedTest(name = "''{0}''")
        @MethodSource("namesNanoclawRejects")
        void aFolderNameThatBreaksNanoclawsRulesIsInvalidAndBreaksTheGroup(String folder) {
            GroupResult result = judge(groupInFolder(folder, ContainerConfigFile.absent(folder,
                    ConfigFileState.FOLDER_INVALID, ParseError.of("invalid folder"))));

            Finding finding = only(result, GROUP_FOLDER_INVALID);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.folder()).isEqualTo(folder);
            assertThat(kinds(result)).containsExactly(GROUP_FOLDER_INVALID);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void theNameIsJudgedEvenWhenAFileCouldBeRead() {
            GroupResult result = judge(groupInFolder("global", read("global", "{}".getBytes(StandardCharsets.UTF_8))));

            assertThat(kinds(result)).containsExactly(GROUP_FOLDER_INVALID);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"main", "ops-bot", "A_1", "0day", "global2", "my-global"})
        void aFolderNameWithinTheRulesIsValid(String folder) {
            GroupResult result = judge(groupInFolder(folder, read(folder, "{}".getBytes(StandardCharsets.UTF_8))));

            assertThat(result.findings()).isEmpty();
        }

        @Test
        void theLongestValidNameIsSixtyFourCharacters() {
            String folder = "x".repeat(64);

            GroupResult result = judge(groupInFolder(folder, read(folder, "{}".getBytes(StandardCharsets.UTF_8))));

            assertThat(kinds(result)).doesNotContain(GROUP_FOLDER_INVALID);
        }

        @Test
        void aValidNameTheStoreCannotResolveIsInvalidToo() {
            GroupResult result = judge(group(null, state(ConfigFileState.FOLDER_INVALID)));

            assertThat(kinds(result)).containsExactly(GROUP_FOLDER_INVALID);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void aMissingFolderBreaksTheGroupWithoutAlsoReportingAMissingFile() {
            GroupResult result = judge(group(null, state(ConfigFileState.FOLDER_MISSING)));

            Finding finding = only(result, GROUP_FOLDER_MISSING);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(kinds(result)).containsExactly(GROUP_FOLDER_MISSING);
            assertThat(result.drift().runnerProvider()).isEqualTo("claude");
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void aMissingFolderStillShowsAProviderMismatchBecauseItReadsAsEmpty() {
            GroupResult result = judge(group("codex", state(ConfigFileState.FOLDER_MISSING)));

            assertThat(kinds(result)).containsExactlyInAnyOrder(GROUP_FOLDER_MISSING, GROUP_PROVIDER_MISMATCH);
        }
    }

    // ---- ORPHAN_FOLDER, SESSION_GROUP_MISSING -------------------------------------------------------------------

    @Nested
    class OutsideAGroup {

        @ParameterizedTest(name = "''{0}'' -> {1}")
        @CsvSource({
                "old-experiment, true",
                "main, true",
                "global, false",
                "GLOBAL, false",
                "Global, false",
                ".git, false",
                ".trash, false",
                ".DS_Store, false"})
        void everyFolderButTheReservedAndHiddenOnesCanBeAnOrphan(String folder, boolean candidate) {
            assertThat(DriftRules.isOrphanCandidate(folder)).isEqualTo(candidate);
        }

        @Test
        void anOrphanFolderIsAWarningWithoutAGroup() {
            Finding finding = DriftRules.orphanFolder("old-experiment", "codex");

            assertThat(finding.kind()).isEqualTo(FindingKind.ORPHAN_FOLDER);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.groupId()).isNull();
            assertThat(finding.sessionId()).isNull();
            assertThat(finding.folder()).isEqualTo("old-experiment");
            assertThat(finding.fileValue()).isEqualTo("codex");
            assertThat(finding.fixes()).as("adopt and archive are not fix codes").isEmpty();
        }

        @Test
        void aSessionWhoseGroupIsGoneIsAnErrorWithoutAFolder() {
            SessionOverride session = new SessionOverride("sess-1714000000009-gone01", "ag-0-deleted", "codex", "active");

            Finding finding = DriftRules.sessionGroupMissing(session);

            assertThat(finding.kind()).isEqualTo(FindingKind.SESSION_GROUP_MISSING);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.groupId()).isEqualTo("ag-0-deleted");
            assertThat(finding.sessionId()).isEqualTo("sess-1714000000009-gone01");
            assertThat(finding.concernsSession()).isTrue();
            assertThat(finding.folder()).isNull();
            assertThat(finding.dbValue()).isEqualTo("codex");
            assertThat(finding.fixes()).as("delete and reassign are not fix codes").isEmpty();
        }
    }

    // ---- group status -------------------------------------------------------------------------------------------

    @Nested
    class Status {

        @Test
        void aGroupWithNoFindingIsAlignedAndCarriesItsDefaultPair() {
            GroupResult result = judge(group("codex", file("{\"provider\": \"codex\", " + CURRENT_IDENTITY + "}")));

            assertThat(result.findings()).isEmpty();
            assertThat(result.drift()).isEqualTo(new GroupDrift(ID, FOLDER, GroupStatus.ALIGNED, "codex", "codex"));
        }

        @Test
        void informationAloneLeavesTheGroupAligned() {
            GroupResult result = judge(group("", state(ConfigFileState.MISSING),
                    session("sess-1-closed", "codex", "closed"),
                    session("sess-2-redundant", "claude", "active"),
                    session("sess-3-empty", "", "active"),
                    session("sess-4-upper", "CLAUDE", "active")));

            assertThat(kinds(result)).containsExactlyInAnyOrder(PROVIDER_EMPTY_STRING, CONFIG_FILE_MISSING,
                    SESSION_PROVIDER_MISMATCH, SESSION_OVERRIDE_REDUNDANT, PROVIDER_EMPTY_STRING,
                    SESSION_OVERRIDE_REDUNDANT, PROVIDER_NOT_NORMALIZED);
            assertThat(result.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
            assertThat(status(result)).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void oneWarningDriftsTheGroup() {
            GroupResult result = judge(group(null, file("{\"groupName\": \"Old\"}")));

            assertThat(kinds(result)).containsExactly(IDENTITY_STALE);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void anErrorOutsideTheBreakingKindsDriftsTheGroup() {
            GroupResult result = judge(group(null, providerFile("\"claude\""), active("opencode")));

            assertThat(kinds(result)).containsExactly(SESSION_PROVIDER_MISMATCH);
            assertThat(status(result)).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void aBreakingKindOutweighsEveryOtherFinding() {
            GroupResult result = judge(group("codex", file("[{\"provider\": \"codex\"}]"), active("opencode")));

            assertThat(kinds(result)).contains(CONFIG_FILE_MALFORMED, GROUP_PROVIDER_MISMATCH, SESSION_PROVIDER_MISMATCH);
            assertThat(status(result)).isEqualTo(GroupStatus.BROKEN);
        }

        @Test
        void findingsAreTheGroupsOwn() {
            GroupResult result = judge(group("CODEX", file("{\"groupName\": \"Old\", \"env\": {}}"), active("opencode")));

            assertThat(result.findings()).hasSizeGreaterThan(3)
                    .allSatisfy(f -> {
                        assertThat(f.groupId()).isEqualTo(ID);
                        assertThat(f.folder()).isEqualTo(FOLDER);
                    });
        }

        @Test
        void exactlyTheCataloguesBreakingKindsBreakAGroupByTheirKindAlone() {
            assertThat(FindingKind.ofEra(InstallEra.FILE).stream().filter(FindingKind::breaksGroup))
                    .as("plus PROVIDER_UNKNOWN for the runner, judged by the rules")
                    .containsExactlyInAnyOrder(CONFIG_FILE_MALFORMED, CONFIG_FILE_UNREADABLE, CONFIG_FIELD_INVALID,
                            GROUP_FOLDER_MISSING, GROUP_FOLDER_INVALID);
        }
    }
}
