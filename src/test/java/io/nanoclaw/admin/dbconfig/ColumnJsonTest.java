package io.nanoclaw.admin.dbconfig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ColumnJsonTest {

    private static String compact(String text) {
        ColumnJson.Parsed parsed = ColumnJson.parse(text);
        assertThat(parsed.ok()).as("%s parses", text).isTrue();
        return ContainerConfigFormat.compact(parsed.value());
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {}                                    | {}
            []                                    | []
            "all"                                 | "all"
            ` {"a" : [ 1 , true , null ] } `      | {"a":[1,true,null]}
            `\t\r\n{"a":\n"b"}\n`                 | {"a":"b"}
            false                                 | false
            null                                  | null
            -12                                   | -12
            "\\u00e9\\/\\""                       | "é/\\""
            """)
    void valid_json_of_every_type_reads_as_JSON_parse_reads_it(String text, String expected) {
        assertThat(compact(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `\uFEFF{}`                  | a byte-order mark
            `/* note */ {}`             | a block comment
            `{} // note`                | a line comment
            `{"a": 1,}`                 | a trailing comma in an object
            `[1, 2,]`                   | a trailing comma in an array
            `{'a': 1}`                  | single quotes
            `{a: 1}`                    | an unquoted key
            `[NaN]`                     | NaN
            `[Infinity]`                | Infinity
            `[01]`                      | a leading zero
            `[+1]`                      | a plus sign
            `[.5]`                      | a bare fraction
            `[1.]`                      | a bare decimal point
            `[0x10]`                    | a hexadecimal number
            `"a\u0001b"`                | a raw control character in a string
            `"a\tb"`                    | a raw tab in a string
            `"\\x41"`                   | an unknown escape
            `{\f}`                      | a form feed as white space
            `{\u00a0}`                  | a no-break space as white space
            `{\u2028}`                  | a line separator as white space
            `{"a": 1} {"b": 2}`         | two values
            `{"a": 1}x`                 | trailing text
            `[1] 2`                     | a trailing number
            `{"a": 1`                   | a truncated object
            `"abc`                      | an unterminated string
            `tru`                       | a misspelt literal
            `True`                      | a capitalised literal
            `undefined`                 | undefined
            """)
    void text_that_JSON_parse_rejects_is_not_valid(String text, String what) {
        ColumnJson.Parsed parsed = ColumnJson.parse(text);

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.value()).isNull();
        assertThat(parsed.error().message()).isNotBlank().doesNotContain("(code ", "[Source", "enable `");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", " ", "\n\t "})
    void empty_text_is_not_valid_JSON(String text) {
        ColumnJson.Parsed parsed = ColumnJson.parse(text);

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problem("skills")).startsWith("skills is not valid JSON (the text ");
    }

    @Test
    void an_error_names_the_line_and_column_where_the_parser_stopped() {
        ColumnJson.Parsed parsed = ColumnJson.parse("{\"a\"\n:\n tru}");

        assertThat(parsed.error().line()).isEqualTo(3);
        assertThat(parsed.error().column()).isEqualTo(2);
        assertThat(parsed.problem("mcp_servers"))
                .startsWith("mcp_servers is not valid JSON (Unrecognized token 'tru'")
                .endsWith(" at line 3, column 2)");
    }

    @Test
    void the_billing_groups_broken_mcp_servers_fails_at_the_same_place_as_in_Node() {
        // Node 20: "Expected double-quoted property name in JSON at position 59" (0-based), i.e. column 60.
        ColumnJson.Parsed parsed = ColumnJson.parse(
                "{\"ledger\": {\"command\": \"npx\", \"args\": [\"-y\", \"ledger-mcp\"],}}");

        assertThat(parsed.problem("mcp_servers")).isEqualTo("mcp_servers is not valid JSON (Unexpected character '}':"
                + " was expecting double-quote to start property name at line 1, column 60)");
    }

    @Test
    void a_problem_can_only_be_told_for_text_that_is_not_valid() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> ColumnJson.parse("{}").problem("skills"));
    }

    @Test
    void sql_null_reads_as_json_null_as_JSON_parse_of_null_does() {
        ColumnJson.Parsed parsed = ColumnJson.parse(null);

        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.value().isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a": 1, "b": 2, "a": 3}                          | {"a":3,"b":2}
            {"a": {"x": 1}, "b": 2, "a": [true]}              | {"a":[true],"b":2}
            {"s": {"k": 1, "k": 2, "j": 0, "k": 3}}           | {"s":{"k":3,"j":0}}
            [{"a": 1, "a": 2}, {"a": 3}]                      | [{"a":2},{"a":3}]
            """)
    void a_duplicate_key_keeps_its_last_value_in_its_first_place(String text, String expected) {
        assertThat(compact(text)).isEqualTo(expected);
    }

    @Test
    void array_index_keys_come_first_in_numeric_order_as_in_JavaScript() {
        // The expected text is Node 20's JSON.stringify(JSON.parse(text)).
        String text = "{\"b\":1,\"2\":2,\"a\":3,\"1\":4,\"01\":5,\"-1\":6,\"4294967294\":7,\"4294967295\":8,\"b\":9,"
                + "\"1.0\":10,\"0\":11}";

        assertThat(compact(text)).isEqualTo("{\"0\":11,\"1\":4,\"2\":2,\"4294967294\":7,\"b\":9,\"a\":3,\"01\":5,"
                + "\"-1\":6,\"4294967295\":8,\"1.0\":10}");
    }

    @Test
    void array_index_keys_are_reordered_at_every_depth() {
        assertThat(compact("{\"z\": [{\"10\": 1, \"9\": 2, \"x\": 3}], \"s\": {\"m\": {\"b\": 0, \"3\": 1}}}"))
                .isEqualTo("{\"z\":[{\"9\":2,\"10\":1,\"x\":3}],\"s\":{\"m\":{\"3\":1,\"b\":0}}}");
    }

    @ParameterizedTest(name = "\"{0}\" is an array index: {1}")
    @CsvSource({
        "0, true", "42, true", "4294967294, true", "4294967295, false", "10000000000, false", "01, false",
        "00, false", "-1, false", "+1, false", "1.0, false", "1e3, false", "' 1', false", "'', false", "a1, false",
        "١, false"
    })
    void only_canonical_array_indices_count_as_integer_keys(String key, boolean index) {
        assertThat(ColumnJson.isArrayIndex(key)).isEqualTo(index);
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0                            | 1
            1e3                            | 1000
            1E+3                           | 1000
            1.5e2                          | 150
            20.0                           | 20
            -0                             | 0
            -0.0                           | 0
            9007199254740992               | 9007199254740992
            9007199254740993               | 9007199254740992
            1234567890123456789            | 1234567890123456800
            123456789012345678901234567890 | 1.2345678901234568e+29
            100000000000000000000          | 100000000000000000000
            1e21                           | 1e+21
            2e23                           | 2e+23
            9.999999999999999e22           | 1e+23
            0.1                            | 0.1
            0.30000000000000004            | 0.30000000000000004
            4.35                           | 4.35
            0.000001                       | 0.000001
            1e-6                           | 0.000001
            1e-7                           | 1e-7
            2.5e-3                         | 0.0025
            123e-20                        | 1.23e-18
            -1.5e-9                        | -1.5e-9
            5e-324                         | 5e-324
            1e-400                         | 0
            1.7976931348623157e308         | 1.7976931348623157e+308
            1e400                          | null
            -1e400                         | null
            """)
    void numbers_print_as_JavaScript_prints_the_double_they_read_as(String number, String expected) {
        // Expected values are Node 20's JSON.stringify(JSON.parse(number)).
        assertThat(compact("[" + number + "]")).isEqualTo("[" + expected + "]");
    }

    @Test
    void a_long_number_is_read_in_full_not_refused() {
        String digits = "1" + "0".repeat(2000);

        assertThat(compact(digits)).isEqualTo("null");
        assertThat(compact("0." + "0".repeat(1500) + "1")).isEqualTo("0");
    }

    @Test
    void nesting_as_deep_as_Node_can_still_write_is_read() {
        assertThat(ColumnJson.parse("[".repeat(1000) + "]".repeat(1000)).ok()).isTrue();
    }

    @Test
    void a_safe_integer_is_an_integral_node_and_a_fraction_a_decimal_one() {
        assertThat(ColumnJson.parse("20").value().isInt()).isTrue();
        assertThat(ColumnJson.parse("20.0").value().isInt()).isTrue();
        assertThat(ColumnJson.parse("4294967296").value().isLong()).isTrue();
        assertThat(ColumnJson.parse("0.5").value().isBigDecimal()).isTrue();
    }

    @ParameterizedTest(name = "{0} is written back as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `"\\u2028\\u2029"`            | `"\u2028\u2029"`
            `"caf\\u00e9 \\ud83d\\ude00"` | `"café 😀"`
            `"\\u0001\\u001F\\u007f"`     | `"\\u0001\\u001f\u007f"`
            `"\\b\\f\\n\\r\\t"`           | `"\\b\\f\\n\\r\\t"`
            `"\\ud800x"`                  | `"\\ud800x"`
            `"\\/"`                       | `"/"`
            """)
    void strings_keep_their_characters_and_escape_as_JSON_stringify_does(String text, String expected) {
        assertThat(compact(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `Unexpected character ('}' (code 125)): was expecting double-quote to start property name` | `Unexpected character '}': was expecting double-quote to start property name`
            `Illegal character ((CTRL-CHAR, code 12)): only regular white space (\\r, \\n, \\t) is allowed between tokens` | `Illegal character (U+000C): only regular white space (\\r, \\n, \\t) is allowed between tokens`
            `Unexpected end-of-inputNo digit following sign` | `Unexpected end-of-input: No digit following sign`
            `Unexpected character ('﻿' (code 65279 / 0xfeff)): expected a valid value` | `Unexpected character U+FEFF: expected a valid value`
            `Unexpected character (' ' (code 8232 / 0x2028)): was expecting` | `Unexpected character U+2028: was expecting`
            `Unrecognized character escape 'x' (code 120)` | `Unrecognized character escape 'x'`
            `Unexpected character (''' (code 39)): was expecting double-quote` | `Unexpected character ''': was expecting double-quote`
            """)
    void jacksons_messages_lose_their_character_codes_and_feature_hints(String message, String tidy) {
        assertThat(ColumnJson.tidy(message)).isEqualTo(tidy);
    }

    @Test
    void a_hint_to_enable_a_jackson_feature_is_left_out() {
        assertThat(ColumnJson.tidy("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"))
                .isEqualTo("Non-standard token 'NaN'");
    }

    @Test
    void the_start_marker_note_of_an_unclosed_array_is_left_out() {
        assertThat(ColumnJson.parse("[1, 2").error().message()).isEqualTo(
                "Unexpected end-of-input: expected close marker for Array");
    }
}
