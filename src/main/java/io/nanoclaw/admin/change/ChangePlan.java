package io.nanoclaw.admin.change;

import java.util.List;

/**
 * Exactly what a change will do: the DB changes and the file changes, computed before anything is written. A dry
 * run returns the plan; applying it performs exactly this, or nothing.
 *
 * @param action what the change is, for the audit ({@code SET_GROUP_PROVIDER}, {@code FIX:ALIGN_FROM_DB}, …)
 * @param summary a sentence for a person
 * @param dbInserts rows the change creates (the DB-config era's {@code container_configs} row), before the updates
 * @param nextSteps what happens next in NanoClaw (e.g. "applies at the next container spawn")
 */
public record ChangePlan(String action, String groupId, String folder, String sessionId, String summary,
        List<DbInsert> dbInserts, List<DbChange> dbChanges, List<FileChange> fileChanges, List<String> nextSteps) {

    public ChangePlan {
        dbInserts = List.copyOf(dbInserts);
        dbChanges = dbChanges.stream().filter(DbChange::changesSomething).toList();
        fileChanges = fileChanges.stream().filter(FileChange::changesSomething).toList();
        nextSteps = List.copyOf(nextSteps);
    }

    /** A change that inserts no row. */
    public ChangePlan(String action, String groupId, String folder, String sessionId, String summary,
            List<DbChange> dbChanges, List<FileChange> fileChanges, List<String> nextSteps) {
        this(action, groupId, folder, sessionId, summary, List.of(), dbChanges, fileChanges, nextSteps);
    }

    public boolean isEmpty() {
        return dbInserts.isEmpty() && dbChanges.isEmpty() && fileChanges.isEmpty();
    }

    public String dbChangesText() {
        return String.join("\n", java.util.stream.Stream.concat(dbInserts.stream().map(DbInsert::describe),
                dbChanges.stream().map(DbChange::describe)).toList());
    }

    public String fileDiffText() {
        return String.join("", fileChanges.stream().map(FileChange::diff).toList());
    }

    /** What the audit trail keeps of the DB changes: MCP env values masked (VIEWERs read it; it is kept in clear). */
    public String auditDbChangesText() {
        return String.join("\n", java.util.stream.Stream.concat(dbInserts.stream().map(DbInsert::describeMasked),
                dbChanges.stream().map(DbChange::describeMasked)).toList());
    }

    /** What the audit trail keeps of the file changes: MCP env values masked. */
    public String auditFileDiffText() {
        return String.join("", fileChanges.stream().map(FileChange::maskedDiff).toList());
    }
}
