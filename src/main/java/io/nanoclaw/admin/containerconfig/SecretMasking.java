package io.nanoclaw.admin.containerconfig;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A container.json's text with its MCP server {@code env} values masked, for readers who may not see secrets and for
 * what the service keeps in clear (the audit trail's diffs).
 */
public final class SecretMasking {

    private static final Pattern MAYBE_SECRET = Pattern.compile("\"env\"");
    private static final Pattern STRING_VALUE = Pattern.compile("(:\\s*)\"(?:[^\"\\\\\\n]|\\\\.)*\"?");

    private SecretMasking() {
    }

    /** The text as a masked reader sees it, and whether anything was hidden. */
    public record Masked(String text, boolean masked) {
    }

    /**
     * A file that parses is masked by key (and then shown as NanoClaw would write it); one that does not, yet may hold
     * an {@code env}, has every string value after a colon hidden.
     */
    public static Masked of(String raw) {
        if (raw == null) {
            return new Masked(null, false);
        }
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(raw.getBytes(StandardCharsets.UTF_8));
        if (parsed.document() != null) {
            return of(parsed.document(), raw);
        }
        return hideStrings(raw);
    }

    /** As {@link #of(String)}, for a file already parsed into {@code document} (null when it did not parse). */
    public static Masked of(ContainerConfigDocument document, String raw) {
        if (document == null) {
            return raw == null ? new Masked(null, false) : hideStrings(raw);
        }
        ContainerConfigDocument masked = document.withSecretsMasked();
        return masked.equals(document) ? new Masked(raw, false)
                : new Masked(ContainerConfigFormat.render(masked), true);
    }

    private static Masked hideStrings(String raw) {
        if (!MAYBE_SECRET.matcher(raw).find()) {
            return new Masked(raw, false);
        }
        String hidden = STRING_VALUE.matcher(raw).replaceAll("$1\"" + ContainerConfigDocument.MASK + "\"");
        return new Masked(hidden, !hidden.equals(raw));
    }
}
