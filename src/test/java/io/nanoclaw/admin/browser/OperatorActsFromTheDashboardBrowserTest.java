package io.nanoclaw.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/** An operator acts on a finding where the dashboard shows it: a plain-verb button, its preview, applied. */
class OperatorActsFromTheDashboardBrowserTest extends BrowserTest {

    @Test
    void the_provider_mismatch_is_fixed_from_the_dashboards_button_in_plain_words() throws IOException {
        DashboardPage dashboard = LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD);
        assertThat(dashboard.fixButtons("GROUP_PROVIDER_MISMATCH"))
                .contains("Write codex into container.json", "Clear the DB's provider (container.json names none)");
        int drifted = dashboard.count("drifted");

        FixPreviewPage preview = dashboard.actOn("GROUP_PROVIDER_MISMATCH", "Write codex into container.json");
        assertThat(preview.summary()).isEqualTo("Write the DB's provider codex into container.json");
        GroupChangesPage opsBot = preview.confirm("fixed from the dashboard");

        assertThat(opsBot.status()).isEqualTo("ALIGNED");
        assertThat(Files.readString(installCopy.resolve("groups/ops-bot/container.json")))
                .contains("\"provider\": \"codex\"");
        driver.get(baseUrl() + "/");
        DashboardPage after = DashboardPage.of(driver);
        assertThat(after.worstKinds()).doesNotContain("GROUP_PROVIDER_MISMATCH");
        assertThat(after.count("drifted")).isEqualTo(drifted - 1);
    }
}
