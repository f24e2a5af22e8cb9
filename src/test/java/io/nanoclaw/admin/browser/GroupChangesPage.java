package io.nanoclaw.admin.browser;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A group's page at {@code /groups/{id}} as an operator uses it to change things: fix buttons, the editor, notices. */
final class GroupChangesPage {

    private static final By ACTIONS = By.id("provider-actions");
    private static final By NOTICE = By.cssSelector("#notice p.notice");
    private static final By STATUS = By.cssSelector("h1 .badge");
    private static final By NOTICE_DETAILS = By.cssSelector("#notice-details li");
    private static final By PROBLEM = By.id("problem");
    private static final By PROVIDER_FORM = By.id("provider-form");
    private static final By PROVIDER_SELECT = By.id("provider-select");
    private static final By PROVIDER_PREVIEW = By.id("provider-preview");
    private static final By RESTART_SECTION = By.id("restart");
    private static final By RESTART_FORM = By.id("restart-form");
    private static final By RESTART_MESSAGE = By.id("restart-message");
    private static final By RESTART_REASON = By.id("restart-reason");
    private static final By RESTART_SUBMIT = By.id("restart-submit");
    private static final By HOST_NOT_RUNNING = By.id("host-not-running");

    private final WebDriver driver;

    private GroupChangesPage(WebDriver driver) {
        this.driver = driver;
    }

    static GroupChangesPage of(WebDriver driver) {
        Pages.requirePage(driver, "/groups/", ACTIONS);
        return new GroupChangesPage(driver);
    }

    /** Clicks the button of {@code fix} in the row of the finding {@code kind}, which opens the fix's preview. */
    FixPreviewPage openFix(String kind, String fix) {
        driver.findElement(By.cssSelector("#findings tr[data-kind='" + kind + "'] a.fix-button[data-fix='" + fix + "']"))
                .click();
        return FixPreviewPage.of(driver);
    }

    /** Chooses {@code provider} in the group's provider form and asks for its preview (nothing is written yet). */
    FixPreviewPage previewProvider(String provider) {
        WebElement form = driver.findElement(PROVIDER_FORM);
        new Select(form.findElement(PROVIDER_SELECT)).selectByValue(provider);
        form.findElement(PROVIDER_PREVIEW).click();
        return FixPreviewPage.of(driver);
    }

    ConfigEditorPage editContainerConfig() {
        driver.findElement(By.id("edit-config")).click();
        return ConfigEditorPage.of(driver);
    }

    /** The message shown after a change, or null when there is none. */
    String notice() {
        List<WebElement> notices = driver.findElements(NOTICE);
        return notices.isEmpty() ? null : notices.get(0).getText();
    }

    /** The lines under the notice, in order; empty when there are none. */
    List<String> noticeDetails() {
        return driver.findElements(NOTICE_DETAILS).stream().map(WebElement::getText).toList();
    }

    /** The refusal shown after a change that did not happen, if any. */
    Optional<String> problem() {
        List<WebElement> problems = driver.findElements(PROBLEM);
        return problems.isEmpty() ? Optional.empty() : Optional.of(problems.get(0).getText());
    }

    /** Whether the "Restart now" card offers its form and button (only while NanoClaw's host listens). */
    boolean offersRestart() {
        WebElement card = driver.findElement(RESTART_SECTION);
        return !card.findElements(RESTART_FORM).isEmpty() && !card.findElements(RESTART_SUBMIT).isEmpty();
    }

    /** What the "Restart now" card says when no host listens, if it says so. */
    Optional<String> hostNotRunning() {
        List<WebElement> found = driver.findElement(RESTART_SECTION).findElements(HOST_NOT_RUNNING);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getText());
    }

    /**
     * Fills in the "Restart now" form (a blank {@code message} or {@code reason} is left empty) and submits it, landing
     * back on the group's page with the host's answer as the notice, or a problem.
     */
    GroupChangesPage restart(String message, String reason) {
        WebElement form = driver.findElement(RESTART_FORM);
        if (message != null && !message.isEmpty()) {
            form.findElement(RESTART_MESSAGE).sendKeys(message);
        }
        if (reason != null && !reason.isEmpty()) {
            form.findElement(RESTART_REASON).sendKeys(reason);
        }
        form.findElement(RESTART_SUBMIT).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(form));
        return GroupChangesPage.of(driver);
    }

    /** ALIGNED, DRIFTED or BROKEN. */
    String status() {
        return driver.findElement(STATUS).getText();
    }

    List<String> findingKinds() {
        return driver.findElements(By.cssSelector("#findings tr[data-kind]")).stream()
                .map(row -> row.getAttribute("data-kind")).toList();
    }
}
