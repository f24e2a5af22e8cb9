package io.nanoclaw.admin.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The dry run of a change (a fix, a provider, an override): its plan, and the form that applies it. */
final class FixPreviewPage {

    private static final By TITLE = By.id("preview-title");

    private final WebDriver driver;

    private FixPreviewPage(WebDriver driver) {
        this.driver = driver;
    }

    static FixPreviewPage of(WebDriver driver) {
        Pages.requirePage(driver, "/groups/", TITLE);
        return new FixPreviewPage(driver);
    }

    String summary() {
        return driver.findElement(By.id("plan-summary")).getText();
    }

    /** The unified diff of container.json as shown. */
    String fileDiff() {
        return driver.findElement(By.id("file-diff")).getText();
    }

    List<String> nextSteps() {
        return driver.findElements(By.cssSelector("#next-steps li")).stream().map(WebElement::getText).toList();
    }

    /** Applies the change with a reason, landing back on the group's page. */
    GroupChangesPage confirm(String reason) {
        driver.findElement(By.id("reason")).sendKeys(reason);
        driver.findElement(By.id("confirm")).click();
        return GroupChangesPage.of(driver);
    }
}
