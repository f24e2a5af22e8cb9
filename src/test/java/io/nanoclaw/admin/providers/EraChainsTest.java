package io.nanoclaw.admin.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.ParseError;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.drift.DbEraRules;
import io.nanoclaw.admin.drift.DriftRules.GroupInput;
import io.nanoclaw.admin.install.InstallEra;
import io.nanoclaw.admin.providers.ProviderResolution.Link;

/**
 * NanoClaw's two provider chains in each era ({@code reference/drift-kinds.md}: "How NanoClaw decides" for the file
 * era, "The chains in the DB era"), and the link-by-link resolution the pages draw. 'null' in the tables is SQL NULL or
 * an absent key.
 */
class EraChainsTest {

    static final String ID = "ag-1714000000000-k3x9qa";

    static ProviderSources fileEra(String groupColumn, String fileProvider) {
        return ProviderSources.fileEra(groupColumn, fileProvider);
    }

    /** A DB-era group with a {@code container_configs} row. */
    static ProviderSources withRow(String groupColumn, String rowProvider, String fileProvider) {
        return new ProviderSources(groupColumn, rowProvider, true, fileProvider);
    }

    /** A DB-era group without a row: {@code backfilled} is the provider the back-fill would store. */
    static ProviderSources rowless(String groupColumn, String backfilled, String fileProvider) {
        return new ProviderSources(groupColumn, backfilled, false, fileProvider);
    }

    static List<String> places(List<Link> links) {
        return links.stream().map(Link::place).toList();
    }

    static String taken(List<Link> links) {
        List<Link> taken = links.stream().filter(Link::taken).toList();
        assertThat(taken).as("exactly one link is taken in %s", links).hasSize(1);
        return taken.get(0).place();
    }

    @Test
    void theEraOfTheInstallPicksItsChains() {
        assertThat(EraChains.of(InstallEra.FILE)).isEqualTo(EraChains.FILE);
        assertThat(EraChains.of(InstallEra.DB_CONFIG)).isEqualTo(EraChains.DB_CONFIG);
    }

    // ---- the file era -------------------------------------------------------------------------------------------

    @Nested
    class FileEra {

        /** session override | group column | file provider | host prepares */
        @ParameterizedTest(name = "session={0} group={1} file={2} -> {3}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                null     | null     | null     | claude
                null     | codex    | null     | codex
                null     | null     | opencode | opencode
                null     | codex    | opencode | codex
                opencode | codex    | claude   | opencode
                ''       | codex    | claude   | codex
                ''       | ''       | claude   | claude
                ''       | ''       | ''       | claude
                null     | CODEX    | null     | codex
                Codex    | null     | null     | codex
                'codex ' | null     | null     | 'codex '
                ' '      | codex    | null     | ' '
                null     | 'Codex ' | codex    | 'codex '
                """)
        void theHostTakesTheFirstNonEmptyOfSessionGroupColumnFileClaudeLowerCasedUntrimmed(String session,
                String group, String file, String host) {
            assertThat(EraChains.FILE.host(session, fileEra(group, file))).isEqualTo(host);
        }

        /** group column | file provider | runner runs */
        @ParameterizedTest(name = "group={0} file={1} -> {2}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                null   | null     | claude
                codex  | null     | claude
                codex  | ''       | claude
                null   | opencode | opencode
                codex  | opencode | opencode
                null   | Codex    | codex
                null   | 'codex ' | 'codex '
                null   | ' '      | ' '
                """)
        void theRunnerReadsOnlyTheFile(String group, String file, String runner) {
            assertThat(EraChains.FILE.runner(fileEra(group, file))).isEqualTo(runner);
        }

        @Test
        void theFileEraNeverReadsTheConfigRow() {
            ProviderSources sources = new ProviderSources("codex", "opencode", true, null);

            assertThat(EraChains.FILE.host(null, sources)).isEqualTo("codex");
            assertThat(EraChains.FILE.runner(sources)).isEqualTo("claude");
            assertThat(EraChains.FILE.resolve(null, false, sources).links()).extracting(Link::value)
                    .doesNotContain("opencode");
        }

        @Test
        void aNewSessionsChainsAreGroupColumnThenFileThenDefault() {
            ProviderResolution resolution = EraChains.FILE.resolve(null, false, fileEra("codex", "opencode"));

            assertThat(resolution.links()).containsExactly(
                    new Link("group column", "codex", true),
                    new Link("container.json", "opencode", false),
                    new Link("default", "claude", false));
            assertThat(resolution.runnerLinks()).containsExactly(
                    new Link("container.json", "opencode", true),
                    new Link("default", "claude", false));
            assertThat(resolution.host()).isEqualTo("codex");
            assertThat(resolution.runner()).isEqualTo("opencode");
            assertThat(resolution.agrees()).isFalse();
            assertThat(resolution.sentence()).isEqualTo("The host prepares codex, the runner runs opencode.");
        }

