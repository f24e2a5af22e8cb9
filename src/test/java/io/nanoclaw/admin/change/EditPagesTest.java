package io.nanoclaw.admin.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.audit.AuditEvent;
import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.containerconfig.FileVersion;

/** The editing pages in MockMvc, over an editable copy of the sample install that is put back before each test. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EditPagesTest extends EditableSampleInstallTest {

    static final String SUPPORT_CODEX_SESSION = "sess-1776165376000-q26704";
    static final String SUPPORT_OPENCODE_SESSION = "sess-1776165437000-r34623";
    static final String SUPPORT_CLAUDE_SESSION = "sess-1776165559000-t50461";

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditService audit;

    // ---- fixes: preview, confirm, refusals ---------------------------------------------------------------------

    @Test
    void the_group_page_gives_operators_a_button_per_fix_that_opens_its_preview() throws Exception {
        String html = page("/groups/" + SampleInstall.OPS_BOT_ID);

        assertThat(html).contains("href=\"/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/ALIGN_FROM_DB\"")
                .contains("href=\"/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/ALIGN_FROM_FILE\"")
                .contains("id=\"provider-form\"").contains("id=\"edit-config\"")
                .contains("href=\"/groups/" + SampleInstall.OPS_BOT_ID + "/manage\"");
        assertThat(page("/groups/" + SampleInstall.SUPPORT_ID))
                .contains("/fixes/CLEAR_SESSION_OVERRIDE?sessionId=" + SUPPORT_CODEX_SESSION)
                .contains("id=\"clear-all-overrides\"");
    }

    @Test
    void a_fix_preview_shows_the_diff_and_the_confirm_form_and_changes_nothing() throws Exception {
        String before = read("groups/ops-bot/container.json");
        long events = audit.find(null, null, null, PageRequest.of(0, 1)).getTotalElements();

        String html = page("/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/ALIGN_FROM_DB");

        assertThat(html).contains("Write the DB&#39;s provider codex into container.json")
                .contains("<span class=\"add\">+  &quot;provider&quot;: &quot;codex&quot;</span>")
                .contains("id=\"confirm-form\"").contains("name=\"_csrf\"")
                .contains("next container spawn");
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(before);
        assertThat(audit.find(null, null, null, PageRequest.of(0, 1)).getTotalElements()).isEqualTo(events);
    }

    @Test
    void confirming_a_fix_applies_it_and_goes_back_to_the_group_saying_what_was_done() throws Exception {
        mvc.perform(post("/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/ALIGN_FROM_DB").param("reason", "ops-bot runs codex")
                        .with(operator()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/groups/" + SampleInstall.OPS_BOT_ID))
                .andExpect(flash().attribute("notice", "Done: Write the DB's provider codex into container.json."))
                .andExpect(flash().attribute("noticeDetails", Matchers.hasItem(Matchers.startsWith("The group is now ALIGNED"))));

        assertThat(read("groups/ops-bot/container.json")).contains("\"provider\": \"codex\"");
        AuditEvent event = audit.find(null, "FIX:ALIGN_FROM_DB", SampleInstall.OPS_BOT_ID,
                PageRequest.of(0, 1, Sort.by(Sort.Direction.DESC, "at"))).getContent().get(0);
        assertThat(event.reason()).isEqualTo("ops-bot runs codex");
        assertThat(event.actor()).isEqualTo("admin");
    }

    @Test
    void the_group_page_shows_the_flash_message_after_a_fix() throws Exception {
        MvcResult applied = mvc.perform(post("/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/ALIGN_FROM_DB")
                .with(operator()).with(csrf())).andReturn();

        String html = mvc.perform(get("/groups/" + SampleInstall.OPS_BOT_ID).with(operator())
                        .flashAttrs(applied.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"notice\"").contains("Done: Write the DB&#39;s provider codex")
                .contains("The group is now ALIGNED");
    }

    @Test
    void a_confirm_without_its_csrf_token_is_refused_and_changes_nothing() throws Exception {
        String before = read("groups/ops-bot/container.json");

        mvc.perform(post("/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/ALIGN_FROM_DB").with(operator()))
                .andExpect(status().isForbidden());

        assertThat(read("groups/ops-bot/container.json")).isEqualTo(before);
    }

    @Test
    void viewers_see_no_buttons_and_may_neither_preview_nor_apply() throws Exception {
        String html = mvc.perform(get("/groups/" + SampleInstall.OPS_BOT_ID).with(viewer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("ALIGN_FROM_DB").doesNotContain("fix-button").doesNotContain("id=\"provider-form\"")
                .doesNotContain("container-config/edit").doesNotContain("override-form");

        mvc.perform(get("/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/ALIGN_FROM_DB").with(viewer()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/groups/" + SampleInstall.FAMILY_ID + "/container-config/edit").with(viewer()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/groups/" + SampleInstall.FAMILY_ID + "/container-config/history").with(viewer()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/ALIGN_FROM_DB").with(viewer()).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(read("groups/ops-bot/container.json")).doesNotContain("\"provider\"");
    }

    @Test
    void a_fix_that_does_not_apply_shows_the_reason_on_the_page_not_a_stack_trace() throws Exception {
        String html = mvc.perform(get("/groups/" + SampleInstall.MAIN_ID + "/fixes/ALIGN_FROM_DB").with(operator()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"problem\"").contains("main has no provider in the DB to write to the file")
                .doesNotContain("id=\"confirm-form\"").doesNotContain("Exception").doesNotContain("Whitelabel");
    }

    @Test
    void an_unknown_fix_name_is_a_readable_bad_request() throws Exception {
        String html = mvc.perform(get("/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/MAKE_IT_WORK").with(operator()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("is not a valid fix").doesNotContain("Exception");
    }

    @Test
    void a_refused_confirm_goes_back_to_the_preview_with_the_reason_and_the_reason_typed() throws Exception {
        mvc.perform(post("/groups/" + SampleInstall.MAIN_ID + "/fixes/ALIGN_FROM_DB").param("reason", "try")
                        .with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + SampleInstall.MAIN_ID + "/fixes/ALIGN_FROM_DB"))
                .andExpect(flash().attribute("problem", Matchers.containsString("has no provider in the DB")))
                .andExpect(flash().attribute("reason", "try"));
    }

    @Test
    void a_busy_nanoclaw_database_is_explained_and_nothing_changes() throws Exception {
        String before = read("groups/ops-bot/container.json");
        try (Connection nanoclawHost = DriverManager.getConnection("jdbc:sqlite:" + INSTALL.resolve("data/v2.db"));
                Statement statement = nanoclawHost.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("UPDATE sessions SET container_status = 'running' WHERE rowid = 1");

            mvc.perform(post("/groups/" + SampleInstall.OPS_BOT_ID + "/provider").param("agentProvider", "claude")
                            .with(operator()).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("problem", Matchers.containsString("stayed locked")));
            statement.execute("ROLLBACK");
        }
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(before);
        assertThat(dbProvider(SampleInstall.OPS_BOT_ID)).isEqualTo("codex");
    }

    // ---- the group's provider, session overrides ---------------------------------------------------------------

    @Test
    void the_provider_preview_names_the_overrides_that_will_disagree_and_the_next_steps() throws Exception {
        String html = page("/groups/" + SampleInstall.SUPPORT_ID + "/provider?agentProvider=codex");

        assertThat(html).contains("id=\"after-notes\"")
                .contains("Session " + SUPPORT_OPENCODE_SESSION + " (closed) overrides the provider with opencode")
                .contains("Session " + SUPPORT_CLAUDE_SESSION + " (active) overrides the provider with claude")
                .doesNotContain("Session " + SUPPORT_CODEX_SESSION + " (active) overrides")
                .contains("session(s) of this group carry their own override")
                .contains("<span class=\"del\">-  &quot;provider&quot;: &quot;claude&quot;,</span>")
                .contains("<span class=\"add\">+  &quot;provider&quot;: &quot;codex&quot;,</span>");
        assertThat(dbProvider(SampleInstall.SUPPORT_ID)).isNull();
    }

    @Test
    void an_unknown_provider_is_refused_on_the_preview_with_the_ones_that_exist() throws Exception {
        String html = mvc.perform(get("/groups/" + SampleInstall.OPS_BOT_ID + "/provider").param("agentProvider", "gpt9")
                        .with(operator()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("&#39;gpt9&#39; is not a provider this install registers")
                .doesNotContain("id=\"confirm-form\"");
    }

    @Test
    void setting_the_group_provider_from_its_form_changes_the_db_and_the_file() throws Exception {
        mvc.perform(post("/groups/" + SampleInstall.OPS_BOT_ID + "/provider").param("agentProvider", "opencode")
                        .with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + SampleInstall.OPS_BOT_ID))
                .andExpect(flash().attribute("notice", Matchers.startsWith("Done: Set the provider of ops-bot to opencode")));

        assertThat(dbProvider(SampleInstall.OPS_BOT_ID)).isEqualTo("opencode");
        assertThat(read("groups/ops-bot/container.json")).contains("\"provider\": \"opencode\"");
    }

    @Test
    void an_override_the_runner_will_not_follow_asks_for_the_confirmation_box() throws Exception {
        String path = "/groups/" + SampleInstall.SUPPORT_ID + "/sessions/" + SUPPORT_CLAUDE_SESSION + "/override";

        String html = page(path + "?agentProvider=opencode");
        assertThat(html).contains("id=\"confirm-mismatch\"").contains("The runner will not follow this override: it runs claude");

        mvc.perform(post(path).param("agentProvider", "opencode").with(operator()).with(csrf()))
                .andExpect(redirectedUrl(path + "?agentProvider=opencode"))
                .andExpect(flash().attribute("problem", Matchers.containsString("tick the box")));
        assertThat(sessionProvider(SUPPORT_CLAUDE_SESSION)).isEqualTo("claude");

        mvc.perform(post(path).param("agentProvider", "opencode").param("confirmed", "true").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + SampleInstall.SUPPORT_ID))
                .andExpect(flash().attribute("noticeDetails",
                        Matchers.hasItem(Matchers.startsWith("Session " + SUPPORT_CLAUDE_SESSION + " still disagrees"))));
        assertThat(sessionProvider(SUPPORT_CLAUDE_SESSION)).isEqualTo("opencode");
    }

    @Test
    void an_override_the_runner_follows_needs_no_confirmation_box() throws Exception {
        String path = "/groups/" + SampleInstall.SUPPORT_ID + "/sessions/" + SUPPORT_CODEX_SESSION + "/override";

        assertThat(page(path + "?agentProvider=claude")).doesNotContain("id=\"confirm-mismatch\"").contains("id=\"confirm\"");
        mvc.perform(post(path).param("agentProvider", "claude").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + SampleInstall.SUPPORT_ID));

        assertThat(sessionProvider(SUPPORT_CODEX_SESSION)).isEqualTo("claude");
    }

    @Test
    void clearing_all_overrides_shows_each_row_first_then_clears_them() throws Exception {
        String html = page("/groups/" + SampleInstall.SUPPORT_ID + "/clear-overrides");
        assertThat(html).contains("data-row=\"" + SUPPORT_CODEX_SESSION + "\"")
                .contains("data-row=\"" + SUPPORT_OPENCODE_SESSION + "\"")
                .contains("data-row=\"" + SUPPORT_CLAUDE_SESSION + "\"");
        assertThat(sessionProvider(SUPPORT_CODEX_SESSION)).isEqualTo("codex");

        mvc.perform(post("/groups/" + SampleInstall.SUPPORT_ID + "/clear-overrides").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + SampleInstall.SUPPORT_ID));

        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM sessions WHERE agent_group_id = ?"
                + " AND agent_provider IS NOT NULL", Integer.class, SampleInstall.SUPPORT_ID)).isZero();
    }

    // ---- the container.json editor ---------------------------------------------------------------------------------

    @Test
    void the_editor_shows_the_known_fields_and_the_version_it_read() throws Exception {
        String html = page("/groups/" + SampleInstall.FAMILY_ID + "/container-config/edit");

        String version = FileVersion.of(Files.readAllBytes(INSTALL.resolve("groups/family/container.json"))).value();
        assertThat(hidden(html, "version")).isEqualTo(version);
        assertThat(html).contains("<option value=\"opencode\" selected=\"selected\">opencode</option>")
                .contains("overwrites assistantName with the group&#39;s name (Family) at every spawn")
                .contains(">ffmpeg</textarea>").contains("secret-cal-token");
        assertThat(page("/groups/" + SampleInstall.FAMILY_ID + "/container-config/edit?tab=raw"))
                .contains("id=\"raw-text\"").contains("&quot;agentGroupId&quot;: &quot;ag-1776161100000-ocode1&quot;");
    }

    @Test
    void the_form_preview_shows_the_diff_and_save_writes_it_keeping_unknown_keys() throws Exception {
        String before = read("groups/travel/container.json");
        String editor = page("/groups/" + SampleInstall.TRAVEL_ID + "/container-config/edit");

        String preview = mvc.perform(formPost(SampleInstall.TRAVEL_ID, editor).param("apt", "jq\nffmpeg"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(preview).contains("<span class=\"add\">+      &quot;jq&quot;,</span>")
                .contains("<span class=\"add\">+      &quot;ffmpeg&quot;</span>").contains("id=\"save-form\"");
        assertThat(read("groups/travel/container.json")).isEqualTo(before);

        mvc.perform(post("/groups/" + SampleInstall.TRAVEL_ID + "/container-config").param("text", hidden(preview, "text"))
                        .param("version", hidden(preview, "version")).param("reason", "tools for travel")
                        .with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + SampleInstall.TRAVEL_ID))
                .andExpect(flash().attribute("notice", "Saved groups/travel/container.json."));

        String after = read("groups/travel/container.json");
        assertThat(after).contains("\"jq\"").contains("\"ffmpeg\"").contains("\"OLLAMA_HOST\"").contains("\"blockedHosts\"")
                .contains("\"assistantName\": \"Trips\"");
        assertThat(after).as("only packages.apt changed")
                .isEqualTo(before.replace("\"apt\": []", "\"apt\": [\n      \"jq\",\n      \"ffmpeg\"\n    ]"));
    }

    @Test
    void the_form_changes_only_the_fields_the_operator_changed() throws Exception {
        String editor = page("/groups/" + SampleInstall.FAMILY_ID + "/container-config/edit");

        String preview = mvc.perform(formPost(SampleInstall.FAMILY_ID, editor).param("maxMessagesPerPrompt", "25"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String diff = between(preview, "id=\"config-diff\">", "</pre>");
        assertThat(diff).contains("<span class=\"add\">+  &quot;maxMessagesPerPrompt&quot;: 25</span>");
        assertThat(diff.split("class=\"del\"", -1)).as("one line removed: the last one, which gets a comma").hasSize(2);
        assertThat(diff).contains("<span class=\"del\">-  &quot;agentGroupId&quot;: &quot;ag-1776161100000-ocode1&quot;</span>");
        assertThat(diff.split("class=\"add\"", -1)).hasSize(3);
    }

    @Test
    void a_save_that_meets_someone_elses_edit_shows_the_merge_view_and_writes_nothing() throws Exception {
        String editor = page("/groups/" + SampleInstall.FAMILY_ID + "/container-config/edit");
        String theirs = read("groups/family/container.json").replace("\"npm\": []", "\"npm\": [\n      \"typescript\"\n    ]");
        Files.writeString(INSTALL.resolve("groups/family/container.json"), theirs);

        String html = mvc.perform(formPost(SampleInstall.FAMILY_ID, editor).param("apt", "ffmpeg\njq"))
                .andExpect(status().isPreconditionFailed()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"merge\"").contains("Someone else changed container.json");
        assertThat(between(html, "id=\"other-change\">", "</pre>")).contains("+      &quot;typescript&quot;");
        assertThat(between(html, "id=\"your-change\">", "</pre>")).contains("+      &quot;jq&quot;")
                .doesNotContain("+      &quot;typescript").doesNotContain("-      &quot;typescript");
        assertThat(HtmlUtils.htmlUnescape(between(html, "id=\"raw-text\" rows=\"24\" class=\"code\" spellcheck=\"false\">",
                "</textarea>"))).isEqualTo(theirs);
        assertThat(hidden(html, "version")).isEqualTo(FileVersion.of(theirs.getBytes()).value());
        assertThat(read("groups/family/container.json")).isEqualTo(theirs);
    }

    @Test
    void a_save_of_a_previewed_text_after_someone_elses_edit_shows_their_change_too() throws Exception {
        String editor = page("/groups/" + SampleInstall.FAMILY_ID + "/container-config/edit");
        String preview = mvc.perform(formPost(SampleInstall.FAMILY_ID, editor).param("apt", "ffmpeg\njq"))
                .andReturn().getResponse().getContentAsString();
        String theirs = read("groups/family/container.json").replace("\"skills\": \"all\"", "\"skills\": [\n    \"web\"\n  ]");
        Files.writeString(INSTALL.resolve("groups/family/container.json"), theirs);

        String html = mvc.perform(post("/groups/" + SampleInstall.FAMILY_ID + "/container-config")
                        .param("text", hidden(preview, "text")).param("version", hidden(preview, "version"))
                        .param("baseText", hidden(preview, "baseText")).with(operator()).with(csrf()))
                .andExpect(status().isPreconditionFailed()).andReturn().getResponse().getContentAsString();

        assertThat(between(html, "id=\"other-change\">", "</pre>")).contains("+    &quot;web&quot;");
        assertThat(between(html, "id=\"your-change\">", "</pre>")).contains("+      &quot;jq&quot;")
                .doesNotContain("&quot;web&quot;");
        assertThat(read("groups/family/container.json")).isEqualTo(theirs);
    }

    @Test
    void an_invalid_raw_document_shows_the_violations_and_writes_nothing() throws Exception {
        String before = read("groups/main/container.json");
        String version = FileVersion.of(before.getBytes()).value();

        String html = mvc.perform(post("/groups/" + SampleInstall.MAIN_ID + "/container-config/preview").param("tab", "raw")
                        .param("text", "{\"skills\": 5, \"packages\": {\"apt\": \"curl\"}}").param("version", version)
                        .with(operator()).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"violations\"").contains("skills must be &quot;all&quot; or an array of strings")
                .contains(".apt must be an array of strings")
                .contains("&quot;skills&quot;: 5");
        assertThat(read("groups/main/container.json")).isEqualTo(before);
    }

    @Test
    void form_values_nanoclaw_cannot_use_are_shown_next_to_their_fields() throws Exception {
        String editor = page("/groups/" + SampleInstall.MAIN_ID + "/container-config/edit");

        String html = mvc.perform(formPost(SampleInstall.MAIN_ID, editor)
                        .param("mcpServers", "{\"files\": {\"args\": [\"-y\"]}}").param("maxMessagesPerPrompt", "ten"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(between(html, "data-field=\"maxMessagesPerPrompt\">", "</span></span>"))
                .contains("maxMessagesPerPrompt must be a positive integer, not &#39;ten&#39;");

        String fixedNumber = mvc.perform(formPost(SampleInstall.MAIN_ID, editor)
                        .param("mcpServers", "{\"files\": {\"args\": [\"-y\"]}}").param("maxMessagesPerPrompt", "12"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(between(fixedNumber, "data-field=\"mcpServers\">", "</span></span>"))
                .contains("mcpServers server &#39;files&#39; needs a string command");
        assertThat(fixedNumber).contains("value=\"12\"");
    }

    @Test
    void a_malformed_file_is_repaired_in_the_raw_tab() throws Exception {
        String html = page("/groups/" + SampleInstall.WRITER_ID + "/container-config/edit");
        assertThat(html).contains("id=\"editor-note\"").contains("MALFORMED").doesNotContain("id=\"config-form\"")
                .contains("id=\"raw-form\"");
        String repaired = "{\n  \"provider\": \"claude\",\n  \"skills\": \"all\"\n}\n";

        String preview = mvc.perform(post("/groups/" + SampleInstall.WRITER_ID + "/container-config/preview")
                        .param("tab", "raw").param("text", repaired).param("version", hidden(html, "version"))
                        .with(operator()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/groups/" + SampleInstall.WRITER_ID + "/container-config").param("text", hidden(preview, "text"))
                        .param("version", hidden(preview, "version")).with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + SampleInstall.WRITER_ID));

        assertThat(read("groups/writer/container.json")).isEqualTo(repaired);
    }

    @Test
    void a_missing_file_is_created_from_the_form_starting_from_nanoclaws_defaults() throws Exception {
        String editor = page("/groups/" + SampleInstall.SCRATCH_ID + "/container-config/edit");
        assertThat(hidden(editor, "version")).isEqualTo("absent");
        assertThat(editor).contains("There is no container.json yet");

        String preview = mvc.perform(formPost(SampleInstall.SCRATCH_ID, editor).param("provider", "codex"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Files.exists(INSTALL.resolve("groups/scratch/container.json"))).isFalse();
        mvc.perform(post("/groups/" + SampleInstall.SCRATCH_ID + "/container-config").param("text", hidden(preview, "text"))
                        .param("version", "absent").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + SampleInstall.SCRATCH_ID));

        assertThat(read("groups/scratch/container.json")).contains("\"provider\": \"codex\"")
                .contains("\"agentGroupId\": \"" + SampleInstall.SCRATCH_ID + "\"").contains("\"skills\": \"all\"");
    }

    @Test
    void forms_that_only_open_a_preview_carry_no_csrf_token_in_their_url() throws Exception {
        String html = page("/groups/" + SampleInstall.SUPPORT_ID);

        assertThat(html).contains("<form method=\"get\" action=\"/groups/" + SampleInstall.SUPPORT_ID
                + "/provider\" id=\"provider-form\"");
        assertThat(between(html, "id=\"provider-form\"", "</form>")).doesNotContain("_csrf");
        assertThat(between(html, "class=\"inline override-form\"", "</form>")).doesNotContain("_csrf");
    }

    // ---- history --------------------------------------------------------------------------------------------------

    @Test
    void the_history_lists_a_replaced_version_compares_it_and_restores_it_through_a_preview() throws Exception {
        String original = read("groups/ops-bot/container.json");
        mvc.perform(post("/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/ALIGN_FROM_DB").with(operator()).with(csrf()));
        String history = page("/groups/" + SampleInstall.OPS_BOT_ID + "/container-config/history");
        Matcher entry = Pattern.compile("data-entry=\"(\\d+)\"").matcher(history);
        assertThat(entry.find()).isTrue();
        String id = entry.group(1);

        assertThat(between(page("/groups/" + SampleInstall.OPS_BOT_ID + "/container-config/history/" + id),
                "id=\"diff-to-current\">", "</pre>")).contains("<span class=\"add\">+  &quot;provider&quot;: &quot;codex&quot;</span>");
        assertThat(page("/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/RESTORE_CONFIG_VERSION?version=" + id))
                .contains("<span class=\"del\">-  &quot;provider&quot;: &quot;codex&quot;</span>")
                .contains("name=\"version\" value=\"" + id + "\"");
        mvc.perform(post("/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/RESTORE_CONFIG_VERSION").param("version", id)
                        .with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + SampleInstall.OPS_BOT_ID));

        assertThat(read("groups/ops-bot/container.json")).isEqualTo(original);
    }

    @Test
    void an_unknown_history_entry_is_a_readable_not_found() throws Exception {
        String html = mvc.perform(get("/groups/" + SampleInstall.OPS_BOT_ID + "/container-config/history/999999")
                        .with(operator()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("has no history entry 999999");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The editor's form posted back as the browser would: its hidden fields, and the fields the test sets. */
    private MockHttpServletRequestBuilder formPost(String groupId, String editorHtml) {
        return post("/groups/" + groupId + "/container-config/preview").param("tab", "form")
                .param("version", hidden(editorHtml, "version")).param("original", hidden(editorHtml, "original"))
                .param("baseText", hidden(editorHtml, "baseText")).with(operator()).with(csrf());
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

    private String dbProvider(String groupId) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT agent_provider FROM agent_groups WHERE id = ?",
                String.class, groupId);
    }

    private String sessionProvider(String sessionId) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT agent_provider FROM sessions WHERE id = ?",
                String.class, sessionId);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor operator() {
        return user("admin").roles("OPERATOR");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor viewer() {
        return user("viewer").roles("VIEWER");
    }
}
