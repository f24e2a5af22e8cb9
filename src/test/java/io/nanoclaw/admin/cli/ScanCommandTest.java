package io.nanoclaw.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.SampleInstall;

class ScanCommandTest {

    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void aDriftedInstallPrintsAReadableReportAndExitsWith2() throws Exception {
        Path install = SampleInstall.copyTo(temp.resolve("install"));
        var before = SampleInstall.snapshot(install);

        Run run = scan("--nanoclaw.install-root=" + install);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("9 groups: 4 aligned, 3 drifted, 2 broken")
                .containsPattern("DRIFTED +ops-bot +codex +claude")
                .containsPattern("ERROR +GROUP_PROVIDER_MISMATCH +ops-bot")
                .contains("Drift found (exit code 2).")
                .doesNotContain("HikariPool").doesNotContain("Started");
        assertThat(SampleInstall.snapshot(install)).as("the scan writes nothing").isEqualTo(before);
        assertThat(temp.resolve("install").resolveSibling("var")).doesNotExist();
    }

    @Test
    void aDbEraInstallIsScannedByTheDbErasRulesInTextAndJsonAndNothingIsWritten() throws Exception {
        Path install = SampleInstall.copyDbEraTo(temp.resolve("db-install"));
        var before = SampleInstall.snapshot(install);

        Run text = scan("--nanoclaw.install-root=" + install);
        Run json = scan("--nanoclaw.install-root=" + install, "--format=json");

        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.out()).contains("Era: DB-config era (NanoClaw 2.0.48+)")
                .contains("12 groups: 4 aligned, 5 drifted, 3 broken; findings: 5 ERROR, 4 WARNING, 6 INFO")
                .containsPattern("ERROR +CONFIG_FILE_DIVERGES_FROM_DB +research")
                .doesNotContain("GROUP_PROVIDER_MISMATCH");
        assertThat(json.exitCode()).isEqualTo(2);
        JsonNode document = JsonMapper.builder().build().readTree(json.out());
        assertThat(document.path("era").asString()).isEqualTo("DB_CONFIG");
        assertThat(document.path("findings").size()).isEqualTo(15);
        assertThat(SampleInstall.snapshot(install)).as("the scan writes nothing, v2.db included").isEqualTo(before);
    }

    @Test
    void jsonIsTheApiDocument() throws Exception {
        Run run = scan("--nanoclaw.install-root=" + SampleInstall.copyTo(temp.resolve("install")), "--format=json");

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.path("summary").path("broken").asInt()).isEqualTo(2);
        assertThat(json.path("summary").path("findings").path("ERROR").asInt()).isEqualTo(4);
        assertThat(json.path("groups").size()).isEqualTo(9);
        JsonNode first = json.path("findings").get(0);
        assertThat(first.propertyNames()).contains("kind", "severity", "groupId", "folder", "sessionId", "dbValue",
                "fileValue", "hostProvider", "runnerProvider", "message", "fixes");
        assertThat(first.path("kind").asString()).isEqualTo("GROUP_PROVIDER_MISMATCH");
        assertThat(json.path("scannedAt").isString()).isTrue();
        assertThat(json.path("era").asString()).isEqualTo("FILE");
    }

    @Test
    void aSessionWhoseGroupIsGoneIsReportedEvenWithoutAnOverride() throws Exception {
        Path install = SampleInstall.copyTo(temp.resolve("install"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + install.resolve("data/v2.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO sessions (id, agent_group_id, status, created_at) VALUES"
                    + " ('sess-1776170000000-zzzzzz', 'ag-deleted', 'active', '2026-04-14T12:00:00.000Z')");
        }

        Run run = scan("--nanoclaw.install-root=" + install, "--format=json");

        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.path("findings").valueStream()
                .filter(f -> f.path("kind").asString().equals("SESSION_GROUP_MISSING")).toList())
                .singleElement().satisfies(finding -> {
                    assertThat(finding.path("sessionId").asString()).isEqualTo("sess-1776170000000-zzzzzz");
                    assertThat(finding.path("groupId").asString()).isEqualTo("ag-deleted");
                    assertThat(finding.path("severity").asString()).isEqualTo("ERROR");
                });
    }

    @Test
    void anAlignedInstallExitsWith0() throws Exception {
        Path install = temp.resolve("aligned");
        Files.createDirectories(install.resolve("data"));
        Files.createDirectories(install.resolve("groups/main"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + install.resolve("data/v2.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE agent_groups (id TEXT PRIMARY KEY, name TEXT NOT NULL, folder TEXT NOT NULL"
                    + " UNIQUE, agent_provider TEXT, created_at TEXT NOT NULL)");
            statement.execute("CREATE TABLE sessions (id TEXT PRIMARY KEY, agent_group_id TEXT NOT NULL, messaging_group_id"
                    + " TEXT, thread_id TEXT, agent_provider TEXT, status TEXT DEFAULT 'active', container_status TEXT"
                    + " DEFAULT 'stopped', last_active TEXT, created_at TEXT NOT NULL)");
            statement.execute("INSERT INTO agent_groups VALUES ('ag-1', 'Main', 'main', 'codex', '2026-01-01T00:00:00.000Z')");
            statement.execute("INSERT INTO sessions (id, agent_group_id, created_at) VALUES ('s-1', 'ag-1', '2026-01-01T00:00:00.000Z')");
        }
        Files.writeString(install.resolve("groups/main/container.json"),
                "{\n  \"provider\": \"codex\",\n  \"agentGroupId\": \"ag-1\"\n}\n");

        Run run = scan("--nanoclaw.install-root=" + install);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("1 groups: 1 aligned").contains("Every group is aligned.");
    }

    @Test
    void aScanThatCannotRunExitsWith1AndSaysWhy() throws Exception {
        Run run = scan("--nanoclaw.install-root=" + temp.resolve("nowhere"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("scan failed: No NanoClaw database at").doesNotContain("APPLICATION FAILED");
    }

    @Test
    void anUnknownFormatIsRefused() throws Exception {
        Run run = scan("--format=xml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--format must be text or json");
    }

    private Run scan(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withDataDir = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--nanoclaw.data-dir=" + temp.resolve("var"))).toArray(String[]::new);
        int code = ScanCommand.run(withDataDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
