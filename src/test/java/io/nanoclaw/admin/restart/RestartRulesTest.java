package io.nanoclaw.admin.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.nanoclaw.admin.web.InvalidInputException;

/** What "Restart now" accepts, and what it tells a person afterwards. */
class RestartRulesTest {

    @Test
    void aMessageIsAtMost2000CharactersCountedAsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE80";
        assertThat(RestartService.checkedMessage(emoji.repeat(2000))).hasSize(4000);
        assertThatThrownBy(() -> RestartService.checkedMessage("x".repeat(2001)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.name()).isEqualTo("message"))
                .hasMessageContaining("2001 characters");
    }

    @Test
    void aMessageWithNulIsRefusedAndABlankOneIsNone() {
        assertThatThrownBy(() -> RestartService.checkedMessage("a\0b")).isInstanceOf(InvalidInputException.class);
        assertThat(RestartService.checkedMessage("  \n")).isNull();
        assertThat(RestartService.checkedMessage(null)).isNull();
        assertThat(RestartService.checkedMessage(" check the new tool ")).isEqualTo(" check the new tool ");
    }

    @Test
    void aReasonFitsTheAuditTrail() {
        RestartService.checkReason(null);
        RestartService.checkReason("x".repeat(1000));
        assertThatThrownBy(() -> RestartService.checkReason("x".repeat(1001)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.name()).isEqualTo("reason"));
        assertThatThrownBy(() -> RestartService.checkReason("\0")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theSentenceSaysWhenTheContainersComeBack() {
        assertThat(RestartResult.of("g", "ops-bot", 2, false, false).sentence()).isEqualTo(
                "Stopped 2 container(s) of ops-bot. With no message they come back at the next inbound message.");
        assertThat(RestartResult.of("g", "ops-bot", 1, false, true).sentence()).isEqualTo(
                "Stopped 1 container(s) of ops-bot. They come back at once and the new agent reads your message first.");
        assertThat(RestartResult.of("g", "ops-bot", 0, false, true).sentence())
                .startsWith("No container of ops-bot was running").contains("your message was not delivered");
        assertThat(RestartResult.of("g", "ops-bot", 0, false, false).sentence())
                .doesNotContain("message was not delivered");
    }
}
