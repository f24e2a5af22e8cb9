package io.nanoclaw.admin.containerconfig;

/** Why a container.json could not be used, with the 1-based position where the parser stopped (0 when unknown). */
public record ParseError(String message, int line, int column) {

    public static ParseError of(String message) {
        return new ParseError(message, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? message + " (line " + line + ", column " + column + ")" : message;
    }
}
