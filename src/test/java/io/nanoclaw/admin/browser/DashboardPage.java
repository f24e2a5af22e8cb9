package io.nanoclaw.admin.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The dashboard at {@code /}, where a log-in lands. */
final class DashboardPage {

    private static final By COUNTS = By.id("status-counts");
    private static final By GROUPS_NAV = By.cssSelector("nav.nav a[href='/groups']");

    private final WebDriver driver;

    private DashboardPage(WebDriver driver) {
        this.driver = driver;
    }

    static DashboardPage of(WebDriver driver) {
        Pages.requirePage(driver, "/", COUNTS);
        return new DashboardPage(driver);
    }

    /** The number of groups shown for a status: aligned, drifted or broken. */
    int count(String status) {
        return Integer.parseInt(driver.findElement(By.id("count-" + status)).getText().strip());
    }

    /** The kinds of the worst findings, in the order shown. */
    List<String> worstKinds() {
        return driver.findElements(By.cssSelector("#worst-findings tbody tr[data-kind]")).stream()
                .map(row -> row.getAttribute("data-kind")).toList();
    }

    /** The labels of the fix buttons in the worst-findings row of {@code kind}. */
    List<String> fixButtons(String kind) {
        return driver.findElements(By.cssSelector("#worst-findings tr[data-kind='" + kind + "'] a.fix-button")).stream()
                .map(button -> button.getText().strip()).toList();
    }

    /** Clicks the fix button labelled {@code label} in the row of {@code kind}, which opens the fix's preview. */
    FixPreviewPage actOn(String kind, String label) {
        driver.findElements(By.cssSelector("#worst-findings tr[data-kind='" + kind + "'] a.fix-button")).stream()
                .filter(button -> button.getText().strip().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in the row of " + kind))
                .click();
        return FixPreviewPage.of(driver);
    }

    GroupsPage openGroups() {
        driver.findElement(GROUPS_NAV).click();
        return GroupsPage.of(driver);
    }
}
