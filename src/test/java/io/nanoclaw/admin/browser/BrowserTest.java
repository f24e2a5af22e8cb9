package io.nanoclaw.admin.browser;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nanoclaw.admin.SampleInstall;

/**
 * A running service on the test class's own copy of the sample install, and a headless Chromium driving it. Each
 * test starts logged out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class BrowserTest {

    static final String PASSWORD = "browser-test-Pa55word";

    @TempDir
    static Path installCopy;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path browserProfile;

    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void install(DynamicPropertyRegistry registry) {
        registry.add("nanoclaw.install-root", () -> SampleInstall.copyTo(installCopy).toString());
        registry.add("nanoclaw.data-dir", dataDir::toString);
        registry.add("nanoclaw.admin.password", () -> PASSWORD);
    }

    @BeforeAll
    static void startBrowser(TestInfo test) {
        driver = HeadlessChromium.start(browserProfile, test.getDisplayName());
    }

    @AfterAll
    static void quitBrowser() {
        HeadlessChromium.quit(driver);
        driver = null;
    }

    @BeforeEach
    void startLoggedOut() {
        driver.get(baseUrl() + "/login");
        driver.manage().deleteAllCookies();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
