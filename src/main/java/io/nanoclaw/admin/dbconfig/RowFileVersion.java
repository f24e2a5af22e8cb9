package io.nanoclaw.admin.dbconfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nanoclaw.admin.containerconfig.FileVersion;

/**
 * The version of a DB-era group's editable config: its {@code container_configs} row and its container.json together,
 * as the editor's {@code ETag} and {@code If-Match} carry it. The value is {@code <row>-<file>}: the SHA-256 of the
 * row's columns in the table's order ({@link #NO_ROW} for a group without a row), and the file's version (the
 * SHA-256 of its bytes, or {@code absent}). Either half changing makes an edit based on the old value stale; keeping
 * them apart tells which one changed, and lets the row half find the row that was read in our history.
 */
public record RowFileVersion(String row, String file) {

    public static final String NO_ROW = "none";

    private static final Pattern VALUE = Pattern.compile("([0-9a-f]{64}|" + NO_ROW + ")-([0-9a-f]{64}|absent)");

    public static RowFileVersion of(ContainerConfigRow row, FileVersion file) {
        return new RowFileVersion(row == null ? NO_ROW : rowHash(row), file.value());
    }

    /** The value a client sends back; e.g. {@code 3f…a1-9c…07}. */
    public String value() {
        return row + "-" + file;
    }

    public String etag() {
        return "\"" + value() + "\"";
    }

    /** The two halves of a value a client sent; empty when it is not a value of this form (a file era ETag, junk). */
    public static Optional<RowFileVersion> parse(String value) {
        Matcher matcher = VALUE.matcher(value == null ? "" : value.strip());
        return matcher.matches() ? Optional.of(new RowFileVersion(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /**
     * The SHA-256 of the row's columns, {@code agent_group_id} aside, in the table's order, each with its SQLite type
     * (text {@code '20'} and integer {@code 20} differ), so that any change to a column changes it.
     */
    public static String rowHash(ContainerConfigRow row) {
        StringBuilder canonical = new StringBuilder(256);
        for (Map.Entry<String, Object> column : row.columns().entrySet()) {
            canonical.append(column.getKey()).append('=').append(typed(column.getValue())).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String typed(Object value) {
        if (value == null) {
            return "N";
        }
        if (value instanceof String text) {
            return "T" + text.length() + ":" + text;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return "I" + value;
        }
        if (value instanceof Double || value instanceof Float) {
            return "R" + ((Number) value).doubleValue();
        }
        if (value instanceof byte[] bytes) {
            return "B" + HexFormat.of().formatHex(bytes);
        }
        return "O" + value.getClass().getSimpleName() + ":" + value;
    }
}
