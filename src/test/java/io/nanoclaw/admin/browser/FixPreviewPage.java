package io.nanoclaw.admin.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The dry run of a change (a fix, a provider, an override): its plan, and the form that applies it. */
final class FixPreviewPage {

    private static final By TITLE = By.id("preview-title");
    private static final By DB_CHANGE_ROWS = By.cssSelector("#db-changes tbody tr");
    private static final By DRY_RUN_NOTE = By.id("dry-run-note");

    /**
     * One line of the plan's "In NanoClaw's DB" table, as shown: {@code before} and {@code after} are quoted SQL
     * literals ({@code 'claude'}) or {@code NULL}.
     */
    record DbChange(String table, String row, String column, String before, String after) {

        /** {@code table.column before -> after}, e.g. {@code container_configs.provider 'claude' -> 'codex'}. */
        String change() {
            return table + "." + column + " " + before + " -> " + after;
        }
    }

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

    String title() {
        return driver.findElement(TITLE).getText();
    }

    /** The note that the preview is a dry run, if shown. */
    boolean saysNothingIsChangedYet() {
        return !driver.findElements(DRY_RUN_NOTE).isEmpty();
    }

    /** The plan's changes to NanoClaw's DB, in order; empty when it changes nothing there. */
    List<DbChange> dbChanges() {
        return driver.findElements(DB_CHANGE_ROWS).stream().map(row -> {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            return new DbChange(cells.get(0).getText(), cells.get(1).getText(), cells.get(2).getText(),
                    row.findElement(By.cssSelector("td.before")).getText(),
                    row.findElement(By.cssSelector("td.after")).getText());
        }).toList();
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
