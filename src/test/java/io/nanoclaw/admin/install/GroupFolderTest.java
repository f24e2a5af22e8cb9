package io.nanoclaw.admin.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupFolderTest {

    @ParameterizedTest
    @ValueSource(strings = {"main", "ops-bot", "old_experiment", "A1", "9lives", "x",
            "a23456789012345678901234567890123456789012345678901234567890123"})
    void namesNanoclawAcceptsAreValid(String name) {
        assertThat(GroupFolder.isValid(name)).isTrue();
        assertThat(new GroupFolder(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " main", "main ", "-main", "_main", ".main", "..", "a..b", "a/b", "a\\b", "global",
            "Global", "GLOBAL", "ops bot", "ops.bot", "émile",
            "a2345678901234567890123456789012345678901234567890123456789012345"})
    void namesNanoclawRefusesAreInvalid(String name) {
        assertThat(GroupFolder.problemWith(name)).isNotNull();
        assertThatThrownBy(() -> new GroupFolder(name)).isInstanceOf(InvalidFolderException.class);
    }

    @org.junit.jupiter.api.Test
    void nullIsInvalid() {
        assertThat(GroupFolder.isValid(null)).isFalse();
    }
}
