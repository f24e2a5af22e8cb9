package io.nanoclaw.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import io.nanoclaw.admin.SampleInstall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An operator, in a real (headless Chromium) browser, fixes drift: a fix from its button, an edit of container.json
 * through the form, and an edit that meets someone else's. Each test changes its own group of its own copy of the
 * sample install, so the tests do not depend on each other's order.
 */
class OperatorFixesDriftBrowserTest extends BrowserTest {

    @BeforeEach
    void logIn() {
        LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD);
    }

    @Test
    void fixing_ops_bots_provider_mismatch_from_its_button_writes_codex_into_the_file_and_aligns_the_group()
            throws IOException {
        GroupChangesPage opsBot = openGroup(SampleInstall.OPS_BOT_ID);
        assertThat(opsBot.status()).isEqualTo("DRIFTED");

        FixPreviewPage preview = opsBot.openFix("GROUP_PROVIDER_MISMATCH", "ALIGN_FROM_DB");
        assertThat(preview.summary()).isEqualTo("Write the DB's provider codex into container.json");
        assertThat(preview.fileDiff()).contains("+  \"provider\": \"codex\"");
        assertThat(preview.nextSteps()).anySatisfy(step -> assertThat(step).contains("next container spawn"));
        assertThat(file("ops-bot")).as("a preview writes nothing").doesNotContain("\"provider\"");

        GroupChangesPage fixed = preview.confirm("ops-bot runs codex, as the DB says");

        assertThat(fixed.notice()).isEqualTo("Done: Write the DB's provider codex into container.json.");
        assertThat(fixed.status()).isEqualTo("ALIGNED");
        assertThat(fixed.findingKinds()).doesNotContain("GROUP_PROVIDER_MISMATCH");
        assertThat(file("ops-bot")).contains("\"provider\": \"codex\"");
    }

    @Test
    void adding_an_apt_package_through_the_form_shows_the_diff_then_saves_it_keeping_unknown_keys()
            throws IOException {
        String before = file("travel");
        ConfigEditorPage editor = openGroup(SampleInstall.TRAVEL_ID).editContainerConfig();

        ConfigPreviewPage preview = editor.addAptPackage("jq").preview();
        assertThat(preview.diff()).contains("-    \"apt\": [],").contains("+      \"jq\"");
        assertThat(file("travel")).as("a preview writes nothing").isEqualTo(before);

        GroupChangesPage travel = preview.save("travel needs jq");

        assertThat(travel.notice()).isEqualTo("Saved groups/travel/container.json.");
        assertThat(file("travel")).isEqualTo(before.replace("\"apt\": []", "\"apt\": [\n      \"jq\"\n    ]"))
                .contains("\"OLLAMA_HOST\"").contains("\"blockedHosts\"");
    }

    @Test
    void a_save_that_meets_someone_elses_edit_shows_their_change_and_the_merged_file_keeps_both() throws IOException {
        ConfigEditorPage editor = openGroup(SampleInstall.FAMILY_ID).editContainerConfig();
        String theirs = file("family").replace("\"npm\": []", "\"npm\": [\n      \"typescript\"\n    ]");
        Files.writeString(installCopy.resolve("groups/family/container.json"), theirs);

        ConfigEditorPage merge = editor.addAptPackage("jq").previewExpectingMerge();

        assertThat(merge.otherChange()).contains("+      \"typescript\"");
        assertThat(merge.yourChange()).contains("+      \"jq\"").doesNotContain("+      \"typescript\"");
        assertThat(merge.rawText()).as("the raw tab starts from the current file").isEqualTo(theirs);
        assertThat(file("family")).as("nothing was overwritten").isEqualTo(theirs);

        String merged = merge.rawText().replace("\"ffmpeg\"", "\"ffmpeg\",\n      \"jq\"");
        ConfigPreviewPage preview = merge.replaceRawText(merged).previewRaw();
        assertThat(preview.diff()).contains("+      \"jq\"").doesNotContain("-      \"typescript\"");
        preview.save("merge jq with typescript");

        assertThat(file("family")).contains("\"typescript\"").contains("\"jq\"").contains("\"ffmpeg\"")
                .contains("\"CAL_TOKEN\": \"secret-cal-token\"");
    }

    private GroupChangesPage openGroup(String id) {
        driver.get(baseUrl() + "/groups/" + id);
        return GroupChangesPage.of(driver);
    }

    private static String file(String folder) throws IOException {
        return Files.readString(installCopy.resolve("groups/" + folder + "/container.json"));
    }

}
