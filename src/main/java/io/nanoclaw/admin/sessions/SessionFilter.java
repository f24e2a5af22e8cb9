package io.nanoclaw.admin.sessions;

import java.util.Set;

/**
 * What the sessions list is narrowed to; a null member does not filter.
 *
 * @param status {@code active} or {@code closed}
 * @param hasOverride true: sessions with a provider override; false: sessions without one
 * @param ids only these sessions; null for all
 * @param groupIds only sessions of these groups; null for all
 */
public record SessionFilter(String groupId, String status, Boolean hasOverride, Set<String> ids, Set<String> groupIds) {

    public SessionFilter(String groupId, String status, Boolean hasOverride) {
        this(groupId, status, hasOverride, null, null);
    }

    public static SessionFilter none() {
        return new SessionFilter(null, null, null);
    }

    public static SessionFilter ofGroup(String groupId) {
        return new SessionFilter(groupId, null, null);
    }

    public static SessionFilter ofGroupWithOverrides(String groupId) {
        return new SessionFilter(groupId, null, true);
    }

    public SessionFilter {
        groupId = groupId == null || groupId.isBlank() ? null : groupId;
        status = status == null || status.isBlank() ? null : status;
        ids = ids == null ? null : Set.copyOf(ids);
        groupIds = groupIds == null ? null : Set.copyOf(groupIds);
    }
}
