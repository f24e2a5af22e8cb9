package io.nanoclaw.admin.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The DB-config era's config editor: the container_configs row as a form, one input per column. */
final class RowEditorPage {

    private static final By ROW_FORM = By.id("row-form");

    private final WebDriver driver;

    private RowEditorPage(WebDriver driver) {
        this.driver = driver;
    }

    static RowEditorPage of(WebDriver driver) {
        Pages.requirePage(driver, "/groups/", ROW_FORM);
        return new RowEditorPage(driver);
    }

    /** Replaces the text of one of the form's inputs ({@code model}, {@code effort}, {@code imageTag}, …). */
    RowEditorPage type(String inputId, String value) {
        WebElement input = driver.findElement(By.id(inputId));
        input.clear();
        input.sendKeys(value);
        return this;
    }

    RowEditorPage selectCliScope(String scope) {
        new Select(driver.findElement(By.id("cliScope"))).selectByValue(scope);
        return this;
    }

    String value(String inputId) {
        return driver.findElement(By.id(inputId)).getDomProperty("value");
    }

    /** The row's columns that the preview's table lists, then the file's diff and the Save form. */
    ConfigPreviewPage preview() {
        driver.findElement(By.id("preview-form")).click();
        return ConfigPreviewPage.of(driver);
    }

    /** The columns the preview would write, as its table names them. */
    static java.util.List<String> previewedColumns(WebDriver driver) {
        return driver.findElements(By.cssSelector("#db-changes tbody tr td:nth-child(3)")).stream()
                .map(WebElement::getText).toList();
    }
}
