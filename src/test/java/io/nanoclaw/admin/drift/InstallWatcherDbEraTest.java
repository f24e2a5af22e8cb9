package io.nanoclaw.admin.drift;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.nanoclaw.admin.EditableDbEraSampleInstallTest;

/** DB era: a row {@code ncl} changes and a file the host rewrites are in the report within 2 seconds. */
class InstallWatcherDbEraTest extends EditableDbEraSampleInstallTest {

    static final String MAIN = "ag-1776160800000-main01";

    @Autowired
    DriftService service;

    @Test
    void aConfigRowChangedBySqlAndThenTheFileTheHostRewritesAreEachJudgedWithinTwoSeconds() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + INSTALL.resolve("data/v2.db"));
                Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE container_configs SET provider = 'codex' WHERE agent_group_id = '"
                    + MAIN + "'");
        }
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> has(
                FindingKind.CONFIG_FILE_DIVERGES_FROM_DB));

        String file = Files.readString(INSTALL.resolve("groups/main/container.json"));
        Files.writeString(INSTALL.resolve("groups/main/container.json"),
                file.replace("\"skills\": \"all\",", "\"skills\": \"all\",\n  \"provider\": \"codex\","));
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> !has(
                FindingKind.CONFIG_FILE_DIVERGES_FROM_DB));
    }

    private boolean has(FindingKind kind) {
        return service.latest().findings().stream().anyMatch(f -> MAIN.equals(f.groupId()) && f.kind() == kind);
    }
}
