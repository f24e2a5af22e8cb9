package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nanoclaw.admin.SampleInstall;

/**
 * Over real HTTP, so that Tomcat's own answers (before any filter chain) are part of the path; the service runs with
 * {@code nanoclaw.metrics.open=true} here, for a local scraper without a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"nanoclaw.metrics.open=true", "nanoclaw.requests.max-body=1KB"})
class SecurityOverHttpTest {

    static final String TOKEN = "over-http-token";
    static final Path TEMP;

    static {
        try {
            TEMP = Files.createTempDirectory("nanoclaw-admin-security-http");
            SampleInstall.copyTo(TEMP.resolve("install"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("nanoclaw.install-root", () -> TEMP.resolve("install").toString());
        registry.add("nanoclaw.data-dir", () -> TEMP.resolve("data").toString());
        registry.add("nanoclaw.admin.token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesApiAnswersErrorsAndStaticFilesCarryTheHeaders() throws Exception {
        assertHeaders(get("/login", null, "text/html"), 200);
        assertHeaders(get("/groups", null, "text/html"), 302);
        assertHeaders(get("/api/groups", TOKEN, "application/json"), 200);
        assertHeaders(get("/api/groups", null, "application/json"), 401);
        assertHeaders(get("/api/nothing-here", TOKEN, "application/json"), 404);
        assertHeaders(get("/css/none.css", null, "text/html"), 404);
        assertHeaders(get("/css/app.css", null, "text/css"), 200);
        assertThat(get("/swagger-ui/index.html", null, "text/html").headers().allValues("Content-Security-Policy"))
                .as("Swagger UI alone may apply inline styles").containsExactly(SecurityHeaders.API_EXPLORER_POLICY);
    }

    @Test
    void aBodyRefusedBeforeAnyFilterChainCarriesThemToo() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/groups/" + SampleInstall.MAIN_ID))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"agentProvider\":\"" + "x".repeat(4096) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertHeaders(response, 413);
    }

    @Test
    void tomcatsOwnErrorAnswerCarriesThemToo() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/groups/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String head = answer.substring(0, Math.max(answer.indexOf("\r\n\r\n"), 0)).toLowerCase(Locale.ROOT);

            assertThat(head).startsWith("http/1.1 400")
                    .contains("content-security-policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY.toLowerCase(Locale.ROOT))
                    .contains("x-frame-options: deny").contains("x-content-type-options: nosniff")
                    .contains("referrer-policy: no-referrer");
        }
    }

    @Test
    void withMetricsOpenPrometheusAnswersWithoutAToken() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", null, "text/plain");

        assertHeaders(response, 200);
        assertThat(response.body()).contains("nanoclaw_drift_groups");
    }

    private HttpResponse<String> get(String path, String token, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertHeaders(HttpResponse<String> response, int status) {
        String what = response.request().method() + " " + response.request().uri().getPath();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        HttpHeaders headers = response.headers();
        assertThat(headers.allValues("Content-Security-Policy")).as(what)
                .containsExactly(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(headers.allValues("X-Frame-Options")).as(what).containsExactly("DENY");
        assertThat(headers.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(headers.allValues("Referrer-Policy")).as(what).containsExactly("no-referrer");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
