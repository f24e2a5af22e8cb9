package io.nanoclaw.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import io.nanoclaw.admin.browser.FixPreviewPage.DbChange;

/**
 * An operator, in a real (headless Chromium) browser, changes groups of a DB-config era install: the provider from the
 * group's form, where the container_configs row and container.json change as one, and a hand-edited file put back from
 * the row by its fix button. Every preview is checked against NanoClaw's DB (read through its own JDBC connection,
 * read-only) and the file on disk, before and after. Each test changes its own group of the class's copy of the sample
 * install, so the tests do not depend on each other's order.
 */
class OperatorChangesADbEraGroupBrowserTest extends DbEraBrowserTest {

    static final String OPS_BOT_ID = "ag-1776161200000-legcy1";
    static final String RESEARCH_ID = "ag-1776160900000-divrg1";
    private static final String UTC_MILLIS = "'\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z'";

    @BeforeEach
    void logIn() {
        LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD);
    }

    @Test
    void choosing_codex_for_ops_bot_previews_the_row_and_the_file_then_writes_both_and_leaves_the_legacy_column()
            throws Exception {
        String fileBefore = file("ops-bot");
        String updatedBefore = rowColumn(OPS_BOT_ID, "updated_at");
        GroupChangesPage opsBot = openGroup(OPS_BOT_ID);
        assertThat(opsBot.status()).isEqualTo("ALIGNED");

        FixPreviewPage preview = opsBot.previewProvider("codex");

        assertThat(preview.saysNothingIsChangedYet()).isTrue();
        assertThat(preview.dbChanges()).extracting(DbChange::row).containsOnly(OPS_BOT_ID);
        assertThat(preview.dbChanges()).extracting(c -> c.table() + "." + c.column())
                .containsExactly("container_configs.provider", "container_configs.updated_at");
        assertThat(preview.dbChanges().get(0).change()).isEqualTo("container_configs.provider 'claude' -> 'codex'");
        DbChange updatedAt = preview.dbChanges().get(1);
        assertThat(updatedAt.before()).isEqualTo("'" + updatedBefore + "'");
        assertThat(updatedAt.after()).matches(UTC_MILLIS).isNotEqualTo(updatedAt.before());
        assertThat(preview.fileDiff()).contains("-  \"provider\": \"claude\",").contains("+  \"provider\": \"codex\",");
        assertThat(rowColumn(OPS_BOT_ID, "provider")).as("a preview writes nothing to the row").isEqualTo("claude");
        assertThat(rowColumn(OPS_BOT_ID, "updated_at")).isEqualTo(updatedBefore);
        assertThat(file("ops-bot")).as("nor to the file").isEqualTo(fileBefore);
        String summary = preview.summary();

        GroupChangesPage changed = preview.confirm("ops-bot moves to codex");

        assertThat(changed.notice()).isEqualTo("Done: " + summary + ".");
        assertThat(changed.status()).isEqualTo("ALIGNED");
        assertThat(changed.findingKinds()).as("the legacy column says codex too now, so nothing is left to report")
                .isEmpty();
        GroupDetailPage detail = GroupDetailPage.of(driver);
        assertThat(detail.rowColumn("provider")).isEqualTo("codex");
        assertThat(detail.legacyProvider()).isEqualTo("codex");
        assertThat(detail.fileMatchesRow()).isPresent();
        assertThat(detail.nextSpawnDiff()).isEmpty();
        assertThat(file("ops-bot")).contains("\"provider\": \"codex\"")
                .isEqualTo(fileBefore.replace("\"provider\": \"claude\"", "\"provider\": \"codex\""));
        assertThat(rowColumn(OPS_BOT_ID, "provider")).isEqualTo("codex");
        assertThat(rowColumn(OPS_BOT_ID, "updated_at")).as("a new updated_at, in NanoClaw's format")
                .matches(UTC_MILLIS.replace("'", "")).isGreaterThan(updatedBefore);
        assertThat(legacyColumn(OPS_BOT_ID)).as("agent_groups.agent_provider is left alone").isEqualTo("codex");
    }

    @Test
    void materializing_research_from_its_row_puts_claude_back_into_the_hand_edited_file_and_aligns_the_group()
            throws Exception {
        String fileBefore = file("research");
        String updatedBefore = rowColumn(RESEARCH_ID, "updated_at");
        GroupChangesPage research = openGroup(RESEARCH_ID);
        assertThat(research.status()).isEqualTo("DRIFTED");
        assertThat(research.findingKinds()).containsExactly("CONFIG_FILE_DIVERGES_FROM_DB");

        FixPreviewPage preview = research.openFix("CONFIG_FILE_DIVERGES_FROM_DB", "MATERIALIZE_FROM_DB");

        assertThat(preview.saysNothingIsChangedYet()).isTrue();
        assertThat(preview.dbChanges()).as("the row already says what the file gets").isEmpty();
        assertThat(preview.fileDiff()).contains("-  \"provider\": \"codex\",").contains("+  \"provider\": \"claude\",");
        assertThat(file("research")).as("a preview writes nothing").isEqualTo(fileBefore);
        String summary = preview.summary();

        GroupChangesPage fixed = preview.confirm("research runs claude, as its row says");

        assertThat(fixed.notice()).isEqualTo("Done: " + summary + ".");
        assertThat(fixed.status()).isEqualTo("ALIGNED");
        assertThat(fixed.findingKinds()).isEmpty();
        GroupDetailPage detail = GroupDetailPage.of(driver);
        assertThat(detail.rowColumn("provider")).isEqualTo("claude");
        assertThat(detail.fileMatchesRow()).isPresent();
        assertThat(file("research")).contains("\"provider\": \"claude\"")
                .isEqualTo(fileBefore.replace("\"provider\": \"codex\"", "\"provider\": \"claude\""));
        assertThat(rowColumn(RESEARCH_ID, "provider")).isEqualTo("claude");
        assertThat(rowColumn(RESEARCH_ID, "updated_at")).as("the row is not touched").isEqualTo(updatedBefore);
    }

    private GroupChangesPage openGroup(String id) {
        driver.get(baseUrl() + "/groups/" + id);
        return GroupChangesPage.of(driver);
    }

    private static String file(String folder) throws IOException {
        return Files.readString(installCopy.resolve("groups/" + folder + "/container.json"));
    }

    /** A column of the group's container_configs row, as NanoClaw's DB holds it now. */
    private static String rowColumn(String groupId, String column) throws SQLException {
        return queryOne("SELECT " + column + " FROM container_configs WHERE agent_group_id = ?", groupId);
    }

    /** agent_groups.agent_provider, the legacy column. */
    private static String legacyColumn(String groupId) throws SQLException {
        return queryOne("SELECT agent_provider FROM agent_groups WHERE id = ?", groupId);
    }

    /** One value of one row, on a read-only connection of its own: the test never writes NanoClaw's DB. */
    private static String queryOne(String sql, String id) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource db = new SQLiteDataSource(config);
        db.setUrl("jdbc:sqlite:" + installCopy.resolve("data/v2.db"));
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a row for %s: %s", id, sql).isTrue();
                return row.getString(1);
            }
        }
    }
}
