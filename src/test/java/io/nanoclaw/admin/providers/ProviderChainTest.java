package io.nanoclaw.admin.providers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderChainTest {

    /** session override | group column | file provider | host prepares. 'null' is SQL NULL / an absent key. */
    @ParameterizedTest(name = "session={0} group={1} file={2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "null, null, null, claude",
            "null, codex, null, codex",
            "null, null, opencode, opencode",
            "null, codex, opencode, codex",
            "opencode, codex, claude, opencode",
            "'', codex, claude, codex",
            "'', '', claude, claude",
            "'', '', '', claude",
            "null, CODEX, null, codex",
            "'codex ', null, null, 'codex '",
            "' ', codex, null, ' '",
            "null, Ünïcode, null, ünïcode"})
    void hostTakesTheFirstNonEmptyLowerCasedWithoutTrimming(String session, String group, String file, String host) {
        assertThat(ProviderChain.host(session, group, file)).isEqualTo(host);
    }

    @ParameterizedTest(name = "file={0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "null, claude",
            "'', claude",
            "codex, codex",
            "Codex, codex",
            "'codex ', 'codex '",
            "' ', ' '",
            "I, i"})
    void runnerReadsOnlyTheFile(String file, String runner) {
        assertThat(ProviderChain.runner(file)).isEqualTo(runner);
    }
}
