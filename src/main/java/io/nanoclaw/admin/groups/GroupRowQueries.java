package io.nanoclaw.admin.groups;


/** Group rows with their session counts, read in SQL; {@link GroupModel} filters, sorts and pages them. */
public interface GroupRowQueries {

    GroupRow findRow(String id);

    /** Every group with its counts, in one pass over each table (for the in-memory list model). */
    java.util.List<GroupRow> findAllRows();

}
