package io.nanoclaw.admin.browser;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium and chromedriver, started the same way for every browser test. */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * A browser with a fresh profile. Without Chromium the calling test class fails on CI (it must be there) and is
     * skipped elsewhere, with the way to install it.
     */
    static ChromeDriver start(Path profile, String testName) {
        requireInstalled(testName);
        // The Debian chromedriver; Selenium Manager must never look for (or download) one. Should it run anyway, it
        // gets the SE_* system properties as its environment: offline, and no usage statistics sent.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(15));
        return driver;
    }

    static void quit(ChromeDriver driver) {
        if (driver != null) {
            driver.quit();
        }
    }

    private static void requireInstalled(String testName) {
        if (isExecutable(CHROMIUM) && isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install -y chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + "; CI=true, so it fails instead of skipping");
        }
        // Surefire reports a class aborted in @BeforeAll as 0 tests run, without the reason: say it here too.
        System.err.println("SKIPPED " + testName + ": " + message);
        Assumptions.abort(message + "; skipping");
    }

    private static boolean isExecutable(Path path) {
        File file = path.toFile();
        return file.isFile() && file.canExecute();
    }
}
