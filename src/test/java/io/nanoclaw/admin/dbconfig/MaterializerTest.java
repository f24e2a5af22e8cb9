package io.nanoclaw.admin.dbconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MaterializerTest {

    private static final String ID = Rows.GROUP_ID;

    private static Materialized materialize(Rows row) {
        return Materializer.materialize(ID, "Andy", row.build());
    }

    private static String text(Rows row) {
        Materialized materialized = materialize(row);
        assertThat(materialized.problems()).isEmpty();
        return new String(materialized.bytes(), StandardCharsets.UTF_8);
    }

    /** The compact form of one key of the materialised document; "absent" when it is left out. */
    private static String key(Rows row, String key) {
        return materialize(row).document().field(key).map(ContainerConfigFormat::compact).orElse("absent");
    }

    @Test
    void a_row_of_defaults_gives_the_file_of_a_new_group() {
        assertThat(text(Rows.defaults())).isEqualTo("""
                {
                  "mcpServers": {},
                  "packages": {
                    "apt": [],
                    "npm": []
                  },
                  "additionalMounts": [],
                  "skills": "all",
                  "groupName": "Andy",
                  "assistantName": "Andy",
                  "agentGroupId": "ag-1776160800000-main01"
                }
                """);
    }

    @Test
    void a_full_row_gives_every_key_in_the_hosts_order() {
        Rows row = Rows.defaults().provider("codex").model("gpt-5.4").effort("high").imageTag("img:1")
                .assistantName("Bob").maxMessagesPerPrompt(20L).skills("[\"a\",\"b\"]")
                .mcpServers("{\"cal\":{\"command\":\"npx\",\"args\":[\"-y\"],\"env\":{\"T\":\"x\"}}}")
                .packagesApt("[\"ffmpeg\"]").packagesNpm("[\"left-pad\"]")
                .additionalMounts("[{\"hostPath\":\"/srv/a\",\"containerPath\":\"a\",\"readonly\":false}]");

        assertThat(text(row)).isEqualTo("""
                {
                  "mcpServers": {
                    "cal": {
                      "command": "npx",
                      "args": [
                        "-y"
                      ],
                      "env": {
                        "T": "x"
                      }
                    }
                  },
                  "packages": {
                    "apt": [
                      "ffmpeg"
                    ],
                    "npm": [
                      "left-pad"
                    ]
                  },
                  "imageTag": "img:1",
                  "additionalMounts": [
                    {
                      "hostPath": "/srv/a",
                      "containerPath": "a",
                      "readonly": false
                    }
                  ],
                  "skills": [
                    "a",
                    "b"
                  ],
                  "provider": "codex",
                  "groupName": "Andy",
                  "assistantName": "Bob",
                  "agentGroupId": "ag-1776160800000-main01",
                  "maxMessagesPerPrompt": 20,
                  "model": "gpt-5.4",
                  "effort": "high"
                }
                """);
    }

    static Stream<Arguments> nullableColumns() {
        return Stream.of(
                Arguments.of("imageTag", (UnaryOperator<Rows>) r -> r.imageTag(""), "\"\""),
                Arguments.of("provider", (UnaryOperator<Rows>) r -> r.provider(""), "\"\""),
                Arguments.of("maxMessagesPerPrompt", (UnaryOperator<Rows>) r -> r.maxMessagesPerPrompt(0L), "0"),
                Arguments.of("model", (UnaryOperator<Rows>) r -> r.model(""), "\"\""),
                Arguments.of("effort", (UnaryOperator<Rows>) r -> r.effort(""), "\"\""));
    }

    @ParameterizedTest(name = "{0} is left out for NULL")
    @MethodSource("nullableColumns")
    void a_null_column_leaves_its_key_out(String key, UnaryOperator<Rows> set, String written) {
        assertThat(key(Rows.defaults(), key)).isEqualTo("absent");
    }

    @ParameterizedTest(name = "{0} is written as {2}")
    @MethodSource("nullableColumns")
    void an_empty_or_zero_value_is_written_not_left_out(String key, UnaryOperator<Rows> set, String written) {
        assertThat(key(set.apply(Rows.defaults()), key)).isEqualTo(written);
    }

    @Test
    void an_empty_provider_is_written_as_an_empty_string_in_its_place() {
        assertThat(materialize(Rows.defaults().provider("")).document().keys()).containsExactly("mcpServers",
                "packages", "additionalMounts", "skills", "provider", "groupName", "assistantName", "agentGroupId");
    }

    @Test
    void a_null_assistant_name_gives_the_groups_name() {
        assertThat(key(Rows.defaults(), "assistantName")).isEqualTo("\"Andy\"");
    }

    @Test
    void an_empty_assistant_name_is_kept_and_means_no_name() {
        assertThat(key(Rows.defaults().assistantName(""), "assistantName")).isEqualTo("\"\"");
    }

    @Test
    void the_identity_comes_from_the_group_not_from_the_row() {
        Materialized materialized = Materializer.materialize("ag-other", "Other", Rows.defaults().build());

        assertThat(materialized.document().agentGroupId()).contains("ag-other");
        assertThat(materialized.document().groupName()).contains("Other");
        assertThat(materialized.document().assistantName()).contains("Other");
    }

    @Test
    void a_group_name_that_is_sql_null_is_written_as_json_null() {
        Materialized materialized = Materializer.materialize(ID, null, Rows.defaults().build());

        assertThat(materialized.document().field("groupName")).hasValueSatisfying(v -> assertThat(v.isNull()).isTrue());
        assertThat(materialized.document().field("assistantName"))
                .hasValueSatisfying(v -> assertThat(v.isNull()).isTrue());
    }

    @Test
    void cli_scope_and_updated_at_are_not_written() {
        assertThat(materialize(Rows.defaults()).document().keys()).doesNotContain("cliScope", "cli_scope", "updatedAt");
    }

    @ParameterizedTest(name = "{0} is written as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"b":{"command":"x"},"2":{"command":"y"},"10":{"command":"z"},"a":{"command":"w"}} | {"2":{"command":"y"},"10":{"command":"z"},"b":{"command":"x"},"a":{"command":"w"}}
            {"s":{"env":{"B":"1","1":"2","01":"3"}}}                                       | {"s":{"env":{"1":"2","B":"1","01":"3"}}}
            {"a":{"command":"x"},"b":{"command":"y"},"a":{"command":"z"}}                  | {"a":{"command":"z"},"b":{"command":"y"}}
            {"s":{"args":[1.0,1e3,9007199254740993,0.1]}}                                  | {"s":{"args":[1,1000,9007199254740992,0.1]}}
            """)
    void json_columns_are_parsed_and_written_back_as_JavaScript_does(String mcpServers, String written) {
        assertThat(key(Rows.defaults().mcpServers(mcpServers), "mcpServers")).isEqualTo(written);
    }

    @Test
    void the_spacing_of_a_json_column_is_lost() {
        assertThat(text(Rows.defaults().packagesApt(" [ \"a\" ,\n\t\"b\" ] ")))
                .contains("  \"packages\": {\n    \"apt\": [\n      \"a\",\n      \"b\"\n    ],\n");
    }

    @Test
    void non_ascii_and_line_separators_stay_as_they_are_and_control_characters_escape_in_lower_case_hex() {
        Rows row = Rows.defaults()
                .mcpServers("{\"s\":{\"env\":{\"A\":\"caf\\u00e9 \\u2028\\u2029 /\",\"B\":\"\\u001b[0m\\u007f\"}}}");

        String text = new String(Materializer.materialize(ID, "Café Concierge", row.build()).bytes(),
                StandardCharsets.UTF_8);

        assertThat(text).contains("\"A\": \"café \u2028\u2029 /\"", "\"B\": \"\\u001b[0m\u007f\"",
                "\"groupName\": \"Café Concierge\"");
    }

    @Test
    void the_bytes_are_utf_8_without_a_byte_order_mark_and_end_with_a_newline() {
        byte[] bytes = Materializer.materialize(ID, "Café", Rows.defaults().build()).bytes();

        assertThat(bytes[0]).isEqualTo((byte) '{');
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"Café\"");
    }

    @ParameterizedTest(name = "{0} ({1}) is written as {2}")
    @MethodSource("maxMessagesValues")
    void max_messages_per_prompt_keeps_its_sqlite_type(Object value, String type, String written) {
        assertThat(key(Rows.defaults().maxMessagesPerPrompt(value), "maxMessagesPerPrompt")).isEqualTo(written);
    }

    static Stream<Arguments> maxMessagesValues() {
        return Stream.of(
                Arguments.of(20L, "an integer", "20"),
                Arguments.of(0L, "zero", "0"),
                Arguments.of(-5L, "a negative integer", "-5"),
                Arguments.of(7, "an Integer from JDBC", "7"),
                Arguments.of(9007199254740993L, "an integer beyond 2^53", "9007199254740992"),
                Arguments.of(Long.MAX_VALUE, "the largest integer", "9223372036854776000"),
                Arguments.of("20", "text", "\"20\""),
                Arguments.of("twenty", "text", "\"twenty\""),
                Arguments.of(20.5, "a real", "20.5"),
                Arguments.of(1e21, "a large real", "1e+21"),
                Arguments.of(Double.POSITIVE_INFINITY, "an infinite real", "null"),
                Arguments.of(new byte[] {1, (byte) 255}, "a blob", "{\"type\":\"Buffer\",\"data\":[1,255]}"));
    }

    @Test
    void a_json_column_of_the_wrong_type_is_still_written_as_it_is() {
        Rows row = Rows.defaults().skills("\"none\"").mcpServers("[]").packagesApt("{\"x\":1}")
                .additionalMounts("\"/srv\"");

        Materialized materialized = materialize(row);

        assertThat(materialized.ok()).isTrue();
        assertThat(key(row, "skills")).isEqualTo("\"none\"");
        assertThat(key(row, "mcpServers")).isEqualTo("[]");
        assertThat(key(row, "packages")).isEqualTo("{\"apt\":{\"x\":1},\"npm\":[]}");
        assertThat(key(row, "additionalMounts")).isEqualTo("\"/srv\"");
    }

    @Test
    void a_json_column_that_is_sql_null_is_written_as_null() {
        assertThat(key(Rows.defaults().mcpServers(null), "mcpServers")).isEqualTo("null");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mcp_servers", "packages_apt", "packages_npm", "additional_mounts", "skills"})
    void a_json_column_that_does_not_parse_gives_no_document_and_a_problem_naming_it(String column) {
        Materialized materialized = materialize(Rows.defaults().json(column, "[\"a\",]"));

        assertThat(materialized.ok()).isFalse();
        assertThat(materialized.documentIfOk()).isEmpty();
        assertThat(materialized.problems()).singleElement().asString()
                .startsWith(column + " is not valid JSON (Unexpected character ']'")
                .endsWith("at line 1, column 6)");
    }

    @Test
    void every_column_that_does_not_parse_is_named_in_the_order_the_host_parses_them() {
        Rows row = Rows.defaults().skills("all").additionalMounts("[").mcpServers("{,}");

        assertThat(materialize(row).problems()).hasSize(3)
                .satisfiesExactly(
                        p -> assertThat(p).startsWith("mcp_servers is not valid JSON"),
                        p -> assertThat(p).startsWith("additional_mounts is not valid JSON"),
                        p -> assertThat(p).startsWith("skills is not valid JSON"));
    }

    @Test
    void a_row_that_cannot_be_materialised_has_neither_document_nor_bytes() {
        Materialized materialized = materialize(Rows.defaults().mcpServers("{"));

        assertThatIllegalStateException().isThrownBy(materialized::document)
                .withMessageStartingWith("The row cannot be materialised: mcp_servers is not valid JSON");
        assertThatIllegalStateException().isThrownBy(materialized::bytes);
    }

    @Test
    void the_document_renders_to_the_bytes() {
        Materialized materialized = materialize(Rows.defaults().provider("claude"));

        assertThat(materialized.bytes()).isEqualTo(ContainerConfigFormat.renderBytes(materialized.document()));
    }
}
