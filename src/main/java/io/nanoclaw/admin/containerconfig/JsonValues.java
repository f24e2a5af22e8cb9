package io.nanoclaw.admin.containerconfig;

import java.util.Iterator;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Equality of JSON values as NanoClaw's runner sees them, to decide whether a container.json on disk says something
 * other than the document the host would write ({@code CONFIG_FILE_DIVERGES_FROM_DB}). Formatting is not a
 * difference; content is.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * Deep equality of two JSON values.
     * <ul>
     * <li>Objects are equal when they have the same keys with equal values; key order does not count.</li>
     * <li>Arrays are equal when they have equal elements in the same order.</li>
     * <li>Numbers are equal when {@code JSON.parse} reads them as the same double: {@code 20}, {@code 20.0} and
     * {@code 2e1} are equal, {@code -0} equals {@code 0}, and two integers beyond 2^53 that round to the same double
     * are equal. A number is never equal to a string or to {@code null}.</li>
     * <li>Strings, booleans and {@code null} are equal to the same value of the same type only.</li>
     * </ul>
     * Java {@code null} stands for no value: it equals only itself.
     */
    public static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() || b.isNumber()) {
            return a.isNumber() && b.isNumber() && javaScriptValue(a) == javaScriptValue(b);
        }
        if (a.isObject()) {
            return b.isObject() && sameObject(a, b);
        }
        if (a.isArray()) {
            return b.isArray() && sameArray(a, b);
        }
        if (a.isString()) {
            return b.isString() && a.stringValue().equals(b.stringValue());
        }
        if (a.isBoolean()) {
            return b.isBoolean() && a.booleanValue() == b.booleanValue();
        }
        if (a.isNull()) {
            return b.isNull();
        }
        return a.equals(b);
    }

    private static boolean sameObject(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> property : a.properties()) {
            if (!sameValue(property.getValue(), b.get(property.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameArray(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<JsonNode> left = a.values().iterator();
        Iterator<JsonNode> right = b.values().iterator();
        while (left.hasNext()) {
            if (!sameValue(left.next(), right.next())) {
                return false;
            }
        }
        return true;
    }

    /** The double JSON.parse reads: correctly rounded from the digits, without any intermediate rounding. */
    private static double javaScriptValue(JsonNode number) {
        if (number.isDouble() || number.isFloat()) {
            return number.doubleValue();
        }
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().doubleValue();
        }
        return number.decimalValue().doubleValue();
    }
}
