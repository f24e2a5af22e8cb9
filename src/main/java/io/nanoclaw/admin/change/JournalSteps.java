package io.nanoclaw.admin.change;

import java.util.List;

/**
 * What a change will do, journaled before its first write: how to tell afterwards whether its DB transaction
 * committed (the probes), and each file and folder it touches with the bytes they held before.
 */
public record JournalSteps(List<Probe> probes, List<FileStep> files, List<MoveStep> moves) {

    /** How a row reads once the commit happened. */
    public enum ProbeKind {
        /** {@code column} holds {@code after} (it held {@code before}). */
        VALUE,
        /** The row exists (it did not). */
        INSERTED,
        /** The row is gone (it existed). */
        DELETED
    }

    /** One row of NanoClaw's DB that the change's transaction changes. */
    public record Probe(ProbeKind kind, String table, String key, String rowId, String column, String before,
            String after) {
    }

    /**
     * One container.json: its text before (null = no file) and after (null = removed), and whether the change creates
     * its folder.
     */
    public record FileStep(String path, String before, String after, boolean createsFolder) {
    }

    /** A folder the change moves (a deleted group's folder into the archive), inside the DB transaction. */
    public record MoveStep(String from, String to) {
    }
}
