package io.nanoclaw.admin.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A group's page at {@code /groups/{id}} as an operator uses it to change things: fix buttons, the editor, notices. */
final class GroupChangesPage {

    private static final By ACTIONS = By.id("provider-actions");
    private static final By NOTICE = By.cssSelector("#notice p.notice");
    private static final By STATUS = By.cssSelector("h1 .badge");

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

    ConfigEditorPage editContainerConfig() {
        driver.findElement(By.id("edit-config")).click();
        return ConfigEditorPage.of(driver);
    }

    /** The message shown after a change, or null when there is none. */
    String notice() {
        List<WebElement> notices = driver.findElements(NOTICE);
        return notices.isEmpty() ? null : notices.get(0).getText();
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
