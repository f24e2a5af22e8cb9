package io.nanoclaw.admin.browser;

import java.net.URI;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the page objects share: making sure the browser shows the page they describe. */
final class Pages {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private Pages() {
    }

    /**
     * Waits until the browser is on a path starting with {@code pathPrefix} and shows {@code marker}; fails with the
     * page actually shown otherwise.
     */
    static void requirePage(WebDriver driver, String pathPrefix, By marker) {
        try {
            new WebDriverWait(driver, WAIT).until(d -> URI.create(d.getCurrentUrl()).getPath().startsWith(pathPrefix)
                    && !d.findElements(marker).isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("Expected the page " + pathPrefix + " showing " + marker + ", but the browser is on "
                    + driver.getCurrentUrl() + " titled '" + driver.getTitle() + "'", e);
        }
    }
}
