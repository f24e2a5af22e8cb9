package io.nanoclaw.admin.containerconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import io.nanoclaw.admin.SampleInstall;

class ContainerConfigFormatTest {

    static Stream<Path> sampleConfigs() throws IOException {
        return Files.walk(SampleInstall.original().resolve("groups"))
                .filter(path -> path.getFileName().toString().equals("container.json"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("sampleConfigs")
    void everySampleFileReadsAndWritesBackByteForByteOrIsReportedMalformed(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(bytes);
        if (file.getParent().getFileName().toString().equals("writer")) {
            assertThat(parsed.state()).isEqualTo(ConfigFileState.MALFORMED);
            assertThat(parsed.error().line()).isPositive();
            return;
        }
        assertThat(parsed.state()).isEqualTo(ConfigFileState.OK);
        assertThat(ContainerConfigFormat.renderBytes(parsed.document())).isEqualTo(bytes);
    }

    @Test
    void unknownKeysAndKeyOrderSurviveAnEdit() throws IOException {
        byte[] travel = Files.readAllBytes(SampleInstall.original().resolve("groups/travel/container.json"));
        ContainerConfigDocument document = ContainerConfigFormat.parse(travel).document();

        ContainerConfigDocument edited = document.with("provider", "codex");
        String rendered = ContainerConfigFormat.render(edited);

        assertThat(edited.keys()).isEqualTo(document.keys());
        assertThat(edited.unknownKeys()).containsExactly("env", "blockedHosts");
        assertThat(rendered).isEqualTo(new String(travel, StandardCharsets.UTF_8)
                .replace("\"provider\": \"opencode\"", "\"provider\": \"codex\""));
    }

    @Test
    void aNewKeyGoesLastAndTheReadDocumentDoesNotChange() {
        ContainerConfigDocument document = parseOk("{\"b\":1,\"a\":2}");

        ContainerConfigDocument edited = document.with("provider", "codex");

        assertThat(edited.keys()).containsExactly("b", "a", "provider");
        assertThat(document.keys()).containsExactly("b", "a");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "truncated | {\"provider\": \"claude\",",
            "trailing comma | {\"provider\": \"claude\",}",
            "line comment | {\"provider\": \"claude\"} // NanoClaw uses JSON.parse",
            "single quotes | {'provider': 'claude'}",
            "trailing content | {} {}",
            "NaN | {\"maxMessagesPerPrompt\": NaN}",
            "unquoted key | {provider: \"claude\"}"})
    void whatJsonParseRejectsIsMalformed(String name, String text) {
        assertThat(ContainerConfigFormat.parse(text.getBytes(StandardCharsets.UTF_8)).state())
                .isEqualTo(ConfigFileState.MALFORMED);
    }

    @Test
    void aBlockCommentIsMalformed() {
        assertThat(ContainerConfigFormat.parse("{/* no */ \"provider\": \"claude\"}".getBytes(StandardCharsets.UTF_8))
                .state()).isEqualTo(ConfigFileState.MALFORMED);
    }

    @Test
    void integersBeyondDoublePrecisionKeepTheirDigitsRatherThanBeingRoundedAsJavaScriptWould() {
        String rendered = ContainerConfigFormat.render(parseOk("{\"n\":123456789012345678901}"));

        assertThat(rendered).isEqualTo("{\n  \"n\": 123456789012345678901\n}\n");
    }

    @Test
    void aByteOrderMarkMakesTheFileMalformedAsInNode() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};

        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(bom);

        assertThat(parsed.state()).isEqualTo(ConfigFileState.MALFORMED);
        assertThat(parsed.error().message()).contains("byte-order mark");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'   \n'"})
    void anEmptyFileIsMalformed(String text) {
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(text.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.state()).isEqualTo(ConfigFileState.MALFORMED);
        assertThat(parsed.error().message()).contains("empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[] | array", "\"claude\" | string", "null | null", "42 | number", "true | boolean"})
    void aValueThatIsNotAnObjectIsReportedWithItsKind(String text, String kind) {
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(text.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.state()).isEqualTo(ConfigFileState.NOT_AN_OBJECT);
        assertThat(parsed.error().message()).contains(kind);
    }

    @Test
    void surroundingWhitespaceIsAcceptedAsByJsonParse() {
        assertThat(ContainerConfigFormat.parse(" \n{\"provider\":\"codex\"}\n\n".getBytes(StandardCharsets.UTF_8)).state())
                .isEqualTo(ConfigFileState.OK);
    }

    @Test
    void duplicateKeysKeepTheLastValueInTheFirstPlaceAsJsonParseDoes() {
        ContainerConfigDocument document = parseOk("{\"provider\":\"claude\",\"skills\":\"all\",\"provider\":\"codex\"}");

        assertThat(document.keys()).containsExactly("provider", "skills");
        assertThat(document.provider()).contains("codex");
    }

    @Test
    void rendersLikeJsonStringifyWithTwoSpaces() {
        ContainerConfigDocument document = parseOk(
                "{\"a\":[],\"b\":{},\"c\":[1,{\"d\":null}],\"e\":true,\"f\":\"x\"}");

        assertThat(ContainerConfigFormat.render(document)).isEqualTo("""
                {
                  "a": [],
                  "b": {},
                  "c": [
                    1,
                    {
                      "d": null
                    }
                  ],
                  "e": true,
                  "f": "x"
                }
                """);
    }

    @Test
    void escapesStringsAsJsonStringifyDoes() {
        ContainerConfigDocument document = ContainerConfigDocument.empty()
                .with("s", "quote\" backslash\\ tab\t nl\n bell\u0007 é 😀 lone\uD800 /");

        assertThat(ContainerConfigFormat.render(document)).isEqualTo(
                "{\n  \"s\": \"quote\\\" backslash\\\\ tab\\t nl\\n bell\\u0007 é 😀 lone\\ud800 /\"\n}\n");
    }

    @ParameterizedTest
    @CsvSource({"10,10", "-3,-3", "1.5,1.5", "1.50,1.5", "0.000001,0.000001", "1e-7,1e-7", "1e21,1e+21",
            "1E2,100", "2.5e-3,0.0025", "0,0", "-0.0,0"})
    void rendersNumbersAsJavaScriptPrintsThem(String written, String expected) {
        String rendered = ContainerConfigFormat.render(parseOk("{\"n\":" + written + "}"));

        assertThat(rendered).isEqualTo("{\n  \"n\": " + expected + "\n}\n");
    }

    @Test
    void masksMcpServerSecretsWithoutTouchingTheOriginal() throws IOException {
        byte[] family = Files.readAllBytes(SampleInstall.original().resolve("groups/family/container.json"));
        ContainerConfigDocument document = ContainerConfigFormat.parse(family).document();

        ContainerConfigDocument masked = document.withSecretsMasked();

        assertThat(ContainerConfigFormat.render(masked)).doesNotContain("secret-cal-token").contains("CAL_TOKEN");
        assertThat(ContainerConfigFormat.render(document)).contains("secret-cal-token");
    }

    @Test
    void compactRenderingIsOneLine() {
        var node = JsonMapper.builder().build().readTree("{\"apt\":[\"ffmpeg\"],\"npm\":[]}");

        assertThat(ContainerConfigFormat.compact(node)).isEqualTo("{\"apt\":[\"ffmpeg\"],\"npm\":[]}");
        assertThat(ContainerConfigFormat.compact(JsonNodeFactory.instance.stringNode("a\"b"))).isEqualTo("\"a\\\"b\"");
    }

    @Test
    void invalidUtf8IsReadWithReplacementCharactersAsNodeDoes() {
        byte[] bytes = {'{', '"', 'p', '"', ':', '"', (byte) 0xC3, '"', '}'};

        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(bytes);

        assertThat(parsed.state()).isEqualTo(ConfigFileState.OK);
        assertThat(parsed.document().field("p").orElseThrow().stringValue()).isEqualTo("\uFFFD");
    }

    private static ContainerConfigDocument parseOk(String text) {
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.state()).as(String.valueOf(parsed.error())).isEqualTo(ConfigFileState.OK);
        return parsed.document();
    }

}
