package io.nanoclaw.admin.browser;

import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The list of agent groups at {@code /groups}. */
final class GroupsPage {

    private static final By TABLE = By.id("groups");
    private static final By DIFFERS_BADGE = By.cssSelector("td.file-provider .badge.differs");
    private static final By NAME_LINK = By.cssSelector("td.name a");
    private static final By STATUS_BADGE = By.cssSelector("td.status .badge");

    private final WebDriver driver;

    private GroupsPage(WebDriver driver) {
        this.driver = driver;
    }

    static GroupsPage of(WebDriver driver) {
        Pages.requirePage(driver, "/groups", TABLE);
        return new GroupsPage(driver);
    }

    /** The folders of the rows shown, in order. */
    List<String> folders() {
        return driver.findElement(TABLE).findElements(By.cssSelector("tbody tr[data-folder]")).stream()
                .map(row -> row.getAttribute("data-folder"))
                .toList();
    }

    /** The text of the "differs" badge of the group in {@code folder}, if its row has one. */
    Optional<String> differsBadge(String folder) {
        List<WebElement> badges = row(folder).findElements(DIFFERS_BADGE);
        return badges.isEmpty() ? Optional.empty() : Optional.of(badges.get(0).getText());
    }

    /** The drift status badge of the group in {@code folder}: ALIGNED, DRIFTED or BROKEN. */
    String status(String folder) {
        return row(folder).findElement(STATUS_BADGE).getText();
    }

    /** Follows the link of the group in {@code folder} to its detail page. */
    GroupDetailPage openGroup(String folder) {
        row(folder).findElement(NAME_LINK).click();
        return GroupDetailPage.of(driver);
    }

    private WebElement row(String folder) {
        return driver.findElement(TABLE).findElement(By.cssSelector("tbody tr[data-folder='" + folder + "']"));
    }
}
