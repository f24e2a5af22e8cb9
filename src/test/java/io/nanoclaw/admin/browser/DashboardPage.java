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

    GroupsPage openGroups() {
        driver.findElement(GROUPS_NAV).click();
        return GroupsPage.of(driver);
    }
}
