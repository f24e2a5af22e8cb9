package io.nanoclaw.admin.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.nanoclaw.admin.NanoclawAdminApplication;
import io.nanoclaw.admin.containerconfig.FileVersion;

/** Start-up stops with a message that names what is wrong, and leaves the would-be install untouched. */
class AttachingToABadInstallTest {

    @TempDir
    Path temp;

    @Test
    void aRootWithoutADatabaseStopsStartUpAndNoDatabaseIsCreated() {
        Path root = temp.resolve("not-nanoclaw");

        FailureAnalysis analysis = startAndAnalyse(root);

        assertThat(analysis.getDescription()).contains("No NanoClaw database at").contains(root.resolve("data/v2.db").toString());
        assertThat(analysis.getAction()).contains("--nanoclaw.install-root");
        assertThat(root.resolve("data/v2.db")).doesNotExist();
    }

    @Test
    void aDatabaseWithoutTheTablesAndColumnsWeNeedIsNamedAndLeftUnchanged() throws Exception {
        Path db = Files.createDirectories(temp.resolve("old/data")).resolve("v2.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE agent_groups (id TEXT PRIMARY KEY, name TEXT, folder TEXT, created_at TEXT)");
        }
        FileVersion before = FileVersion.of(Files.readAllBytes(db));

        FailureAnalysis analysis = startAndAnalyse(temp.resolve("old"));

        assertThat(analysis.getDescription()).contains("column agent_groups.agent_provider").contains("table sessions")
                .doesNotContain("column agent_groups.folder");
        assertThat(analysis.getAction()).contains("Nothing was changed");
        assertThat(FileVersion.of(Files.readAllBytes(db))).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotSqliteIsReportedClearly() throws Exception {
        Path db = Files.createDirectories(temp.resolve("junk/data")).resolve("v2.db");
        Files.writeString(db, "this is not a database, just text that is long enough to have a header.....");

        FailureAnalysis analysis = startAndAnalyse(temp.resolve("junk"));

        assertThat(analysis.getDescription()).contains("Cannot read NanoClaw's database");
    }

    private FailureAnalysis startAndAnalyse(Path installRoot) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(NanoclawAdminApplication.class)
                .properties("nanoclaw.install-root=" + installRoot, "nanoclaw.data-dir=" + temp.resolve("data"),
                        "server.port=0")
                .run().close());
        assertThat(failure).as("start-up must fail").isNotNull();
        FailureAnalysis analysis = new InstallNotUsableFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("failure analysis of " + failure).isNotNull();
        return analysis;
    }
}
