package io.nanoclaw.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nanoclaw.admin.SampleInstall;

/** Errors that no controller handles, over real HTTP: the servlet container's error dispatch is part of the path. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorResponsesTest {

    static final String TOKEN = "error-test-token";
    static final Path TEMP;

    static {
        try {
            TEMP = Files.createTempDirectory("nanoclaw-admin-errors");
            SampleInstall.copyTo(TEMP.resolve("install"));
        } catch (java.io.IOException e) {
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
    void anUnknownApiPathIs404ProblemJson() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/nothing-here"))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("urn:nanoclaw-admin:problem:not-found").contains("/api/nothing-here");
    }

    @Test
    void aMethodTheApiPathDoesNotTakeIs405ProblemJson() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/sessions/x"))
                .header("Authorization", "Bearer " + TOKEN).DELETE());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("urn:nanoclaw-admin:problem:method-not-allowed");
    }

    @Test
    void aBrowserGetsAFriendlyPageNotJson() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/css/none.css")).header("Accept", "text/html"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<h1>404 Not Found</h1>").doesNotContain("Whitelabel").doesNotContain("Exception");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
