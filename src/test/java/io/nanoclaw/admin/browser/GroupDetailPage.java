package io.nanoclaw.admin.browser;

import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** One agent group at {@code /groups/{id}}: its DB row next to its container.json. */
final class GroupDetailPage {

    private static final By DB_SIDE = By.id("db-side");
    private static final By FILE_SIDE = By.id("file-side");
    private static final By FILE_STATE = By.id("file-state");
    private static final By PROVIDER_DIFFERS = By.id("provider-differs");
    private static final By KNOWN_FIELDS = By.id("known-fields");
    private static final By RAW_FILE = By.id("raw-file");

    private final WebDriver driver;

    private GroupDetailPage(WebDriver driver) {
        this.driver = driver;
    }

    static GroupDetailPage of(WebDriver driver) {
        Pages.requirePage(driver, "/groups/", FILE_SIDE);
        return new GroupDetailPage(driver);
    }

    String heading() {
        return driver.findElement(By.id("group-name")).getText();
    }

    String status() {
        return driver.findElement(By.cssSelector("h1 .badge")).getText();
    }

    /** The place of the link the host takes for a new session: "group column", "container.json" or "default". */
    String newSessionTakenLink() {
        return driver.findElement(By.cssSelector("#chain-new-session .link.taken")).getAttribute("data-place");
    }

    String newSessionSentence() {
        return driver.findElement(By.id("sentence-new-session")).getText();
    }

    List<String> findingKinds() {
        return driver.findElements(By.cssSelector("#findings tr[data-kind]")).stream()
                .map(row -> row.getAttribute("data-kind")).toList();
    }

    String dbProvider() {
        return driver.findElement(DB_SIDE).findElement(By.id("db-provider")).getText();
    }

    /** The state of container.json as shown: OK, MISSING, MALFORMED... */
    String fileState() {
        return driver.findElement(FILE_STATE).getText();
    }

    /** The warning that host and runner disagree, if shown. */
    Optional<String> providerDiffers() {
        return textOf(PROVIDER_DIFFERS);
    }

    /** The keys listed in the known-fields table, or empty when the table is not shown. */
    List<String> knownFieldKeys() {
        List<WebElement> tables = driver.findElements(KNOWN_FIELDS);
        if (tables.isEmpty()) {
            return List.of();
        }
        return tables.get(0).findElements(By.cssSelector("tbody tr[data-key]")).stream()
                .map(row -> row.getAttribute("data-key"))
                .toList();
    }

    /** The value cell of a known field ("absent" when the file leaves it out). */
    String knownFieldValue(String key) {
        return driver.findElement(KNOWN_FIELDS)
                .findElement(By.cssSelector("tbody tr[data-key='" + key + "'] td:nth-child(2)"))
                .getText();
    }

    boolean hasKnownFieldsTable() {
        return !driver.findElements(KNOWN_FIELDS).isEmpty();
    }

    /** The raw file as shown, if the page shows it and it is visible. */
    Optional<String> visibleRawFile() {
        List<WebElement> raw = driver.findElements(RAW_FILE);
        if (raw.isEmpty() || !raw.get(0).isDisplayed()) {
            return Optional.empty();
        }
        return Optional.of(raw.get(0).getText());
    }

    /** The three places of a DB-era group, as their cards are titled, if the page shows them side by side. */
    boolean showsRowFileAndLegacyColumn() {
        return !driver.findElements(By.cssSelector(".side-by-side.three #row-side")).isEmpty()
                && driver.findElement(FILE_SIDE).isDisplayed() && driver.findElement(DB_SIDE).isDisplayed();
    }

    /** A column of the container_configs row as shown ("NULL" for SQL NULL). */
    String rowColumn(String column) {
        return driver.findElement(By.cssSelector("#row-columns tr[data-column='" + column + "'] td")).getText();
    }

    /** The value of agent_groups.agent_provider as shown, without its marker: "(unset)" for NULL. */
    String legacyProvider() {
        return driver.findElement(DB_SIDE).findElement(By.cssSelector("#db-provider .provider")).getText();
    }

    /** "The file is what the host writes from the row", if the page says so. */
    Optional<String> fileMatchesRow() {
        return textOf(By.id("file-matches"));
    }

    /** The marker on agent_groups.agent_provider in the DB era, if shown. */
    Optional<String> legacyMarker() {
        return textOf(By.id("legacy-provider"));
    }

    /** "The next spawn will write this": the diff from the file on disk, if the page shows one. */
    Optional<String> nextSpawnDiff() {
        return textOf(By.id("next-spawn-diff"));
    }

    /** The link of the runner's chain its side takes. */
    String runnerTakenLink() {
        return driver.findElement(By.cssSelector("#runner-chain .link.taken")).getAttribute("data-place");
    }

    /** The era the layout shows beside the install. */
    String era() {
        return driver.findElement(By.id("install-era")).getText();
    }

    private Optional<String> textOf(By locator) {
        List<WebElement> found = driver.findElements(locator);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getText());
    }
}
