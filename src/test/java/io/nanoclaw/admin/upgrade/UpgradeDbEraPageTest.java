package io.nanoclaw.admin.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.AttachedDbEraSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

class UpgradeDbEraPageTest extends AttachedDbEraSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theGroupsWithoutARowAreShownWithTheRowTheNextStartInserts() throws Exception {
        var before = SampleInstall.snapshot(INSTALL);

        String html = mvc.perform(get("/upgrade").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Nothing is written.").contains("already in the DB-config era")
                .contains("1 group(s) without a row").contains("Every back-fill succeeds");
        int card = html.indexOf("data-folder=\"intake\"");
        assertThat(card).isPositive();
        String intake = html.substring(card, html.indexOf("</section>", card));
        assertThat(intake).contains("data-column=\"provider\"").contains("data-column=\"cli_scope\"")
                .contains("&#39;&quot;all&quot;&#39;").contains("&#39;group&#39;")
                .doesNotContain("will not start");
        assertThat(html).doesNotContain("data-folder=\"ops-bot\"").doesNotContain("upgrade-groups");
        assertThat(SampleInstall.snapshot(INSTALL)).isEqualTo(before);
    }
}
