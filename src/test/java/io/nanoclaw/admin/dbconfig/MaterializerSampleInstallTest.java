package io.nanoclaw.admin.dbconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.JsonValues;
import tools.jackson.databind.node.JsonNodeFactory;

/** The DB-era sample install ({@code src/test/fixtures/README.md}): its materialised files, rebuilt from its rows. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MaterializerSampleInstallTest {

    /** A group of the sample DB with its config row (null when it has none). */
    record Group(String id, String name, String folder, ContainerConfigRow row) {
    }

    private static final Map<String, Group> GROUPS = new LinkedHashMap<>();

    @BeforeAll
    static void readTheSampleDatabase() throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + SampleInstall.originalDbEra().resolve("data/v2.db") + "?open_mode=1");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT g.id, g.name, g.folder, c.agent_group_id AS row_id, c.*"
                        + " FROM agent_groups g LEFT JOIN container_configs c ON c.agent_group_id = g.id")) {
            while (rs.next()) {
                ContainerConfigRow row = rs.getString("row_id") == null ? null : new ContainerConfigRow(
                        rs.getString("agent_group_id"), rs.getString("provider"), rs.getString("model"),
                        rs.getString("effort"), rs.getString("image_tag"), rs.getString("assistant_name"),
                        asStored(rs.getObject("max_messages_per_prompt")), rs.getString("skills"),
                        rs.getString("mcp_servers"), rs.getString("packages_apt"), rs.getString("packages_npm"),
                        rs.getString("additional_mounts"), rs.getString("updated_at"), rs.getString("cli_scope"));
                GROUPS.put(rs.getString("folder"),
                        new Group(rs.getString("id"), rs.getString("name"), rs.getString("folder"), row));
            }
        }
    }

    /** ContainerConfigRow holds SQLite integers as Long; the driver hands small ones over as Integer. */
    private static Object asStored(Object value) {
        return value instanceof Integer i ? Long.valueOf(i) : value;
    }

    private static Materialized materialize(String folder) {
        Group group = GROUPS.get(folder);
        assertThat(group).as("group %s", folder).isNotNull();
        assertThat(group.row()).as("row of %s", folder).isNotNull();
        return Materializer.materialize(group.id(), group.name(), group.row());
    }

    private static byte[] file(String folder) throws IOException {
        return Files.readAllBytes(SampleInstall.originalDbEra().resolve("groups").resolve(folder)
                .resolve("container.json"));
    }

    private static ContainerConfigDocument fileDocument(String folder) throws IOException {
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(file(folder));
        assertThat(parsed.state()).isEqualTo(ConfigFileState.OK);
        return parsed.document();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"main", "ops-bot", "support", "concierge", "coder"})
    void a_materialised_file_is_rebuilt_byte_for_byte_from_its_row(String folder) throws IOException {
        Materialized materialized = materialize(folder);

        assertThat(materialized.problems()).isEmpty();
        assertThat(new String(materialized.bytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(file(folder), StandardCharsets.UTF_8));
        assertThat(materialized.bytes()).isEqualTo(file(folder));
        assertThat(JsonValues.sameValue(materialized.document().toJson(), fileDocument(folder).toJson())).isTrue();
    }

    @Test
    void mains_file_carries_the_image_tag_the_mcp_secret_the_apt_package_and_the_message_count() {
        assertThat(materialize("main").document().keys()).containsExactly("mcpServers", "packages", "imageTag",
                "additionalMounts", "skills", "groupName", "assistantName", "agentGroupId", "maxMessagesPerPrompt");
    }

    @Test
    void concierges_empty_assistant_name_and_non_ascii_group_name_are_written_as_they_are() throws IOException {
        assertThat(new String(file("concierge"), StandardCharsets.UTF_8))
                .contains("\"groupName\": \"Café Concierge\"", "\"assistantName\": \"\"");
        assertThat(materialize("concierge").bytes()).isEqualTo(file("concierge"));
    }

    @Test
    void research_differs_from_its_row_by_the_hand_edited_provider_only() throws IOException {
        Materialized materialized = materialize("research");

        assertThat(materialized.bytes()).isNotEqualTo(file("research"));
        assertThat(materialized.document().provider()).contains("claude");
        assertThat(ContainerConfigFormat.renderBytes(materialized.document().with("provider", "codex")))
                .isEqualTo(file("research"));
        assertThat(JsonValues.sameValue(materialized.document().toJson(), fileDocument("research").toJson()))
                .isFalse();
    }

    @Test
    void travel_differs_from_its_row_by_the_hand_added_env_key_only() throws IOException {
        Materialized materialized = materialize("travel");
        var env = JsonNodeFactory.instance.objectNode().put("OLLAMA_HOST", "http://host.docker.internal:11434");

        assertThat(materialized.bytes()).isNotEqualTo(file("travel"));
        assertThat(ContainerConfigFormat.renderBytes(materialized.document().with("env", env)))
                .isEqualTo(file("travel"));
        assertThat(JsonValues.sameValue(materialized.document().toJson(), fileDocument("travel").toJson())).isFalse();
    }

    @Test
    void writers_file_is_the_materialised_file_cut_off_after_its_provider_line() throws IOException {
        String materialized = new String(materialize("writer").bytes(), StandardCharsets.UTF_8);
        String onDisk = new String(file("writer"), StandardCharsets.UTF_8);

        assertThat(onDisk).endsWith("\"provider\": \"claude\",\n");
        assertThat(materialized).startsWith(onDisk).isNotEqualTo(onDisk);
        assertThat(ContainerConfigFormat.parse(file("writer")).state()).isEqualTo(ConfigFileState.MALFORMED);
    }

    @Test
    void billings_row_broken_by_sql_cannot_be_materialised_and_names_mcp_servers() {
        Materialized materialized = materialize("billing");

        assertThat(materialized.ok()).isFalse();
        assertThat(materialized.problems()).singleElement().asString()
                .startsWith("mcp_servers is not valid JSON (")
                .contains("line 1, column 60");
    }

    @Test
    void billings_file_is_what_its_row_gave_before_the_sql_edit() throws IOException {
        Group billing = GROUPS.get("billing");
        ContainerConfigRow before = new ContainerConfigRow(billing.row().agentGroupId(), billing.row().provider(),
                billing.row().model(), billing.row().effort(), billing.row().imageTag(),
                billing.row().assistantName(), billing.row().maxMessagesPerPrompt(), billing.row().skills(), "{}",
                billing.row().packagesApt(), billing.row().packagesNpm(), billing.row().additionalMounts(),
                billing.row().updatedAt(), billing.row().cliScope());

        assertThat(Materializer.materialize(billing.id(), billing.name(), before).bytes()).isEqualTo(file("billing"));
    }

    @Test
    void only_billings_row_is_invalid() {
        Map<String, Object> problems = new LinkedHashMap<>();
        GROUPS.values().stream().filter(group -> group.row() != null).forEach(group -> {
            var found = ContainerConfigRowValidator.check(group.row());
            if (!found.isEmpty()) {
                problems.put(group.folder(), found);
            }
        });

        assertThat(problems).containsOnlyKeys("billing");
        assertThat(ContainerConfigRowValidator.check(GROUPS.get("billing").row()))
                .extracting(RowProblem::column).containsExactly("mcp_servers");
    }

    @Test
    void every_other_row_materialises_including_those_without_a_file() {
        assertThat(GROUPS.values().stream().filter(group -> group.row() != null)
                .filter(group -> !materialize(group.folder()).ok()).map(Group::folder)).containsExactly("billing");
        assertThat(GROUPS.get("intake").row()).isNull();
        assertThat(materialize("scratch").bytes()).isNotEmpty();
    }
}
