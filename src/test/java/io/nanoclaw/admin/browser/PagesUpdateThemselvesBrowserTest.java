package io.nanoclaw.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.nanoclaw.admin.SampleInstall;

/**
 * The dashboard and a group page follow a change someone else makes on disk, in place: the same document (no reload)
 * shows the new findings and status within a few seconds.
 */
class PagesUpdateThemselvesBrowserTest extends BrowserTest {

    static final Duration WITHIN = Duration.ofSeconds(6);

    @BeforeEach
    void logIn() {
        LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD);
    }

    @Test
    void the_dashboard_drops_a_mismatch_fixed_on_disk_without_reloading() throws Exception {
        driver.get(baseUrl() + "/");
        assertThat(findingKinds()).contains("GROUP_PROVIDER_MISMATCH");
        String aligned = driver.findElement(By.id("count-aligned")).getText();
        markThisDocument();
        awaitSubscribed();

        Path opsBot = installCopy.resolve("groups/ops-bot/container.json");
        Files.writeString(opsBot, Files.readString(opsBot).replaceFirst("\\{", "{\n  \"provider\": \"codex\","));

        waitUntil(() -> !findingKinds().contains("GROUP_PROVIDER_MISMATCH")
                && driver.findElement(By.id("count-aligned")).getText()
                        .equals(String.valueOf(Integer.parseInt(aligned) + 1)));
        assertThat(sameDocument()).as("the page was updated in place, not reloaded").isTrue();
    }

    @Test
    void a_group_page_shows_its_new_status_when_its_row_changes_by_sql() throws Exception {
        driver.get(baseUrl() + "/groups/" + SampleInstall.MAIN_ID);
        assertThat(driver.findElement(By.cssSelector("#live-group-title .badge")).getText()).isEqualTo("ALIGNED");
        markThisDocument();
        awaitSubscribed();

        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + installCopy.resolve("data/v2.db"));
                var statement = db.createStatement()) {
            statement.executeUpdate("UPDATE agent_groups SET agent_provider = 'codex' WHERE id = '"
                    + SampleInstall.MAIN_ID + "'");
        }

        waitUntil(() -> driver.findElement(By.cssSelector("#live-group-title .badge")).getText().equals("DRIFTED")
                && driver.findElement(By.id("findings")).getText().contains("GROUP_PROVIDER_MISMATCH"));
        assertThat(sameDocument()).isTrue();
    }

    /** Waits for the page to show it; an element swapped out while it was read is simply read again. */
    private void waitUntil(java.util.function.BooleanSupplier shows) {
        new WebDriverWait(driver, WITHIN).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> shows.getAsBoolean());
    }

    private String findingKinds() {
        return driver.findElement(By.id("worst-findings")).getText();
    }

    private void markThisDocument() {
        ((JavascriptExecutor) driver).executeScript("window.__sameDocument = 'yes';");
    }

    private boolean sameDocument() {
        return "yes".equals(((JavascriptExecutor) driver).executeScript("return window.__sameDocument;"));
    }

    private void awaitSubscribed() {
        new WebDriverWait(driver, WITHIN).until(d -> "subscribed".equals(
                d.findElement(By.tagName("html")).getAttribute("data-live")));
    }
}
