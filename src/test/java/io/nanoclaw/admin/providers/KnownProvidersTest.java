package io.nanoclaw.admin.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which providers an install registers: one side-effect import per provider in
 * {@code container/agent-runner/src/providers/index.ts} (runner) and {@code src/providers/index.ts} (host), the
 * configured list where those files are absent.
 */
class KnownProvidersTest {

    static final List<String> CONFIGURED = List.of("claude", "codex", "opencode", "mock");
    static final String SETTING = "setting nanoclaw.providers.known";
    static final String RUNNER_INDEX = "container/agent-runner/src/providers/index.ts";
    static final String HOST_INDEX = "src/providers/index.ts";

    @TempDir
    Path root;

    Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void theRunnerIndexNamesTheProvidersTheRunnerRegisters() throws IOException {
        Path index = write(RUNNER_INDEX, """
                // Each import below registers one provider with the runner's registry.
                // A skill adds a provider with a line such as import './gemini.js';
                import { registerProvider } from './registry.js';
                import type { AgentProvider } from './types.js';
                import fs from 'node:fs';

                import './claude.js';
                import "./codex.js";
                import './opencode';
                // import './amplifier.js';
                """);

        KnownProviders known = KnownProviders.of(root, CONFIGURED);

        assertThat(known.runner()).containsExactlyInAnyOrder("claude", "codex", "opencode");
        assertThat(known.runnerSource()).isEqualTo(index.toString());
    }

    @Test
    void theHostIndexNamesOnlyTheProvidersWithAHostSide() throws IOException {
        Path index = write(HOST_INDEX, """
                // Providers that need mounts or environment on the host register here;
                // claude and mock need neither and are not imported.
                //
                import './opencode.js';
                """);

        KnownProviders known = KnownProviders.of(root, CONFIGURED);

        assertThat(known.host()).containsExactly("opencode");
        assertThat(known.hostSource()).isEqualTo(index.toString());
        assertThat(known.hostKnows("opencode")).isTrue();
        assertThat(known.hostKnows("claude")).as("the runner registers it; the host adds nothing for it").isTrue();
        assertThat(known.hostKnows("gemini")).as("neither side registers it").isFalse();
    }

    @Test
    void eachSideIsReadFromItsOwnIndex() throws IOException {
        write(RUNNER_INDEX, "import './claude.js';\nimport './codex.js';\n");
        write(HOST_INDEX, "import './codex.js';\n");

        KnownProviders known = KnownProviders.of(root, CONFIGURED);

        assertThat(known.runnerKnows("claude")).isTrue();
        assertThat(known.runnerKnows("opencode")).as("configured, but not registered by this install").isFalse();
        assertThat(known.hostKnows("codex")).isTrue();
        assertThat(known.hostKnows("opencode")).as("configured, but registered by neither index").isFalse();
    }

