package io.nanoclaw.admin.groups;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The groups list: rows with their session counts, filtered, sorted and paged in SQL. */
public interface GroupRowQueries {

    Page<GroupRow> findRows(GroupFilter filter, Pageable pageable);

    GroupRow findRow(String id);

    /** Every group with its counts, in one pass over each table (for the in-memory list model). */
    java.util.List<GroupRow> findAllRows();

    /** The ids of the groups whose provider in force (the era's source column) is {@code provider}; see GroupFilter. */
    java.util.Set<String> findIdsByProvider(String provider);
}
