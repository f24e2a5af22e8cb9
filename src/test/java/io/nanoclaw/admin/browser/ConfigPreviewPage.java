package io.nanoclaw.admin.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The diff a container.json edit would write, with its Save form. */
final class ConfigPreviewPage {

    private static final By SAVE_FORM = By.id("save-form");

    private final WebDriver driver;

    private ConfigPreviewPage(WebDriver driver) {
        this.driver = driver;
    }

    static ConfigPreviewPage of(WebDriver driver) {
        Pages.requirePage(driver, "/groups/", SAVE_FORM);
        return new ConfigPreviewPage(driver);
    }

    String diff() {
        return driver.findElement(By.id("config-diff")).getText();
    }

    /** Saves, landing back on the group's page. */
    GroupChangesPage save(String reason) {
        driver.findElement(By.id("reason")).sendKeys(reason);
        driver.findElement(By.id("save")).click();
        return GroupChangesPage.of(driver);
    }
}