    /** one line of an index file | the provider it registers */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            import './claude.js';        | claude
            import "./codex.js";         | codex
            import './opencode';         | opencode
            import './gemini.ts';        | gemini
            import "./mock"              | mock
            import   './open-router.js'; | open-router
            """)
    void everyFormOfTheSideEffectImportIsRead(String line, String provider) throws IOException {
        write(RUNNER_INDEX, "    " + line + "\n");

        assertThat(KnownProviders.of(root, CONFIGURED).runner()).containsExactly(provider);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "// import './gemini.js';",
            "/* import './gemini.js'; */",
            "// Skills add a line such as `import './opencode.js';`",
            "import { registerProvider } from './registry.js';",
            "import type { AgentProvider } from './types.js';",
            "import './index.js';",
            "import fs from 'node:fs';",
            "import { log } from '../log.js';",
            "import '../shared/setup.js';",
            "export * from './types.js';",
            "const name = './codex.js';"})
    void aLineThatRegistersNoProviderIsIgnored(String line) throws IOException {
        write(RUNNER_INDEX, line + "\n");

        KnownProviders known = KnownProviders.of(root, CONFIGURED);

        assertThat(known.runner()).isEmpty();
        assertThat(known.runnerSource()).as("the file is there, it registers nothing").endsWith(RUNNER_INDEX);
    }

    @Test
    void anImportInsideABlockCommentRegistersNothing() throws IOException {
        write(RUNNER_INDEX, """
                import './claude.js';
                /*
                import './gemini.js';
                */
                """);

        assertThat(KnownProviders.of(root, CONFIGURED).runner()).containsExactly("claude");
    }

    @Test
    void aNamedImportOfAHelperModuleRegistersNothing() throws IOException {
        write(RUNNER_INDEX, """
                import { registerProvider } from './provider-registry.js';
                import './claude.js';
                """);

        assertThat(KnownProviders.of(root, CONFIGURED).runner()).containsExactly("claude");
    }

    @Test
    void withoutIndexFilesTheConfiguredListIsInForceForBothSides() {
        KnownProviders known = KnownProviders.of(root, CONFIGURED);

        assertThat(known.runner()).containsExactlyInAnyOrderElementsOf(CONFIGURED);
        assertThat(known.host()).containsExactlyInAnyOrderElementsOf(CONFIGURED);
        assertThat(known.runnerSource()).isEqualTo(SETTING);
        assertThat(known.hostSource()).isEqualTo(SETTING);
    }

    @Test
    void aMissingHostIndexFallsBackWhileThePresentRunnerIndexIsRead() throws IOException {
        write(RUNNER_INDEX, "import './claude.js';\n");

        KnownProviders known = KnownProviders.of(root, CONFIGURED);

        assertThat(known.runner()).containsExactly("claude");
        assertThat(known.runnerSource()).endsWith(RUNNER_INDEX);
        assertThat(known.host()).containsExactlyInAnyOrderElementsOf(CONFIGURED);
        assertThat(known.hostSource()).isEqualTo(SETTING);
    }

    @Test
    void aMissingRunnerIndexFallsBackWhileThePresentHostIndexIsRead() throws IOException {
        write(HOST_INDEX, "import './codex.js';\n");

        KnownProviders known = KnownProviders.of(root, CONFIGURED);

        assertThat(known.runner()).containsExactlyInAnyOrderElementsOf(CONFIGURED);
        assertThat(known.runnerSource()).isEqualTo(SETTING);
        assertThat(known.host()).containsExactly("codex");
        assertThat(known.hostSource()).endsWith(HOST_INDEX);
    }

    @Test
    void anIndexPathThatIsAFolderIsNoIndex() throws IOException {
        Files.createDirectories(root.resolve(RUNNER_INDEX));

        assertThat(KnownProviders.of(root, CONFIGURED).runnerSource()).isEqualTo(SETTING);
    }

    @Test
    void withoutAnInstallRootTheConfiguredListIsInForce() {
        KnownProviders known = KnownProviders.of(null, CONFIGURED);

        assertThat(known).isEqualTo(KnownProviders.configured(CONFIGURED));
        assertThat(known.runnerSource()).isEqualTo(SETTING);
    }

    @Test
    void theConfiguredListIsLowerCasedTrimmedAndWithoutBlanks() {
        KnownProviders known = KnownProviders.configured(Arrays.asList(" Codex ", "CLAUDE", "", "  ", null, "codex"));

        assertThat(known.runner()).containsExactlyInAnyOrder("claude", "codex");
        assertThat(known.host()).containsExactlyInAnyOrder("claude", "codex");
    }

    @Test
    void lookUpsAreExactBecauseBothSidesLowerCaseFirst() {
        KnownProviders known = KnownProviders.configured(CONFIGURED);

        assertThat(known.runnerKnows("codex")).isTrue();
        assertThat(known.runnerKnows("CODEX")).isFalse();
        assertThat(known.runnerKnows("codex ")).isFalse();
        assertThat(known.hostKnows("")).isFalse();
    }
}