        @Test
        void aSessionsHostChainStartsWithItsOverride() {
            ProviderResolution resolution = EraChains.FILE.resolve("Opencode", true, fileEra("codex", "opencode"));

            assertThat(places(resolution.links()))
                    .containsExactly("session override", "group column", "container.json", "default");
            assertThat(resolution.links().get(0)).isEqualTo(new Link("session override", "Opencode", true));
            assertThat(taken(resolution.links())).isEqualTo("session override");
            assertThat(resolution.host()).isEqualTo("opencode");
            assertThat(places(resolution.runnerLinks())).as("the override never reaches the runner")
                    .containsExactly("container.json", "default");
            assertThat(resolution.agrees()).isTrue();
            assertThat(resolution.sentence()).isEqualTo("The host prepares opencode and the runner runs opencode.");
        }

        /** session override | group column | file provider | host link taken | runner link taken */
        @ParameterizedTest(name = "session={0} group={1} file={2} -> host {3}, runner {4}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                null  | null  | null   | default          | default
                ''    | ''    | ''     | default          | default
                ''    | codex | null   | group column     | default
                ''    | ''    | codex  | container.json   | container.json
                codex | ''    | ''     | session override | default
                ' '   | codex | codex  | session override | container.json
                """)
        void theFirstSetLinkIsTakenAndAnEmptyStringIsUnset(String session, String group, String file, String hostLink,
                String runnerLink) {
            ProviderResolution resolution = EraChains.FILE.resolve(session, true, fileEra(group, file));

            assertThat(taken(resolution.links())).isEqualTo(hostLink);
            assertThat(taken(resolution.runnerLinks())).isEqualTo(runnerLink);
        }

        @Test
        void linksShowValuesAsStored() {
            ProviderResolution resolution = EraChains.FILE.resolve("", true, fileEra("", "Codex "));

            assertThat(resolution.links()).extracting(Link::place, Link::value, Link::taken).containsExactly(
                    tuple("session override", "", false),
                    tuple("group column", "", false),
                    tuple("container.json", "Codex ", true),
                    tuple("default", "claude", false));
            assertThat(resolution.host()).isEqualTo("codex ");
            assertThat(resolution.runner()).isEqualTo("codex ");
        }

        @Test
        void aNewSessionIgnoresAnOverrideHandedIn() {
            ProviderResolution resolution = EraChains.FILE.resolve("opencode", false, fileEra(null, null));

            assertThat(places(resolution.links())).doesNotContain("session override");
            assertThat(resolution.host()).isEqualTo("claude");
        }

        @Test
        void theFileErasShortcutIsTheFileEraChain() {
            assertThat(ProviderResolution.of("codex", true, "opencode", "claude"))
                    .isEqualTo(EraChains.FILE.resolve("codex", true, fileEra("opencode", "claude")));
        }
    }

    // ---- the DB-config era --------------------------------------------------------------------------------------

    @Nested
    class DbEra {

        /** session override | legacy group column | row provider | file provider | host prepares */
        @ParameterizedTest(name = "session={0} legacy={1} row={2} file={3} -> {4}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                null     | null     | null     | null     | claude
                null     | null     | codex    | null     | codex
                null     | codex    | null     | null     | claude
                null     | null     | null     | codex    | claude
                null     | opencode | codex    | claude   | codex
                opencode | null     | codex    | null     | opencode
                ''       | null     | codex    | null     | codex
                ''       | codex    | ''       | codex    | claude
                null     | null     | ''       | null     | claude
                null     | null     | CODEX    | null     | codex
                Codex    | null     | null     | null     | codex
                'codex ' | null     | null     | null     | 'codex '
                null     | null     | 'Codex ' | null     | 'codex '
                null     | null     | ' '      | null     | ' '
                """)
        void theHostTakesSessionThenRowThenClaudeAndIgnoresTheFileAndTheGroupColumn(String session, String legacy,
                String row, String file, String host) {
            assertThat(EraChains.DB_CONFIG.host(session, withRow(legacy, row, file))).isEqualTo(host);
        }

