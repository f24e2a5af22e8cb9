package io.nanoclaw.admin.dbconfig;

import java.util.List;

/**
 * What NanoClaw's back-fill would do for one group that has no {@code container_configs} row: the row it inserts, or
 * why it throws and so stops the host's start. Computed by {@link Backfill}; nothing is written.
 *
 * @param row the row it would insert; null when it would throw
 * @param failure why the host's start fails, naming the key and value; null when the back-fill works
 * @param fileContentLost the file exists but the back-fill cannot use it (malformed, unreadable, a JSON array, string,
 *        number or boolean): the row gets defaults and what the file held is lost for good
 * @param droppedKeys the file's keys the back-fill does not copy, in file order: top-level keys without a column
 *        ({@code model} and {@code effort} included), {@code packages.<key>} for keys of {@code packages} other than
 *        {@code apt}/{@code npm}, {@code packages} itself when it is not an object
 */
public record BackfillResult(ContainerConfigRow row, String failure, boolean fileContentLost,
        List<String> droppedKeys) {

    public BackfillResult {
        droppedKeys = List.copyOf(droppedKeys);
    }

    /** The provider the row would hold, as written (null: no provider, or the back-fill fails). */
    public String provider() {
        return row == null ? null : row.provider();
    }

    /** Whether the back-fill throws for this group, which stops the whole host's start. */
    public boolean fails() {
        return failure != null;
    }
}
