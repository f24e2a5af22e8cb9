package io.nanoclaw.admin.change;

import java.nio.charset.StandardCharsets;

import io.nanoclaw.admin.containerconfig.FileVersion;
import io.nanoclaw.admin.containerconfig.SecretMasking;

/**
 * A new content for one group's container.json, based on the version that was read.
 *
 * @param before the text read (null = no file)
 * @param after the text to write
 * @param diff the unified diff from {@code before} to {@code after}
 */
public record FileChange(String folder, FileVersion basedOn, String before, String after, String diff) {

    public static FileChange of(String folder, FileVersion basedOn, String before, String after) {
        return new FileChange(folder, basedOn, before, after, UnifiedDiff.of("groups/" + folder + "/container.json",
                before, after));
    }

    /**
     * The diff as the audit trail keeps it: MCP server {@code env} values masked, since VIEWERs read the trail and it
     * is kept in clear.
     */
    public String maskedDiff() {
        SecretMasking.Masked from = SecretMasking.of(before);
        SecretMasking.Masked to = SecretMasking.of(after);
        if (!from.masked() && !to.masked()) {
            return diff;
        }
        String masked = UnifiedDiff.of("groups/" + folder + "/container.json", from.text(), to.text());
        return masked.isEmpty() ? "groups/" + folder + "/container.json: MCP env values changed (masked)\n" : masked;
    }

    public boolean changesSomething() {
        return before == null || !before.equals(after);
    }

    public byte[] afterBytes() {
        return after.getBytes(StandardCharsets.UTF_8);
    }
}
