package io.nanoclaw.admin.dbconfig;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * What SQLite stores when NanoClaw's better-sqlite3 binds a JavaScript value to a column: every JS number is bound as
 * a REAL, then the column's affinity converts it. TEXT affinity renders a REAL as SQLite does (5 is stored as
 * {@code '5.0'}); INTEGER affinity turns a REAL with an integer value, or text that reads as a number, into
 * an INTEGER.
 */
final class SqliteStorage {

    private static final int PRECISION = 17;
    /** What sqlite3AtoF accepts as a whole number once the surrounding white space is gone. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    private SqliteStorage() {
    }

    /**
     * A REAL as SQLite renders it for a TEXT column ({@code %!.17g}): 17 significant digits unless fewer read back as
     * the same double (see {@link #significant}); always a decimal point; the exponent form from 1e17 and below 1e-4.
     * Older SQLite builds rendered only 15 digits ({@code %!.15g}) and used the exponent form from 1e15, so a value
     * that needs 16 or more digits, or is that large, may be stored differently by a host on an older SQLite.
     */
    static String realAsText(double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        if (value == 0) {
            return "0.0";
        }
        BigDecimal rounded = significant(value).stripTrailingZeros();
        String sign = rounded.signum() < 0 ? "-" : "";
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        if (exponent < -4 || exponent >= PRECISION) {
            String mantissa = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
            int magnitude = Math.abs(exponent);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        String whole = digits.length() > exponent + 1 ? digits.substring(0, exponent + 1)
                : digits + "0".repeat(exponent + 1 - digits.length());
        String fraction = digits.length() > exponent + 1 ? digits.substring(exponent + 1) : "0";
        return sign + whole + "." + fraction;
    }

    /**
     * The digits SQLite keeps: 17 significant ones, shortened only where the 16th and 17th are a run of 9s or 0s and
     * the shorter number reads back as the same double (49.469999999999999 is 49.47, 0.10000000000000001 is 0.1).
     */
    private static BigDecimal significant(double value) {
        BigDecimal seventeen = new BigDecimal(value).round(new MathContext(PRECISION, RoundingMode.HALF_EVEN));
        String digits = seventeen.unscaledValue().abs().toString();
        digits = digits + "0".repeat(Math.max(0, PRECISION - digits.length()));
        char run = digits.charAt(14);
        if ((run == '9' || run == '0') && digits.charAt(15) == run) {
            int keep = 14;
            while (keep > 0 && digits.charAt(keep - 1) == run) {
                keep--;
            }
            RoundingMode mode = run == '9' ? RoundingMode.UP : RoundingMode.DOWN;
            BigDecimal shorter = keep == 0 ? seventeen.round(new MathContext(1, mode))
                    : seventeen.round(new MathContext(keep, mode));
            if (shorter.doubleValue() == value) {
                return shorter;
            }
        }
        return seventeen;
    }

    /** A REAL stored in an INTEGER column: a {@link Long} when it holds an integer SQLite can keep, else the double. */
    static Object integerAffinity(double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        long whole = (long) value;
        if (value == whole && whole != Long.MIN_VALUE && whole != Long.MAX_VALUE) {
            return whole;
        }
        return value;
    }

    /** Text stored in an INTEGER column: a number when it reads as one ({@code "20"} → 20), else the text. */
    static Object integerAffinity(String text) {
        String number = stripSqliteSpace(text);
        if (!NUMBER.matcher(number).matches()) {
            return text;
        }
        if (WHOLE.matcher(number).matches()) {
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException tooLarge) {
                // beyond 64 bits: SQLite keeps it as a REAL
            }
        }
        return integerAffinity(Double.parseDouble(number));
    }

    private static String stripSqliteSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSqliteSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSqliteSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSqliteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
