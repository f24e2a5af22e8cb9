package io.nanoclaw.admin.drift;

import java.util.Comparator;

/** Worst first: severity, then kind (catalogue order), then folder and session, so reports are stable. */
final class FindingOrder {

    static final Comparator<Finding> WORST_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::kind)
            .thenComparing(Finding::folder, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::groupId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::sessionId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::message);

    private FindingOrder() {
    }
}
