package io.nanoclaw.admin.dbconfig;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nanoclaw.admin.containerconfig.ParseError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON column of {@code container_configs} read the way NanoClaw's {@code JSON.parse} reads it, and held in the
 * form {@code JSON.stringify} writes back:
 * <ul>
 * <li>strict JSON only: no byte-order mark, comments, trailing commas, single quotes, {@code NaN}, leading zeros;
 * whitespace is space, tab, CR and LF only;</li>
 * <li>a duplicate key keeps its last value in its first place;</li>
 * <li>keys that are array indices ({@code "0"} to {@code "4294967294"}, no sign, no leading zero) move to the front
 * of their object in ascending numeric order, at every depth, as JavaScript orders object keys;</li>
 * <li>every number is a double: it holds the digits JavaScript prints ({@code 1.0} is 1, {@code 1e3} is 1000,
 * {@code 9007199254740993} is 9007199254740992), and one beyond the double range ({@code Infinity} in JavaScript)
 * is {@code null}, which is what {@code JSON.stringify} writes for it.</li>
 * </ul>
 * SQL NULL (only possible where a fork dropped the column's {@code NOT NULL}) reads as JSON {@code null}, as
 * {@code JSON.parse(null)} does.
 */
public final class ColumnJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final double MAX_SAFE_INTEGER = 9007199254740992d;

    private static final long MAX_ARRAY_INDEX = 4294967294L;

    // Node's JSON.stringify overflows its stack somewhere between 1,000 and 5,000 levels, so deeper columns cannot be
    // materialised by NanoClaw either. V8 has no limit on the length of a number or a key: Jackson's are lifted.
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(1000)
                            .maxNumberLength(Integer.MAX_VALUE)
                            .maxNameLength(StreamReadConstraints.DEFAULT_MAX_STRING_LEN)
                            .build())
                    .build())
            .build();

    private static final Pattern CTRL_CHAR = Pattern.compile("\\(CTRL-CHAR, code (\\d+)\\)");
    private static final Pattern QUOTED_CHAR = Pattern.compile("\\((?:'[^']{1,2}'|''') \\(code (\\d+)[^)]*\\)\\)");
    private static final Pattern BARE_CHAR = Pattern.compile("(?:'[^']{1,2}'|''') \\(code (\\d+)[^)]*\\)");

    private ColumnJson() {
    }

    /**
     * The outcome of reading a column: a value, or the reason {@code JSON.parse} would throw.
     *
     * @param value the parsed value; null when the text is not JSON
     * @param error why the text is not JSON, with the 1-based line and column where known; null when it is
     */
    public record Parsed(JsonNode value, ParseError error) {

        public boolean ok() {
            return error == null;
        }

        /** A sentence for an operator: {@code "mcp_servers is not valid JSON (… at line 1, column 60)"}. */
        public String problem(String column) {
            if (ok()) {
                throw new IllegalStateException(column + " is valid JSON");
            }
            String where = error.line() > 0 ? " at line " + error.line() + ", column " + error.column() : "";
            return column + " is not valid JSON (" + error.message() + where + ")";
        }
    }

    /** Reads one column's text; never throws. */
    public static Parsed parse(String text) {
        String json = text == null ? "null" : text;
        try (JsonParser parser = MAPPER.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return failure(json.isEmpty() ? "the text is empty" : "the text holds only white space", 0, 0);
            }
            JsonNode value = read(parser, first);
            if (parser.nextToken() != null) {
                TokenStreamLocation at = parser.currentTokenLocation();
                return failure("Unexpected text after the JSON value", at.getLineNr(), at.getColumnNr());
            }
            return new Parsed(value, null);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            return at == null ? failure(tidy(e.getOriginalMessage()), 0, 0)
                    : failure(tidy(e.getOriginalMessage()), at.getLineNr(), at.getColumnNr());
        }
    }

    /**
     * The node for a JavaScript number: a safe integer as an int or long node, any other finite value as the decimal
     * JavaScript prints (the shortest that reads back as the same double), a non-finite value as {@code null}.
     */
    static JsonNode number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NODES.nullNode();
        }
        if (value == Math.rint(value) && Math.abs(value) <= MAX_SAFE_INTEGER) {
            long whole = (long) value;
            return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
        }
        return DecimalNode.valueOf(shortestDecimal(value));
    }

    /**
     * ECMA-262 Number::toString's digits: the fewest significant digits that read back as the same double; of two
     * candidates the one closer to the exact value, and of two equally close the even one.
     */
    static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == value) {
                return nearest;
            }
            // The nearest candidate can miss while the other neighbour hits: below a power of two the gap halves.
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal other = exact.round(new MathContext(digits, mode));
                if (other.doubleValue() == value) {
                    return other;
                }
            }
        }
        return exact;
    }

    private static JsonNode read(JsonParser parser, JsonToken token) {
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> NODES.stringNode(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(Double.parseDouble(parser.getText()));
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("Unexpected token " + token);
        };
    }

    private static JsonNode readObject(JsonParser parser) {
        // LinkedHashMap.put keeps a key's first place when a later duplicate replaces its value, as JSON.parse does.
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            properties.put(name, read(parser, parser.nextToken()));
        }
        List<String> indices = new ArrayList<>();
        for (String name : properties.keySet()) {
            if (isArrayIndex(name)) {
                indices.add(name);
            }
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        ObjectNode object = NODES.objectNode();
        for (String index : indices) {
            object.set(index, properties.get(index));
        }
        properties.forEach((name, value) -> {
            if (!object.has(name)) {
                object.set(name, value);
            }
        });
        return object;
    }

    private static JsonNode readArray(JsonParser parser) {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(read(parser, token));
        }
        return array;
    }

    /** A canonical array index: ToString(ToUint32(key)) is the key, and it is not 2^32 - 1. */
    static boolean isArrayIndex(String key) {
        int length = key.length();
        if (length == 0 || length > 10 || (length > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(key) <= MAX_ARRAY_INDEX;
    }

    private static Parsed failure(String message, int line, int column) {
        return new Parsed(null, new ParseError(message, line, column));
    }

    /** Jackson's wording, without its character codes and source notes, which mean nothing to an operator. */
    static String tidy(String message) {
        if (message == null || message.isBlank()) {
            return "not JSON";
        }
        String tidy = message
                .replaceAll(" \\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll("end-of-input(?=[A-Za-z])", "end-of-input: ");
        tidy = CTRL_CHAR.matcher(tidy).replaceAll(m -> character(Integer.parseInt(m.group(1))));
        tidy = QUOTED_CHAR.matcher(tidy).replaceAll(m -> character(Integer.parseInt(m.group(1))));
        tidy = BARE_CHAR.matcher(tidy).replaceAll(m -> character(Integer.parseInt(m.group(1))));
        return tidy.replaceAll("\\s+", " ").strip();
    }

    /** A character as an operator can read it: {@code '}'}, or {@code U+2028} when it cannot be seen. */
    private static String character(int code) {
        boolean visible = code > 0x20 && !Character.isWhitespace(code) && !Character.isSpaceChar(code)
                && !Character.isISOControl(code) && Character.getType(code) != Character.FORMAT;
        return Matcher.quoteReplacement(visible ? "'" + Character.toString(code) + "'" : String.format("U+%04X", code));
    }
}
