package io.nanoclaw.admin.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

/** File era: findings carry their fixes as plain verbs, on the dashboard and on the group page, only where they work. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FixButtonsPagesTest extends EditableSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Test
    void a_provider_mismatch_offers_both_directions_in_plain_words_with_the_code_as_secondary_text() throws Exception {
        String html = page("/groups/" + SampleInstall.OPS_BOT_ID, operator());

        assertThat(html).contains(">Write codex into container.json</a>")
                .contains(">Clear the DB&#39;s provider (container.json names none)</a>")
                .contains("<code class=\"fix muted\">ALIGN_FROM_DB</code>");
    }

    @Test
    void the_dashboard_offers_the_same_buttons_and_an_orphan_folder_its_adoption() throws Exception {
        String html = page("/", operator());

        assertThat(html).contains("href=\"/groups/" + SampleInstall.OPS_BOT_ID + "/fixes/ALIGN_FROM_DB\"")
                .contains(">Write codex into container.json</a>")
                .contains("href=\"/groups/new?folder=old-experiment\"").contains(">Adopt as a group…</a>");
        assertThat(page("/groups/new?folder=old-experiment", operator()))
                .contains("name=\"folder\" value=\"old-experiment\"");
    }

    @Test
    void restoring_a_kept_version_is_not_offered_while_the_group_has_none() throws Exception {
        String html = page("/groups/" + SampleInstall.WRITER_ID, operator());

        assertThat(html).contains("data-fix=\"RESET_CONFIG_FILE\"").contains("button fix-button danger")
                .doesNotContain("data-fix=\"RESTORE_CONFIG_VERSION\"");
    }

    @Test
    void a_group_without_its_folder_is_not_offered_an_editor_of_a_file_that_cannot_exist() throws Exception {
        String html = page("/groups/" + SampleInstall.ARCHIVE_ID, operator());

        assertThat(html).contains("data-fix=\"RECREATE_GROUP_FOLDER\"").contains(">Recreate the group&#39;s folder</a>")
                .doesNotContain("id=\"edit-config\"").doesNotContain("class=\"fix-edit\"");
    }

    @Test
    void viewers_see_the_fix_codes_and_no_buttons() throws Exception {
        String html = page("/", user("viewer").roles("VIEWER"));

        assertThat(html).contains("<code class=\"fix\">ALIGN_FROM_DB</code>").doesNotContain("fix-button")
                .doesNotContain("Adopt as a group");
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static RequestPostProcessor operator() {
        return user("admin").roles("OPERATOR");
    }
}
