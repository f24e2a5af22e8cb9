package io.nanoclaw.admin.groups;

/**
 * What the groups list is narrowed to.
 *
 * @param text part of the name or folder, case-insensitive; null for all
 * @param provider the DB provider exactly; {@link #UNSET} for groups with none; null for all
 */
public record GroupFilter(String text, String provider) {

    public static final String UNSET = "(unset)";

    public static GroupFilter none() {
        return new GroupFilter(null, null);
    }

    public GroupFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        provider = provider == null || provider.isEmpty() ? null : provider;
    }
}
