package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nanoclaw.admin.SampleInstall;

/**
 * Headless Chromium enforcing the Content-Security-Policy: every page a person opens, the API explorer included,
 * loads without a single violation in the browser console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ContentSecurityPolicyBrowserTest {

    static final String PASSWORD = "csp-browser-Pa55word";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path installCopy;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path profile;

    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        registry.add("nanoclaw.install-root", () -> SampleInstall.copyTo(installCopy).toString());
        registry.add("nanoclaw.data-dir", dataDir::toString);
        registry.add("nanoclaw.admin.password", () -> PASSWORD);
    }

    @BeforeAll
    static void startBrowser() {
        if (!executable(CHROMIUM) || !executable(CHROMEDRIVER)) {
            String message = "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withSilent(true).build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(15));
    }

    @AfterAll
    static void quitBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Test
    void everyPageAndTheApiExplorerLoadWithoutAPolicyViolation() {
        List<String> violations = new ArrayList<>();
        open("/login", violations);
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
        violations.addAll(violations());

        for (String page : List.of("/", "/groups", "/groups/" + SampleInstall.OPS_BOT_ID, "/sessions", "/upgrade",
                "/audit", "/access", "/groups/" + SampleInstall.OPS_BOT_ID + "/container-config", "/no-such-page")) {
            open(page, violations);
        }
        open("/swagger-ui.html", violations);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.cssSelector(".opblock-tag")).isEmpty());
        violations.addAll(violations());

        assertThat(violations).isEmpty();
    }

    private void open(String path, List<String> violations) {
        driver.get("http://127.0.0.1:" + port + path);
        violations.addAll(violations());
    }

    private static List<String> violations() {
        List<String> found = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (message.contains("Content Security Policy") || message.contains("Content-Security-Policy")
                    || entry.getLevel().intValue() >= Level.SEVERE.intValue() && message.contains("Refused")) {
                found.add(driver.getCurrentUrl() + ": " + message);
            }
        }
        return found;
    }

    private static boolean executable(Path path) {
        File file = path.toFile();
        return file.isFile() && file.canExecute();
    }
}
