package io.nanoclaw.admin.sessions;

/**
 * What the sessions list is narrowed to; a null member does not filter.
 *
 * @param status {@code active} or {@code closed}
 * @param hasOverride true: sessions with a provider override; false: sessions without one
 */
public record SessionFilter(String groupId, String status, Boolean hasOverride) {

    public static SessionFilter none() {
        return new SessionFilter(null, null, null);
    }

    public static SessionFilter ofGroup(String groupId) {
        return new SessionFilter(groupId, null, null);
    }

    public SessionFilter {
        groupId = groupId == null || groupId.isBlank() ? null : groupId;
        status = status == null || status.isBlank() ? null : status;
    }
}
