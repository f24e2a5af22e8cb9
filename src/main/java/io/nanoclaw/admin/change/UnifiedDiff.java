package io.nanoclaw.admin.change;

import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/** A unified diff (three lines of context) as {@code diff -u} and code review tools show it. */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    /** The diff from {@code before} (null = no file) to {@code after} (null = removed); empty when equal. */
    public static String of(String path, String before, String after) {
        List<String> from = lines(before);
        List<String> to = lines(after);
        Patch<String> patch = DiffUtils.diff(from, to);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : "a/" + path,
                after == null ? "/dev/null" : "b/" + path, from, patch, 3);
        return String.join("\n", diff) + "\n";
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : text.lines().toList();
    }
}
