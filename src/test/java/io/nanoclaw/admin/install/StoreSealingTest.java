package io.nanoclaw.admin.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.containerconfig.ConfigVersionRepository;

/** An admin store written before sealing existed: its clear values are sealed at start and still read the same. */
class StoreSealingTest extends EditableSampleInstallTest {

    @Autowired
    @Qualifier("adminJdbcOperations")
    NamedParameterJdbcTemplate admin;

    @Autowired
    StoreSeal seal;

    @Autowired
    ConfigVersionRepository versions;

    @Test
    void clearKeptVersionsAreSealedOnceAndReadTheSame() {
        String legacy = "{\n  \"mcpServers\": {\"x\": {\"env\": {\"K\": \"legacy-secret\"}}}\n}\n";
        MapSqlParameterSource row = new MapSqlParameterSource("content", legacy.getBytes(StandardCharsets.UTF_8))
                .addValue("at", Timestamp.from(Instant.now()));
        admin.update("INSERT INTO config_versions (folder, version, content, replaced_at, replaced_by)"
                + " VALUES ('legacy', 'v1', :content, :at, 'old-release')", row);
        admin.update("INSERT INTO config_row_versions (agent_group_id, folder, row_version, row_columns,"
                + " changed_columns, action, replaced_at, replaced_by) VALUES ('ag-legacy', 'legacy', 'r1',"
                + " '{\"mcp_servers\": \"legacy-row-secret\"}', 'mcp_servers', 'EDIT', :at, 'old-release')", row);

        new StoreSealing(admin, seal);

        byte[] stored = admin.queryForObject("SELECT content FROM config_versions WHERE folder = 'legacy'",
                new MapSqlParameterSource(), byte[].class);
        assertThat(StoreSeal.isSealed(stored)).isTrue();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("legacy-secret");
        assertThat(versions.findByFolderOrderByReplacedAtDesc("legacy").get(0).text(seal)).isEqualTo(legacy);
        String rowColumns = admin.queryForObject("SELECT row_columns FROM config_row_versions WHERE folder = 'legacy'",
                new MapSqlParameterSource(), String.class);
        assertThat(rowColumns).startsWith("ncs1:").doesNotContain("legacy-row-secret");
        assertThat(seal.openText(rowColumns)).isEqualTo("{\"mcp_servers\": \"legacy-row-secret\"}");

        new StoreSealing(admin, seal);
        assertThat(admin.queryForObject("SELECT content FROM config_versions WHERE folder = 'legacy'",
                new MapSqlParameterSource(), byte[].class)).as("sealed once, not twice").isEqualTo(stored);
    }
}
