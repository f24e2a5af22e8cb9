package io.nanoclaw.admin.install;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A group's folder name under {@code groups/}, valid by NanoClaw's own rules ({@code src/group-folder.ts}): non-empty,
 * no surrounding whitespace, {@code ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$}, no separators or {@code ..}, and not the
 * reserved {@code global} folder in any case.
 */
public record GroupFolder(String name) {

    public static final String RESERVED_GLOBAL = "global";
    private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");

    public GroupFolder {
        String problem = problemWith(name);
        if (problem != null) {
            throw new InvalidFolderException(name, problem);
        }
    }

    /** Why a name is not a valid group folder, or null when it is. */
    public static String problemWith(String name) {
        if (name == null || name.isEmpty()) {
            return "the folder name is empty";
        }
        if (!name.equals(name.strip())) {
            return "the folder name has surrounding whitespace";
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..")) {
            return "the folder name contains a path separator or '..'";
        }
        if (!VALID.matcher(name).matches()) {
            return "the folder name must start with a letter or digit and hold at most 64 letters, digits, '_' or '-'";
        }
        if (name.toLowerCase(Locale.ROOT).equals(RESERVED_GLOBAL)) {
            return "'global' is NanoClaw's reserved shared folder";
        }
        return null;
    }

    public static boolean isValid(String name) {
        return problemWith(name) == null;
    }

    @Override
    public String toString() {
        return name;
    }
}