        /** legacy group column | row provider | file provider | runner runs at the next spawn */
        @ParameterizedTest(name = "legacy={0} row={1} file={2} -> {3}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                null     | null     | null     | claude
                null     | null     | codex    | claude
                codex    | null     | codex    | claude
                null     | ''       | codex    | claude
                codex    | ''       | null     | claude
                null     | codex    | null     | codex
                opencode | codex    | opencode | codex
                null     | Codex    | null     | codex
                null     | CODEX    | null     | codex
                null     | 'codex ' | codex    | 'codex '
                null     | ' codex' | null     | ' codex'
                null     | ' '      | null     | ' '
                """)
        void theRunnerRunsTheRowsProviderOrClaude(String legacy, String row, String file, String runner) {
            assertThat(EraChains.DB_CONFIG.runner(withRow(legacy, row, file))).isEqualTo(runner);
        }

        @Test
        void theFileAndTheGroupColumnAreNoLinksOfEitherChain() {
            ProviderResolution resolution = EraChains.DB_CONFIG.resolve("opencode", true,
                    withRow("mock", "codex", "claude"));

            assertThat(resolution.links()).containsExactly(
                    new Link("session override", "opencode", true),
                    new Link("container_configs row", "codex", false),
                    new Link("default", "claude", false));
            assertThat(resolution.runnerLinks()).containsExactly(
                    new Link("container_configs row", "codex", true),
                    new Link("default", "claude", false));
            assertThat(resolution.links()).extracting(Link::value).doesNotContain("mock");
            assertThat(resolution.host()).isEqualTo("opencode");
            assertThat(resolution.runner()).isEqualTo("codex");
            assertThat(resolution.agrees()).isFalse();
        }

        @Test
        void aNewSessionsChainsAreTheRowThenTheDefault() {
            ProviderResolution resolution = EraChains.DB_CONFIG.resolve(null, false, withRow("opencode", "Codex", null));

            assertThat(resolution.links()).containsExactly(
                    new Link("container_configs row", "Codex", true),
                    new Link("default", "claude", false));
            assertThat(resolution.host()).isEqualTo("codex");
            assertThat(resolution.runner()).isEqualTo("codex");
            assertThat(resolution.agrees()).isTrue();
        }

        @Test
        void anEmptyRowProviderFallsToClaude() {
            ProviderResolution resolution = EraChains.DB_CONFIG.resolve(null, false, withRow("codex", "", "codex"));

            assertThat(resolution.links()).containsExactly(
                    new Link("container_configs row", "", false),
                    new Link("default", "claude", true));
            assertThat(resolution.runnerLinks()).containsExactly(
                    new Link("container_configs row", "", false),
                    new Link("default", "claude", true));
            assertThat(resolution.host()).isEqualTo("claude");
            assertThat(resolution.runner()).isEqualTo("claude");
        }

        @Test
        void aNullRowProviderFallsToClaude() {
            ProviderResolution resolution = EraChains.DB_CONFIG.resolve("", true, withRow(null, null, "opencode"));

            assertThat(taken(resolution.links())).isEqualTo("default");
            assertThat(taken(resolution.runnerLinks())).isEqualTo("default");
            assertThat(resolution.host()).isEqualTo("claude");
            assertThat(resolution.runner()).isEqualTo("claude");
        }

        @Test
        void lowerCasingDoesNotTrim() {
            ProviderResolution resolution = EraChains.DB_CONFIG.resolve("OpenCode ", true, withRow(null, "Codex ", null));

            assertThat(resolution.host()).isEqualTo("opencode ");
            assertThat(resolution.runner()).isEqualTo("codex ");
            assertThat(resolution.links().get(0).value()).as("values as stored").isEqualTo("OpenCode ");
            assertThat(resolution.runnerLinks().get(0).value()).isEqualTo("Codex ");
        }

        @Test
        void aSessionOverrideOfBlanksIsSetAndNamesNoProvider() {
            ProviderResolution resolution = EraChains.DB_CONFIG.resolve(" ", true, withRow(null, "codex", null));

            assertThat(taken(resolution.links())).isEqualTo("session override");
            assertThat(resolution.host()).isEqualTo(" ");
        }

        @Test
        void aRowlessGroupReadsTheRowTheBackfillWouldCreate() {
            ProviderResolution resolution = EraChains.DB_CONFIG.resolve(null, false, rowless("codex", "codex", null));

            assertThat(resolution.links()).containsExactly(
                    new Link("row the back-fill would create", "codex", true),
                    new Link("default", "claude", false));
            assertThat(resolution.runnerLinks()).containsExactly(
                    new Link("row the back-fill would create", "codex", true),
                    new Link("default", "claude", false));
            assertThat(resolution.host()).isEqualTo("codex");
            assertThat(resolution.runner()).isEqualTo("codex");
        }

        @Test
        void aRowlessGroupWithoutABackfilledProviderRunsClaude() {
            ProviderResolution resolution = EraChains.DB_CONFIG.resolve("codex", true, rowless(null, null, null));

            assertThat(places(resolution.links()))
                    .containsExactly("session override", "row the back-fill would create", "default");
            assertThat(taken(resolution.runnerLinks())).isEqualTo("default");
            assertThat(resolution.runner()).isEqualTo("claude");
        }

        @Test
        void aNewSessionIgnoresAnOverrideHandedIn() {
            ProviderResolution resolution = EraChains.DB_CONFIG.resolve("opencode", false, withRow(null, "codex", null));

            assertThat(places(resolution.links())).containsExactly("container_configs row", "default");
            assertThat(resolution.host()).isEqualTo("codex");
        }
    }

    // ---- the sources of a DB-era group, as the rules and the pages read them --------------------------------------

    @Nested
    class DbEraSources {

        static ContainerConfigFile file(String json) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(bytes);
            return parsed.state() == ConfigFileState.OK ? ContainerConfigFile.ok("research", bytes, parsed.document())
                    : ContainerConfigFile.broken("research", parsed.state(), bytes, parsed.error());
        }

        static ContainerConfigRow row(String provider) {
            return new ContainerConfigRow(ID, provider, null, null, null, null, null, "\"all\"", "{}", "[]", "[]", "[]",
                    "2026-05-10T08:00:00.050Z", "group");
        }

        static GroupInput group(String legacy, ContainerConfigRow row, ContainerConfigFile file) {
            return new GroupInput(ID, "Research", "research", legacy, file, List.of(), row);
        }

        @Test
        void aGroupWithARowReadsItsProviderAsStored() {
            ProviderSources sources = DbEraRules.sources(group("opencode", row("Codex"), file("{\"provider\": \"mock\"}")));

            assertThat(sources).isEqualTo(new ProviderSources("opencode", "Codex", true, "mock"));
            assertThat(EraChains.DB_CONFIG.host(null, sources)).isEqualTo("codex");
            assertThat(EraChains.DB_CONFIG.runner(sources)).isEqualTo("codex");
        }

        @Test
        void aRowProviderOfNullIsNotReplacedByTheFileOrTheLegacyColumn() {
            ProviderSources sources = DbEraRules.sources(group("codex", row(null), file("{\"provider\": \"opencode\"}")));

            assertThat(sources.configRow()).isNull();
            assertThat(sources.hasConfigRow()).isTrue();
            assertThat(EraChains.DB_CONFIG.resolve(null, false, sources).runner()).isEqualTo("claude");
        }

        /** legacy column | container.json | the provider the back-fill would store | runner */
        @ParameterizedTest(name = "legacy={0} file={1} -> {2}, runner {3}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                codex  | {"provider": "opencode"} | codex    | codex
                Codex  | {}                       | Codex    | codex
                null   | {"provider": "opencode"} | opencode | opencode
                ''     | {"provider": "OpenCode"} | OpenCode | opencode
                null   | {"provider": "codex "}   | 'codex ' | 'codex '
                null   | {"provider": false}      | null     | claude
                null   | {"provider": ""}         | null     | claude
                null   | {"provider": null}       | null     | claude
                null   | {}                       | null     | claude
                null   | {"provider": "codex",}   | null     | claude
                ' '    | {}                       | ' '      | ' '
                """)
        void aRowlessGroupReadsTheProviderTheBackfillWouldStore(String legacy, String json, String backfilled,
                String runner) {
            ProviderSources sources = DbEraRules.sources(group(legacy, null, file(json)));

            assertThat(sources.hasConfigRow()).isFalse();
            assertThat(sources.configRow()).isEqualTo(backfilled);
            ProviderResolution resolution = EraChains.DB_CONFIG.resolve(null, false, sources);
            assertThat(places(resolution.runnerLinks())).containsExactly("row the back-fill would create", "default");
            assertThat(resolution.runner()).isEqualTo(runner);
            assertThat(resolution.host()).isEqualTo(runner);
        }

        @Test
        void aRowlessGroupWithoutAFolderBackfillsTheLegacyColumn() {
            ContainerConfigFile noFolder = ContainerConfigFile.absent("research", ConfigFileState.FOLDER_MISSING,
                    ParseError.of("no folder"));

            ProviderSources sources = DbEraRules.sources(group("codex", null, noFolder));

            assertThat(sources.configRow()).isEqualTo("codex");
            assertThat(EraChains.DB_CONFIG.runner(sources)).isEqualTo("codex");
        }
    }
}
