package io.nanoclaw.admin.groups;

import java.util.Set;

/**
 * What the groups list is narrowed to.
 *
 * @param text part of the name or folder, case-insensitive; null for all
 * @param provider the DB provider exactly; {@link #UNSET} for groups with none; null for all
 * @param ids only these groups (e.g. those a drift scan found in some state); null for all
 */
public record GroupFilter(String text, String provider, Set<String> ids) {

    public static final String UNSET = "(unset)";

    public GroupFilter(String text, String provider) {
        this(text, provider, null);
    }

    public static GroupFilter none() {
        return new GroupFilter(null, null, null);
    }

    public GroupFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        provider = provider == null || provider.isEmpty() ? null : provider;
        ids = ids == null ? null : Set.copyOf(ids);
    }
}
