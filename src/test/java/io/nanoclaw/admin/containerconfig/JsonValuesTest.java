package io.nanoclaw.admin.containerconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonValuesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Parses as container.json is parsed (exact decimals), wrapped so that scalars are allowed. */
    private static JsonNode json(String text) {
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(
                ("{\"v\":" + text + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.state()).as(text).isEqualTo(ConfigFileState.OK);
        return parsed.document().field("v").orElseThrow();
    }

    @ParameterizedTest(name = "{0} equals {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            20                                | 20.0
            20                                | 2e1
            20.0                              | 2.000E+1
            0                                 | -0
            0.1                               | 1e-1
            9007199254740993                  | 9007199254740992
            1e400                             | 2e400
            {"a": 1, "b": [1, 2]}             | {"b": [1.0, 2], "a": 1}
            {"x": {"p": 1, "q": 2}}           | {"x": {"q": 2, "p": 1}}
            {}                                | {}
            []                                | []
            "a"                               | "a"
            "é"                               | "\\u00e9"
            true                              | true
            null                              | null
            [{"a": null}]                     | [{"a": null}]
            """)
    void values_that_JSON_parse_reads_alike_are_the_same(String a, String b) {
        assertThat(JsonValues.sameValue(json(a), json(b))).isTrue();
        assertThat(JsonValues.sameValue(json(b), json(a))).isTrue();
    }

    @ParameterizedTest(name = "{0} differs from {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            20                                | 21
            20                                | "20"
            0                                 | null
            0                                 | false
            1                                 | true
            0.1                               | 0.10000000000000002
            "a"                               | "A"
            "a"                               | "a "
            ""                                | null
            true                              | false
            null                              | {}
            []                                | {}
            [1, 2]                            | [2, 1]
            [1, 2]                            | [1, 2, 3]
            [1]                               | 1
            {"a": 1}                          | {"a": 1, "b": 2}
            {"a": 1}                          | {"b": 1}
            {"a": null}                       | {}
            {"a": {"b": 1}}                   | {"a": {"b": 2}}
            {"a": [1, {"c": 1}]}              | {"a": [1, {"c": 1.5}]}
            """)
    void values_that_JSON_parse_reads_differently_are_not_the_same(String a, String b) {
        assertThat(JsonValues.sameValue(json(a), json(b))).isFalse();
        assertThat(JsonValues.sameValue(json(b), json(a))).isFalse();
    }

    @Test
    void numbers_of_every_node_type_compare_by_value() {
        JsonNode[] twenties = {NODES.numberNode(20), NODES.numberNode(20L), NODES.numberNode((short) 20),
            NODES.numberNode(20.0), NODES.numberNode(20.0f), NODES.numberNode(BigInteger.valueOf(20)),
            NODES.numberNode(new BigDecimal("20.000")), NODES.numberNode(new BigDecimal("2E+1"))};
        for (JsonNode a : twenties) {
            for (JsonNode b : twenties) {
                assertThat(JsonValues.sameValue(a, b)).as("%s = %s", a, b).isTrue();
            }
        }
        assertThat(JsonValues.sameValue(NODES.numberNode(-0.0), NODES.numberNode(0))).isTrue();
    }

    @Test
    void java_null_stands_for_no_value_and_equals_only_itself() {
        assertThat(JsonValues.sameValue(null, null)).isTrue();
        assertThat(JsonValues.sameValue(null, NODES.nullNode())).isFalse();
        assertThat(JsonValues.sameValue(NODES.objectNode(), null)).isFalse();
    }

    @Test
    void a_file_differs_from_another_by_content_not_by_formatting() {
        byte[] pretty = "{\n  \"skills\": \"all\",\n  \"maxMessagesPerPrompt\": 20\n}\n".getBytes(StandardCharsets.UTF_8);
        byte[] compact = "{\"maxMessagesPerPrompt\":20.0,\"skills\":\"all\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(JsonValues.sameValue(ContainerConfigFormat.parse(pretty).document().toJson(),
                ContainerConfigFormat.parse(compact).document().toJson())).isTrue();
    }
}
