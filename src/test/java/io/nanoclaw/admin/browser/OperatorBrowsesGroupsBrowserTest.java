package io.nanoclaw.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/**
 * An operator, in a real (headless Chromium) browser, logs in and sees where the host and the runner disagree about
 * a group's provider. Runs over a copy of the sample install.
 */
class OperatorBrowsesGroupsBrowserTest extends BrowserTest {

    @Test
    void logging_in_as_admin_lands_on_the_dashboard_which_counts_the_sample_installs_drift() {
        DashboardPage dashboard = LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD);

        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/");
        assertThat(dashboard.count("aligned")).isEqualTo(4);
        assertThat(dashboard.count("drifted")).isEqualTo(3);
        assertThat(dashboard.count("broken")).isEqualTo(2);
        assertThat(dashboard.worstKinds()).first().isEqualTo("GROUP_PROVIDER_MISMATCH");
    }

    @Test
    void the_groups_list_marks_ops_bot_as_drifted_and_differing_and_main_as_aligned() {
        GroupsPage groups = LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD).openGroups();

        assertThat(groups.folders()).contains("main", "ops-bot", "writer");
        assertThat(groups.differsBadge("ops-bot")).hasValue("host codex ≠ runner claude");
        assertThat(groups.differsBadge("main")).isEmpty();
        assertThat(groups.status("ops-bot")).isEqualTo("DRIFTED");
        assertThat(groups.status("main")).isEqualTo("ALIGNED");
        assertThat(groups.status("writer")).isEqualTo("BROKEN");
    }

    @Test
    void a_wrong_password_shows_the_login_error_and_does_not_log_in() {
        LoginPage login = LoginPage.open(driver, baseUrl());
        assertThat(login.errorMessage()).as("no error before trying").isNull();

        LoginPage refused = login.logInExpectingRefusal("admin", PASSWORD + "-wrong");

        assertThat(refused.errorMessage()).isEqualTo("Wrong user name or password.");
        driver.get(baseUrl() + "/groups");
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).as("still logged out").isEqualTo("/login");
    }

    @Test
    void the_ops_bot_group_says_the_host_prepares_codex_while_the_runner_runs_claude() {
        GroupDetailPage opsBot = LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD).openGroups()
                .openGroup("ops-bot");

        assertThat(opsBot.heading()).isEqualTo("Ops Bot");
        assertThat(opsBot.fileState()).isEqualTo("OK");
        assertThat(opsBot.providerDiffers())
                .hasValue("For a new session the host prepares codex, the runner runs claude.");
        assertThat(opsBot.hasKnownFieldsTable()).isTrue();
        assertThat(opsBot.knownFieldKeys()).contains("provider");
        assertThat(opsBot.knownFieldValue("provider")).isEqualTo("absent");
        assertThat(opsBot.visibleRawFile()).as("raw file folded away when the file parses").isEmpty();
        assertThat(opsBot.status()).isEqualTo("DRIFTED");
        assertThat(opsBot.newSessionTakenLink()).isEqualTo("group column");
        assertThat(opsBot.newSessionSentence()).isEqualTo("The host prepares codex, the runner runs claude.");
        assertThat(opsBot.findingKinds()).containsExactly("GROUP_PROVIDER_MISMATCH");
    }

    @Test
    void the_writer_group_shows_its_container_json_as_malformed_with_the_raw_file() throws IOException {
        GroupDetailPage writer = LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD).openGroups()
                .openGroup("writer");

        assertThat(writer.fileState()).isEqualTo("MALFORMED");
        assertThat(writer.hasKnownFieldsTable()).as("no field table for a file that does not parse").isFalse();
        String onDisk = Files.readString(installCopy.resolve("groups/writer/container.json"));
        assertThat(writer.visibleRawFile()).hasValueSatisfying(raw -> {
            assertThat(raw).contains("\"provider\": \"claude\"");
            assertThat(raw.strip()).isEqualTo(onDisk.strip());
        });
    }

}
