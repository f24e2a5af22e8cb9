package io.nanoclaw.admin.containerconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import io.nanoclaw.admin.EditableDbEraSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.dbconfig.ContainerConfigRows;
import io.nanoclaw.admin.dbconfig.Materializer;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.FindingKind;

/** The config editor's pages on a DB-config era install: the row as a form, the host's document as the raw tab. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DbEraRowEditorPagesTest extends EditableDbEraSampleInstallTest {

    static final String MAIN = "ag-1776160800000-main01";
    static final String OPS_BOT = "ag-1776161200000-legcy1";
    static final String TRAVEL = "ag-1776161000000-envky1";
    static final String BILLING = "ag-1776161400000-badjsn";
    static final String INTAKE = "e2b7c4d1-5f3a-4c8e-9b6d-1a2f3e4d5c6b";

    @Autowired
    MockMvc mvc;

    @Autowired
    ContainerConfigRows rows;

    @Test
    void the_editor_has_an_input_for_every_column_and_a_raw_tab_with_the_hosts_document() throws Exception {
        String html = page("/groups/" + MAIN + "/container-config/edit");

        for (String input : new String[] {"provider", "model", "effort", "imageTag", "assistantNameMode",
                "assistantName", "maxMessagesPerPrompt", "skills-all", "skills-list", "mcpServers", "apt", "npm",
                "additionalMounts", "cliScope"}) {
            assertThat(html).as(input).contains("id=\"" + input + "\"");
        }
        assertThat(html).contains("id=\"row-form\"").contains("container_configs")
                .contains("value=\"nanoclaw-agent-v2-5e1d7c42:ag-1776160800000-main01\"")
                .contains("value=\"20\"").contains(">ffmpeg</textarea>").contains("secret-cal-token")
                .contains("<option value=\"global\" selected=\"selected\">global</option>")
                .contains("NULL = the group's name");
        assertThat(hidden(html, "version")).matches("[0-9a-f]{64}-[0-9a-f]{64}");

        String raw = page("/groups/" + MAIN + "/container-config/edit?tab=raw");
        assertThat(raw).contains("id=\"raw-text\"").contains("id=\"raw-cli-scope\"")
                .contains("&quot;agentGroupId&quot;: &quot;" + MAIN + "&quot;")
                .contains("&quot;maxMessagesPerPrompt&quot;: 20");
    }

    @Test
    void viewers_may_not_open_the_editor_or_the_history() throws Exception {
        mvc.perform(get("/groups/" + MAIN + "/container-config/edit").with(viewer())).andExpect(status().isForbidden());
        mvc.perform(get("/groups/" + MAIN + "/container-config/history").with(viewer())).andExpect(status().isForbidden());
    }

    @Test
    void a_form_preview_shows_the_rows_changes_and_the_files_diff_and_saving_writes_both_as_the_host_would()
            throws Exception {
        Map<String, String> before = SampleInstall.snapshot(INSTALL);
        String editor = page("/groups/" + OPS_BOT + "/container-config/edit");

        String preview = mvc.perform(formPost(OPS_BOT, editor).param("model", "claude-sonnet-4-5")
                        .param("cliScope", "disabled"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(preview).contains("id=\"db-changes\"").contains("<code>model</code>").contains("<code>cli_scope</code>")
                .contains("<code>updated_at</code>")
                .contains("<span class=\"add\">+  &quot;model&quot;: &quot;claude-sonnet-4-5&quot;</span>")
                .contains("id=\"save-form\"").contains("next spawn");
        assertThat(SampleInstall.snapshot(INSTALL)).as("a preview writes nothing").isEqualTo(before);

        mvc.perform(post("/groups/" + OPS_BOT + "/container-config/row").param("mode", hidden(preview, "mode"))
                        .param("changes", hidden(preview, "changes")).param("version", hidden(preview, "version"))
                        .param("reason", "sonnet").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + OPS_BOT))
                .andExpect(flash().attribute("notice", Matchers.startsWith("Saved the container_configs row of ops-bot")))
                .andExpect(flash().attribute("noticeDetails", Matchers.hasItem(Matchers.containsString("next spawn"))));

        Map<String, Object> row = row(OPS_BOT);
        assertThat(row.get("model")).isEqualTo("claude-sonnet-4-5");
        assertThat(row.get("cli_scope")).isEqualTo("disabled");
        assertThat(row.get("assistant_name")).as("untouched").isEqualTo("Ops Bot");
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(materialized(OPS_BOT, "Ops Bot"));
    }

    @Test
    void the_assistant_name_can_be_given_back_to_the_groups_name() throws Exception {
        String editor = page("/groups/" + OPS_BOT + "/container-config/edit");
        String preview = mvc.perform(formPost(OPS_BOT, editor).param("assistantNameMode", "group"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("<code>assistant_name</code>");
        save(OPS_BOT, preview);
        assertThat(row(OPS_BOT).get("assistant_name")).isNull();
    }

    @Test
    void a_raw_document_with_a_key_the_row_cannot_hold_is_refused_on_the_page_naming_it() throws Exception {
        Map<String, String> before = SampleInstall.snapshot(INSTALL);
        String editor = page("/groups/" + TRAVEL + "/container-config/edit?tab=raw");
        String text = read("groups/travel/container.json");

        String html = mvc.perform(post("/groups/" + TRAVEL + "/container-config/row-preview").param("tab", "raw")
                        .param("text", text).param("rawCliScope", "group").param("version", hidden(editor, "version"))
                        .with(operator()).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"violations\"")
                .contains("env: the row has no column for it; NanoClaw would drop it at the next spawn")
                .contains("id=\"raw-text\"").contains("OLLAMA_HOST");
        assertThat(SampleInstall.snapshot(INSTALL)).isEqualTo(before);
    }

    @Test
    void a_raw_document_is_previewed_and_saved_with_the_cli_scope_beside_it() throws Exception {
        String editor = page("/groups/" + OPS_BOT + "/container-config/edit?tab=raw");
        String text = between(editor, "id=\"raw-text\" rows=\"24\" class=\"code\" spellcheck=\"false\">", "</textarea>");
        String edited = HtmlUtils.htmlUnescape(text).replace("\"skills\": \"all\"", "\"skills\": [\"agent-browser\"]");

        String preview = mvc.perform(post("/groups/" + OPS_BOT + "/container-config/row-preview").param("tab", "raw")
                        .param("text", edited).param("rawCliScope", "global").param("version", hidden(editor, "version"))
                        .with(operator()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("<code>skills</code>").contains("<code>cli_scope</code>");

        mvc.perform(post("/groups/" + OPS_BOT + "/container-config/row").param("mode", "raw")
                        .param("text", hidden(preview, "text")).param("rawCliScope", hidden(preview, "rawCliScope"))
                        .param("version", hidden(preview, "version")).with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + OPS_BOT));
        assertThat(row(OPS_BOT).get("skills")).isEqualTo("[\"agent-browser\"]");
        assertThat(row(OPS_BOT).get("cli_scope")).isEqualTo("global");
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(materialized(OPS_BOT, "Ops Bot"));
    }

    @Test
    void zero_messages_per_prompt_is_refused_next_to_its_input() throws Exception {
        String editor = page("/groups/" + OPS_BOT + "/container-config/edit");

        String html = mvc.perform(formPost(OPS_BOT, editor).param("maxMessagesPerPrompt", "0"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(between(html, "data-field=\"max_messages_per_prompt\">", "</span></span>"))
                .contains("NanoClaw reads 0 as its default of 10");
        assertThat(html).contains("value=\"0\"");
        assertThat(row(OPS_BOT).get("max_messages_per_prompt")).isNull();
    }

    @Test
    void a_save_after_someone_elses_change_shows_the_merge_view_and_writes_nothing() throws Exception {
        String editor = page("/groups/" + OPS_BOT + "/container-config/edit");
        String preview = mvc.perform(formPost(OPS_BOT, editor).param("effort", "high"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // Someone else saves first, through the editor too.
        String other = page("/groups/" + OPS_BOT + "/container-config/edit");
        save(OPS_BOT, mvc.perform(formPost(OPS_BOT, other).param("model", "theirs"))
                .andReturn().getResponse().getContentAsString());

        String html = mvc.perform(post("/groups/" + OPS_BOT + "/container-config/row").param("mode", "form")
                        .param("changes", hidden(preview, "changes")).param("version", hidden(preview, "version"))
                        .with(operator()).with(csrf()))
                .andExpect(status().isPreconditionFailed()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"merge\"");
        assertThat(between(html, "id=\"other-change\">", "</pre>")).contains("+  &quot;model&quot;: &quot;theirs&quot;");
        assertThat(between(html, "id=\"your-change\">", "</pre>")).contains("+  &quot;effort&quot;: &quot;high&quot;");
        assertThat(hidden(html, "version")).isNotEqualTo(hidden(preview, "version"));
        assertThat(row(OPS_BOT).get("effort")).isNull();
        assertThat(row(OPS_BOT).get("model")).isEqualTo("theirs");
    }

    @Test
    void the_invalid_billing_row_is_repaired_through_the_form() throws Exception {
        String editor = page("/groups/" + BILLING + "/container-config/edit");
        assertThat(editor).contains("id=\"row-problems\"").contains("mcp_servers is not valid JSON")
                .contains("id=\"note-mcp_servers\"").doesNotContain("id=\"tab-raw\"");

        String preview = mvc.perform(formPost(BILLING, editor)
                        .param("mcpServers", "{\"ledger\": {\"command\": \"npx\", \"args\": [\"-y\", \"ledger-mcp\"]}}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("<code>mcp_servers</code>");
        save(BILLING, preview);

        assertThat(row(BILLING).get("mcp_servers")).isEqualTo("{\"ledger\":{\"command\":\"npx\",\"args\":[\"-y\",\"ledger-mcp\"]}}");
        assertThat(read("groups/billing/container.json")).isEqualTo(materialized(BILLING, "Billing"));
        assertThat(drift.scan().findings()).extracting(Finding::kind).doesNotContain(FindingKind.CONFIG_ROW_INVALID);
    }

    @Test
    void editing_another_column_of_an_invalid_row_names_the_invalid_column() throws Exception {
        String editor = page("/groups/" + BILLING + "/container-config/edit");

        String html = mvc.perform(formPost(BILLING, editor).param("model", "claude-haiku"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(between(html, "data-field=\"mcp_servers\">", "</span></span>")).contains("mcp_servers is not valid JSON");
    }

    @Test
    void a_group_without_a_row_offers_to_create_it() throws Exception {
        assertThat(page("/groups/" + INTAKE + "/container-config/edit")).contains("id=\"no-row\"")
                .contains("/groups/" + INTAKE + "/fixes/CREATE_CONFIG_ROW").doesNotContain("id=\"row-form\"");
    }

    @Test
    void a_busy_install_is_said_on_the_editor_and_nothing_is_written() throws Exception {
        String editor = page("/groups/" + OPS_BOT + "/container-config/edit");
        String preview = mvc.perform(formPost(OPS_BOT, editor).param("model", "blocked"))
                .andReturn().getResponse().getContentAsString();
        Map<String, String> before = SampleInstall.snapshot(INSTALL);
        try (Connection nanoclawHost = DriverManager.getConnection("jdbc:sqlite:" + INSTALL.resolve("data/v2.db"));
                Statement statement = nanoclawHost.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("UPDATE sessions SET container_status = 'running' WHERE rowid = 1");
            String html = mvc.perform(post("/groups/" + OPS_BOT + "/container-config/row").param("mode", "form")
                            .param("changes", hidden(preview, "changes")).param("version", hidden(preview, "version"))
                            .with(operator()).with(csrf()))
                    .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("stayed locked");
            statement.execute("ROLLBACK");
        }
        assertThat(SampleInstall.snapshot(INSTALL)).isEqualTo(before);
    }

    @Test
    void the_history_lists_the_kept_rows_compares_one_and_restores_it_plan_first() throws Exception {
        String editor = page("/groups/" + OPS_BOT + "/container-config/edit");
        save(OPS_BOT, mvc.perform(formPost(OPS_BOT, editor).param("model", "to-be-undone"))
                .andReturn().getResponse().getContentAsString());

        String history = page("/groups/" + OPS_BOT + "/container-config/history");
        assertThat(history).contains("id=\"history\"").contains("EDIT_CONTAINER_CONFIG").contains("class=\"button restore\"");
        Matcher entry = Pattern.compile("data-entry=\"(\\d+)\"").matcher(history);
        assertThat(entry.find()).isTrue();
        String id = entry.group(1);

        assertThat(page("/groups/" + OPS_BOT + "/container-config/history/" + id)).contains("id=\"kept-row\"")
                .contains("<span class=\"add\">+  &quot;model&quot;: &quot;to-be-undone&quot;,</span>");

        Map<String, String> before = SampleInstall.snapshot(INSTALL);
        String preview = page("/groups/" + OPS_BOT + "/container-config/history/" + id + "/restore");
        assertThat(preview).contains("id=\"db-changes\"").contains("<code>model</code>").contains("id=\"save-form\"");
        assertThat(SampleInstall.snapshot(INSTALL)).isEqualTo(before);

        mvc.perform(post("/groups/" + OPS_BOT + "/container-config/history/" + id + "/restore").param("reason", "undo")
                        .with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + OPS_BOT))
                .andExpect(flash().attribute("notice", Matchers.startsWith("Restored kept version " + id)));
        assertThat(row(OPS_BOT).get("model")).isNull();
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(materialized(OPS_BOT, "Ops Bot"));

        mvc.perform(get("/groups/" + OPS_BOT + "/container-config/history/999999").with(operator()))
                .andExpect(status().isNotFound());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The editor's form posted back as the browser would: its hidden fields, and the fields the test sets. */
    private MockHttpServletRequestBuilder formPost(String groupId, String editorHtml) {
        return post("/groups/" + groupId + "/container-config/row-preview").param("tab", "form")
                .param("version", hidden(editorHtml, "version")).param("original", hidden(editorHtml, "original"))
                .with(operator()).with(csrf());
    }

    /** Saves what a preview page shows. */
    private void save(String groupId, String preview) throws Exception {
        mvc.perform(post("/groups/" + groupId + "/container-config/row").param("mode", hidden(preview, "mode"))
                        .param("changes", hidden(preview, "changes")).param("version", hidden(preview, "version"))
                        .with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + groupId));
    }

    private Map<String, Object> row(String groupId) {
        return new JdbcTemplate(dataSource).queryForMap("SELECT * FROM container_configs WHERE agent_group_id = ?",
                groupId);
    }

    private String materialized(String groupId, String name) {
        return new String(Materializer.materialize(groupId, name, rows.findByGroupId(groupId).orElseThrow()).bytes(),
                StandardCharsets.UTF_8);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(operator())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\"[^>]*? value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("hidden field " + name).isTrue();
        return HtmlUtils.htmlUnescape(matcher.group(1));
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return html.substring(from + start.length(), html.indexOf(end, from));
    }

    private static RequestPostProcessor operator() {
        return user("admin").roles("OPERATOR");
    }

    private static RequestPostProcessor viewer() {
        return user("viewer").roles("VIEWER");
    }
}
