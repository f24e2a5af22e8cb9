package io.nanoclaw.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An operator, in a real (headless Chromium) browser, opens a group of a DB-config era install whose container.json was
 * edited by hand: the page shows the row, the file and the legacy column side by side, and what the next spawn writes.
 */
class OperatorReadsADbEraGroupBrowserTest extends DbEraBrowserTest {

    @Test
    void a_hand_edited_file_is_shown_beside_the_row_that_the_next_spawn_writes_over_it() {
        GroupDetailPage research = LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD).openGroups()
                .openGroup("research");

        assertThat(research.era()).isEqualTo("DB-config era (NanoClaw 2.0.48+)");
        assertThat(research.showsRowFileAndLegacyColumn()).isTrue();
        assertThat(research.rowColumn("provider")).isEqualTo("claude");
        assertThat(research.legacyMarker()).hasValue("legacy: read by nothing");
        assertThat(research.status()).isEqualTo("DRIFTED");
        assertThat(research.findingKinds()).containsExactly("CONFIG_FILE_DIVERGES_FROM_DB");
        assertThat(research.runnerTakenLink()).isEqualTo("container_configs row");
        assertThat(research.nextSpawnDiff()).hasValueSatisfying(diff -> assertThat(diff)
                .contains("-  \"provider\": \"codex\",").contains("+  \"provider\": \"claude\","));
    }

    @Test
    void a_group_whose_file_the_host_wrote_shows_no_diff() {
        GroupDetailPage opsBot = LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD).openGroups()
                .openGroup("ops-bot");

        assertThat(opsBot.status()).isEqualTo("ALIGNED");
        assertThat(opsBot.nextSpawnDiff()).isEmpty();
        assertThat(opsBot.findingKinds()).containsExactly("LEGACY_GROUP_PROVIDER_IGNORED");
        assertThat(opsBot.rowColumn("provider")).isEqualTo("claude");
    }
}
