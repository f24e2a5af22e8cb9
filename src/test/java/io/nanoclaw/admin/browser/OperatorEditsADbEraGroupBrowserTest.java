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

/**
 * An operator, in a real (headless Chromium) browser, edits a DB-config era group's config through the editor's form:
 * the form shows the container_configs row, the preview lists the row's changes and the file's diff, and saving
 * writes the row and container.json as the host would write it from the row.
 */
class OperatorEditsADbEraGroupBrowserTest extends DbEraBrowserTest {

    static final String OPS_BOT = "ag-1776161200000-legcy1";

    @BeforeEach
    void logIn() {
        LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD);
    }

    @Test
    void setting_a_model_and_the_cli_scope_through_the_form_writes_the_row_and_the_file_from_it()
            throws IOException, SQLException {
        String before = file("ops-bot");
        // The group page's "Edit" link is for the file era (groups/detail.html); the editor's address is the same.
        driver.get(baseUrl() + "/groups/" + OPS_BOT + "/container-config/edit");
        RowEditorPage editor = RowEditorPage.of(driver);
        assertThat(editor.value("assistantName")).isEqualTo("Ops Bot");
        assertThat(editor.value("cliScope")).isEqualTo("group");

        ConfigPreviewPage preview = editor.type("model", "claude-sonnet-4-5").selectCliScope("disabled").preview();
        assertThat(RowEditorPage.previewedColumns(driver)).containsExactly("model", "cli_scope", "updated_at");
        assertThat(preview.diff()).contains("+  \"model\": \"claude-sonnet-4-5\"");
        assertThat(rowColumn("model")).as("a preview writes nothing").isNull();
        assertThat(file("ops-bot")).isEqualTo(before);

        GroupChangesPage opsBot = preview.save("ops-bot on sonnet, no ncl");

        assertThat(opsBot.notice()).startsWith("Saved the container_configs row of ops-bot");
        assertThat(rowColumn("model")).isEqualTo("claude-sonnet-4-5");
        assertThat(rowColumn("cli_scope")).isEqualTo("disabled");
        assertThat(file("ops-bot")).isEqualTo(before.replace("  \"agentGroupId\": \"" + OPS_BOT + "\"\n",
                "  \"agentGroupId\": \"" + OPS_BOT + "\",\n  \"model\": \"claude-sonnet-4-5\"\n"));
        assertThat(opsBot.status()).isEqualTo("ALIGNED");
    }

    private static String file(String folder) throws IOException {
        return Files.readString(installCopy.resolve("groups/" + folder + "/container.json"));
    }

    /** A column of ops-bot's container_configs row, read on a read-only connection of the test's own. */
    private static String rowColumn(String column) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource db = new SQLiteDataSource(config);
        db.setUrl("jdbc:sqlite:" + installCopy.resolve("data/v2.db"));
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT " + column + " FROM container_configs WHERE agent_group_id = ?")) {
            query.setString(1, OPS_BOT);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
