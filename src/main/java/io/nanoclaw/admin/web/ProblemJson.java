package io.nanoclaw.admin.web;

/** A problem detail written by hand, where no message converter runs (a filter, Tomcat's own error report). */
final class ProblemJson {

    private ProblemJson() {
    }

    static String of(ProblemType type, String detail) {
        return of(type.uri().toString(), type.status().getReasonPhrase(), type.status().value(), detail);
    }

    static String of(String type, String title, int status, String detail) {
        return "{\"type\":" + quote(type) + ",\"title\":" + quote(title) + ",\"status\":" + status + ",\"detail\":"
                + quote(detail) + "}";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
