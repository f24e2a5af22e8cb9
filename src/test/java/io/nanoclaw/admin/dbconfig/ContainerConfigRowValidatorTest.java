package io.nanoclaw.admin.dbconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContainerConfigRowValidatorTest {

    private static java.util.List<RowProblem> check(Rows row) {
        return ContainerConfigRowValidator.check(row.build());
    }

    @Test
    void a_row_of_defaults_is_valid() {
        assertThat(check(Rows.defaults())).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            skills            | "all"
            skills            | []
            skills            | ["agent-browser", "gmail"]
            skills            | ` [ "a" ] `
            mcp_servers       | {}
            mcp_servers       | {"cal": {"command": "npx", "args": ["-y"], "env": {"T": "x"}}}
            mcp_servers       | {"odd": 1}
            packages_apt      | []
            packages_apt      | ["ffmpeg", "jq"]
            packages_npm      | []
            packages_npm      | ["left-pad"]
            additional_mounts | []
            additional_mounts | [{"hostPath": "/srv/a"}]
            additional_mounts | [{"hostPath": "/srv/a", "containerPath": "a", "readonly": false}]
            additional_mounts | [{"hostPath": ""}, {"hostPath": "/b", "extra": [1]}]
            """)
    void a_json_column_of_the_right_type_is_valid(String column, String json) {
        assertThat(check(Rows.defaults().json(column, json))).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            skills            | all                        | skills is not valid JSON (Unrecognized token 'all': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at line 1, column 1)
            skills            | "none"                     | skills must be "all" or an array of skill names, but it is the string "none"
            skills            | "ALL"                      | skills must be "all" or an array of skill names, but it is the string "ALL"
            skills            | 3                          | skills must be "all" or an array of skill names, but it is the number 3
            skills            | {}                         | skills must be "all" or an array of skill names, but it is an object
            skills            | null                       | skills must be "all" or an array of skill names, but it is null
            skills            | ["a", 1]                   | skills must be "all" or an array of skill names, but element 2 of 2 is the number 1
            skills            | [["a"]]                    | skills must be "all" or an array of skill names, but element 1 of 1 is an array
            mcp_servers       | {"a": 1,}                  | mcp_servers is not valid JSON (Unexpected character '}': was expecting double-quote to start property name at line 1, column 9)
            mcp_servers       | []                         | mcp_servers must be a JSON object of servers, but it is an array
            mcp_servers       | "cal"                      | mcp_servers must be a JSON object of servers, but it is the string "cal"
            mcp_servers       | null                       | mcp_servers must be a JSON object of servers, but it is null
            mcp_servers       | true                       | mcp_servers must be a JSON object of servers, but it is the boolean true
            packages_apt      | [ffmpeg]                   | packages_apt is not valid JSON (Unrecognized token 'ffmpeg': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at line 1, column 2)
            packages_apt      | "ffmpeg"                   | packages_apt must be an array of package names, but it is the string "ffmpeg"
            packages_apt      | {"apt": []}                | packages_apt must be an array of package names, but it is an object
            packages_apt      | ["ffmpeg", null]           | packages_apt must be an array of package names, but element 2 of 2 is null
            packages_npm      | ``                         | packages_npm is not valid JSON (the text is empty)
            packages_npm      | {}                         | packages_npm must be an array of package names, but it is an object
            packages_npm      | [1.5]                      | packages_npm must be an array of package names, but element 1 of 1 is the number 1.5
            additional_mounts | [{"hostPath": "/a"}        | additional_mounts is not valid JSON (Unexpected end-of-input: expected close marker for Array at line 1, column 20)
            additional_mounts | {"hostPath": "/a"}         | additional_mounts must be an array of mounts, but it is an object
            additional_mounts | ["/srv/a"]                 | additional_mounts must be an array of mounts ({"hostPath": …}), but entry 1 of 1 is the string "/srv/a"
            additional_mounts | [{"hostPath": "/a"}, {}]   | additional_mounts must be an array of mounts with a string hostPath, but entry 2 of 2 has no hostPath
            additional_mounts | [{"containerPath": "/x"}]  | additional_mounts must be an array of mounts with a string hostPath, but entry 1 of 1 has no hostPath
            additional_mounts | [{"hostPath": 1}]          | additional_mounts must be an array of mounts with a string hostPath, but the hostPath of entry 1 of 1 is the number 1
            additional_mounts | [{"hostPath": null}]       | additional_mounts must be an array of mounts with a string hostPath, but the hostPath of entry 1 of 1 is null
            """)
    void a_json_column_that_is_not_json_or_of_the_wrong_type_is_invalid(String column, String json, String message) {
        assertThat(check(Rows.defaults().json(column, json))).containsExactly(new RowProblem(column, message));
    }

    @Test
    void a_long_string_is_shortened_in_the_message() {
        String name = "x".repeat(100);

        assertThat(check(Rows.defaults().skills("\"" + name + "\""))).singleElement()
                .extracting(RowProblem::message).asString()
                .endsWith("but it is the string \"" + "x".repeat(38) + "…");
    }

    static Stream<Arguments> validCounts() {
        return Stream.of(
                Arguments.of("NULL", null),
                Arguments.of("an integer", 20L),
                Arguments.of("zero, which the runner reads as its default", 0L),
                Arguments.of("a negative integer, which the runner reads as no limit", -1L),
                Arguments.of("the largest integer", Long.MAX_VALUE),
                Arguments.of("an Integer from JDBC", 20),
                Arguments.of("a BigInteger", BigInteger.TEN),
                Arguments.of("a whole real", 20.0),
                Arguments.of("a whole real beyond 64 bits", 1e20),
                Arguments.of("a whole BigDecimal", new BigDecimal("20.00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCounts")
    void max_messages_per_prompt_that_is_null_or_an_integer_is_valid(String what, Object value) {
        assertThat(check(Rows.defaults().maxMessagesPerPrompt(value))).isEmpty();
    }

    static Stream<Arguments> invalidCounts() {
        return Stream.of(
                Arguments.of("20", "it holds the text '20'"),
                Arguments.of("twenty", "it holds the text 'twenty'"),
                Arguments.of("", "it holds the text ''"),
                Arguments.of(20.5, "it holds the real number 20.5"),
                Arguments.of(Double.NaN, "it holds the real number NaN"),
                Arguments.of(Double.POSITIVE_INFINITY, "it holds the real number Infinity"),
                Arguments.of(new BigDecimal("0.5"), "it holds the real number 0.5"),
                Arguments.of(new byte[] {1, 2, 3}, "it holds a blob of 3 bytes"),
                Arguments.of(new byte[] {1}, "it holds a blob of 1 byte"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidCounts")
    void max_messages_per_prompt_that_is_not_an_integer_is_invalid(Object value, String what) {
        assertThat(check(Rows.defaults().maxMessagesPerPrompt(value))).containsExactly(new RowProblem(
                "max_messages_per_prompt", "max_messages_per_prompt must be NULL or an integer, but " + what));
    }

    @Test
    void every_invalid_column_is_reported_once_in_the_tables_column_order() {
        Rows row = Rows.defaults().additionalMounts("[1, 2]").mcpServers("[").skills("[1, 2]").packagesNpm("{}")
                .packagesApt("[]").maxMessagesPerPrompt("x");

        assertThat(check(row)).extracting(RowProblem::column)
                .containsExactly("max_messages_per_prompt", "skills", "mcp_servers", "packages_npm",
                        "additional_mounts");
    }

    @Test
    void every_message_starts_with_its_column() {
        Rows row = Rows.defaults().additionalMounts("{").mcpServers("1").skills("1").packagesNpm("1")
                .packagesApt("1").maxMessagesPerPrompt("x");

        assertThat(check(row)).hasSize(6).allSatisfy(p -> assertThat(p.message()).startsWith(p.column() + " "));
    }

    @Test
    void scalar_columns_are_not_checked() {
        Rows row = Rows.defaults().provider("No Such Provider").model("").effort("").imageTag("").assistantName("");

        assertThat(check(row)).isEmpty();
    }
}
