package io.nanoclaw.admin.containerconfig;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * container.json as NanoClaw reads and writes it: strict {@code JSON.parse} on the way in, {@code JSON.stringify(config,
 * null, 2)} plus a newline on the way out. Keys keep their order, so a file NanoClaw wrote comes back byte for byte.
 */
public final class ContainerConfigFormat {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ContainerConfigFormat() {
    }

    /** The outcome of parsing: a document, or a state and the reason. */
    public record Parsed(ConfigFileState state, ContainerConfigDocument document, ParseError error) {
    }

    public static Parsed parse(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return malformed(new ParseError("the file starts with a byte-order mark, which JSON.parse rejects", 1, 1));
        }
        // Node reads the file as UTF-8 with replacement characters, then parses the text: do the same.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return malformed(ParseError.of("the file is empty"));
        }
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            return at == null ? malformed(ParseError.of(message))
                    : malformed(new ParseError(message, at.getLineNr(), at.getColumnNr()));
        }
        if (!(root instanceof ObjectNode object)) {
            return new Parsed(ConfigFileState.NOT_AN_OBJECT, null,
                    ParseError.of("the file holds a JSON " + describe(root) + ", not an object"));
        }
        return new Parsed(ConfigFileState.OK, new ContainerConfigDocument(object), null);
    }

    /** Renders a document exactly as {@code JSON.stringify(document, null, 2) + "\n"} does. */
    public static String render(ContainerConfigDocument document) {
        StringBuilder out = new StringBuilder(512);
        write(document.json(), out, "");
        return out.append('\n').toString();
    }

    public static byte[] renderBytes(ContainerConfigDocument document) {
        return render(document).getBytes(StandardCharsets.UTF_8);
    }

    /** A one-line rendering ({@code JSON.stringify(value)}), for tables and messages. */
    public static String compact(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, null);
        return out.toString();
    }

    private static Parsed malformed(ParseError error) {
        return new Parsed(ConfigFileState.MALFORMED, null, error);
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "array";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return "null";
    }

    /** indent == null renders compactly. */
    private static void write(JsonNode node, StringBuilder out, String indent) {
        if (node.isObject()) {
            writeObject(node, out, indent);
        } else if (node.isArray()) {
            writeArray(node, out, indent);
        } else if (node.isString()) {
            quote(node.stringValue(), out);
        } else if (node.isNumber()) {
            out.append(jsNumber(node));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            out.append("null");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out, String indent) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        if (!fields.hasNext()) {
            out.append("{}");
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append('{');
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, inner);
            quote(field.getKey(), out);
            out.append(inner == null ? ":" : ": ");
            write(field.getValue(), out, inner);
        }
        newline(out, indent);
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out, String indent) {
        if (node.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append('[');
        boolean first = true;
        for (JsonNode element : node.values()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, inner);
            write(element, out, inner);
        }
        newline(out, indent);
        out.append(']');
    }

    private static void newline(StringBuilder out, String indent) {
        if (indent != null) {
            out.append('\n').append(indent);
        }
    }

    private static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }

    /** Number.prototype.toString for the value as written (ECMA-262 Number::toString, radix 10). */
    static String jsNumber(JsonNode node) {
        BigDecimal value = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        if (value.signum() == 0) {
            return "0";
        }
        String sign = value.signum() < 0 ? "-" : "";
        BigDecimal magnitude = value.abs().stripTrailingZeros();
        String digits = magnitude.unscaledValue().toString();
        int k = digits.length();
        int n = k - magnitude.scale();
        String body;
        if (k <= n && n <= 21) {
            body = digits + "0".repeat(n - k);
        } else if (0 < n && n <= 21) {
            body = digits.substring(0, n) + "." + digits.substring(n);
        } else if (-6 < n && n <= 0) {
            body = "0." + "0".repeat(-n) + digits;
        } else {
            int exponent = n - 1;
            String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            body = mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
        }
        return sign + body;
    }

}
