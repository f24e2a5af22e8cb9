package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.nanoclaw.admin.AttachedSampleInstallTest;

/** The security headers on every kind of answer, and templates the Content-Security-Policy lets work as written. */
class SecurityHeadersTest extends AttachedSampleInstallTest {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self';"
            + " form-action 'self'";

    /** A {@code <script>} without a source, {@code <style>}, {@code on…=} or {@code style=} attributes, {@code javascript:}. */
    static final Pattern BLOCKED_BY_THE_POLICY = Pattern.compile("<script(?![^>]*\\bsrc\\s*=)[^>]*>|<style\\b"
            + "|\\s(th:)?on[a-z]+\\s*=|\\s(th:)?style\\s*=|javascript:", Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvc mvc;

    @Test
    void aPageCarriesThemForAViewerAndTheLoginPageForAnybody() throws Exception {
        expectHeaders(mvc.perform(get("/groups").with(user("admin").roles("VIEWER"))).andExpect(status().isOk()));
        expectHeaders(mvc.perform(get("/login")).andExpect(status().isOk()));
        expectHeaders(mvc.perform(get("/groups")).andExpect(status().is3xxRedirection()));
    }

    @Test
    void anApiAnswerCarriesThem() throws Exception {
        expectHeaders(mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isOk()));
    }

    @Test
    void errorAnswersCarryThem() throws Exception {
        expectHeaders(mvc.perform(get("/api/groups/ag-no-such-group").header(HttpHeaders.AUTHORIZATION,
                bearer(OPERATOR_TOKEN))).andExpect(status().isNotFound()));
        expectHeaders(mvc.perform(get("/api/groups")).andExpect(status().isUnauthorized()));
        expectHeaders(mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, bearer("no-such-token")))
                .andExpect(status().isUnauthorized()));
        expectHeaders(mvc.perform(get("/access").with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden()));
        expectHeaders(mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                .requestAttr("jakarta.servlet.error.status_code", 404)).andExpect(status().isNotFound()));
        expectHeaders(mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)
                .requestAttr("jakarta.servlet.error.status_code", 500)).andExpect(status().isInternalServerError()));
    }

    @Test
    void staticFilesAndActuatorAnswersCarryThem() throws Exception {
        expectHeaders(mvc.perform(get("/css/app.css")).andExpect(status().isOk()));
        expectHeaders(mvc.perform(get("/actuator/health")));
        expectHeaders(mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized()));
        expectHeaders(mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isOk()));
    }

    @Test
    void thePolicyAllowsNoInlineScriptNorStyle() {
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).isEqualTo(POLICY).doesNotContain("unsafe");
    }

    /** Swagger UI's bundle applies inline styles: allowed under /swagger-ui/ and nowhere else; never inline script. */
    @Test
    void theApiExplorerAloneMayApplyInlineStyles() throws Exception {
        String explorer = POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
        assertThat(explorer).contains("script-src 'self';").doesNotContain("unsafe-eval");

        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", explorer))
                .andExpect(header().string("X-Frame-Options", "DENY"));
        expectHeaders(mvc.perform(get("/swagger-ui.html")));
        expectHeaders(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
    }

    /** Inline script, {@code on…=} handlers, {@code javascript:} links and inline style would not work under the policy. */
    @Test
    void noTemplateHasInlineScriptHandlersOrStyle() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(Path.of("frontend-templates"))) {
            templates = files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).hasSizeGreaterThan(20);
        List<String> found = new ArrayList<>();
        for (Path template : templates) {
            Matcher matcher = BLOCKED_BY_THE_POLICY.matcher(Files.readString(template));
            while (matcher.find()) {
                found.add(template + ": " + matcher.group());
            }
        }
        assertThat(found).isEmpty();
        assertThat(BLOCKED_BY_THE_POLICY.matcher("<p style=\"x\">").find()).isTrue();
        assertThat(BLOCKED_BY_THE_POLICY.matcher("<button th:onclick=\"'go()'\">").find()).isTrue();
        assertThat(BLOCKED_BY_THE_POLICY.matcher("<script>go()</script>").find()).isTrue();
        assertThat(BLOCKED_BY_THE_POLICY.matcher("<script th:src=\"@{/js/app.js}\"></script>").find()).isFalse();
    }

    private static void expectHeaders(ResultActions answer) throws Exception {
        answer.andExpectAll(
                header().string("Content-Security-Policy", POLICY),
                header().string("X-Frame-Options", "DENY"),
                header().string("X-Content-Type-Options", "nosniff"),
                header().string("Referrer-Policy", "no-referrer"));
    }
}
