package io.nanoclaw.admin.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The container.json editor: the form tab, the raw tab, and the merge view after someone else's save. */
final class ConfigEditorPage {

    private static final By EDITOR = By.cssSelector("form.editor");
    private static final By MERGE = By.id("merge");

    private final WebDriver driver;

    private ConfigEditorPage(WebDriver driver) {
        this.driver = driver;
    }

    static ConfigEditorPage of(WebDriver driver) {
        Pages.requirePage(driver, "/groups/", EDITOR);
        return new ConfigEditorPage(driver);
    }

    /** Types one more apt package into the form's list (one per line). */
    ConfigEditorPage addAptPackage(String name) {
        driver.findElement(By.id("apt")).sendKeys("\n" + name);
        return this;
    }

    /** Previews the form, expecting the diff and the save form. */
    ConfigPreviewPage preview() {
        driver.findElement(By.id("preview-form")).click();
        return ConfigPreviewPage.of(driver);
    }

    /** Previews the form, expecting the merge view because the file changed since the editor was opened. */
    ConfigEditorPage previewExpectingMerge() {
        driver.findElement(By.id("preview-form")).click();
        Pages.requirePage(driver, "/groups/", MERGE);
        return this;
    }

    boolean showsMerge() {
        return !driver.findElements(MERGE).isEmpty();
    }

    String otherChange() {
        return driver.findElement(By.id("other-change")).getText();
    }

    String yourChange() {
        return driver.findElement(By.id("your-change")).getText();
    }

    /** The raw tab's text, as the browser would send it. */
    String rawText() {
        return driver.findElement(By.id("raw-text")).getDomProperty("value");
    }

    /** Replaces the raw tab's text, as pasting a whole document would. */
    ConfigEditorPage replaceRawText(String text) {
        WebElement raw = driver.findElement(By.id("raw-text"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", raw, text);
        return this;
    }

    ConfigPreviewPage previewRaw() {
        driver.findElement(By.id("preview-raw")).click();
        return ConfigPreviewPage.of(driver);
    }
}
