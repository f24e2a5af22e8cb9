package io.nanoclaw.admin.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The log-in form at {@code /login}. */
final class LoginPage {

    private static final By USERNAME = By.id("username");
    private static final By PASSWORD = By.id("password");
    private static final By SUBMIT = By.id("login");
    private static final By ERROR = By.id("login-error");

    private final WebDriver driver;

    private LoginPage(WebDriver driver) {
        this.driver = driver;
    }

    static LoginPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/login");
        LoginPage page = new LoginPage(driver);
        page.requireShown();
        return page;
    }

    static LoginPage of(WebDriver driver) {
        LoginPage page = new LoginPage(driver);
        page.requireShown();
        return page;
    }

    /** Submits the form and returns the dashboard, which a successful log-in lands on. */
    DashboardPage logInAs(String username, String password) {
        submit(username, password);
        return DashboardPage.of(driver);
    }

    /** Submits the form expecting to be refused, and returns the log-in page shown again. */
    LoginPage logInExpectingRefusal(String username, String password) {
        submit(username, password);
        return LoginPage.of(driver);
    }

    /** The error shown above the form, or null when there is none. */
    String errorMessage() {
        List<WebElement> errors = driver.findElements(ERROR);
        return errors.isEmpty() ? null : errors.get(0).getText();
    }

    private void submit(String username, String password) {
        WebElement user = driver.findElement(USERNAME);
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver.findElement(PASSWORD);
        pass.clear();
        pass.sendKeys(password);
        driver.findElement(SUBMIT).click();
    }

    private void requireShown() {
        Pages.requirePage(driver, "/login", PASSWORD);
    }
}
