package io.nanoclaw.admin.groups;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The groups list: rows with their session counts, filtered, sorted and paged in SQL. */
public interface GroupRowQueries {

    Page<GroupRow> findRows(GroupFilter filter, Pageable pageable);

    GroupRow findRow(String id);
}
