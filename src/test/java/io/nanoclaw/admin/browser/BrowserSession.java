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


/**
 * A running service and a headless Chromium driving it; each test starts logged out. Subclasses say which sample
 * install the service is attached to ({@link BrowserTest}: the file era's, {@link DbEraBrowserTest}: the DB era's).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class BrowserSession {

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
    static void service(DynamicPropertyRegistry registry) {
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
