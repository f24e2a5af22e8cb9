package io.nanoclaw.admin.drift;

import java.util.Set;

/**
 * A finding's identity across scans: the same disagreement found again is the same finding (so it keeps its first-seen
 * time), whatever its message says now. Kinds a group can carry several times also name the value concerned.
 */
public record FindingKey(FindingKind kind, String groupId, String folder, String sessionId, String detail) {

    private static final Set<FindingKind> PER_VALUE = Set.of(FindingKind.MOUNT_NOT_ALLOWED,
            FindingKind.CONFIG_FIELD_INVALID, FindingKind.CONFIG_ROW_INVALID);

    public static FindingKey of(Finding finding) {
        String detail = PER_VALUE.contains(finding.kind())
                ? String.valueOf(finding.dbValue()) + "|" + String.valueOf(finding.fileValue()) : "";
        return new FindingKey(finding.kind(), finding.groupId(), finding.folder(), finding.sessionId(), detail);
    }

    /** As one line for the admin store: {@code KIND|groupId|folder|sessionId|detail}. */
    public String text() {
        return kind + "|" + nullToEmpty(groupId) + "|" + nullToEmpty(folder) + "|" + nullToEmpty(sessionId) + "|"
                + detail;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
