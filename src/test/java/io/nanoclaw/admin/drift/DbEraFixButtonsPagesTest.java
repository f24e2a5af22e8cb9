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

import io.nanoclaw.admin.EditableDbEraSampleInstallTest;

/** DB-config era: the row-side fixes as plain verbs, only where they change something, and adoption of an orphan. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DbEraFixButtonsPagesTest extends EditableDbEraSampleInstallTest {

    static final String WRITER_ID = "ag-1776161100000-broke1";

    @Autowired
    MockMvc mvc;

    @Test
    void a_file_that_diverges_from_its_row_offers_to_rewrite_it_from_the_row() throws Exception {
        String html = page("/groups/" + WRITER_ID);

        assertThat(html).contains("data-fix=\"MATERIALIZE_FROM_DB\"").contains(">Rewrite container.json from the row</a>")
                .contains("href=\"/groups/" + WRITER_ID + "/fixes/MATERIALIZE_FROM_DB\"")
                .doesNotContain("data-fix=\"RESTORE_CONFIG_VERSION\"");
    }

    @Test
    void the_dashboard_offers_fix_buttons_and_the_adoption_of_an_orphan_folder() throws Exception {
        String html = page("/");

        assertThat(html).contains("class=\"button fix-button\"").contains(">Adopt as a group…</a>")
                .contains("href=\"/groups/new?folder=old-experiment\"");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("admin").roles("OPERATOR"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
