package io.nanoclaw.admin.change;

import java.util.List;

import io.nanoclaw.admin.groups.AgentGroup;

/**
 * Where a group's configuration lives in the install's era, and so what a change to it must write: the seam between
 * the eras for every change. The file era ({@link FileEraConfigPlace}) writes {@code agent_groups.agent_provider} and
 * container.json; the DB-config era ({@link DbEraConfigPlace}) writes the {@code container_configs} row and
 * container.json exactly as the host would materialise it from the row.
 */
public interface ConfigPlace {

    /** The changes that make {@code provider} (lower-cased, registered; null = unset) the group's provider in force. */
    public Changes provider(AgentGroup group, String provider);

    /** The changes that lower-case the group's provider in force and store NULL for {@code ''}. */
    public Changes normalizeProvider(AgentGroup group);

    /** Where a provider change writes, for a person: "in the DB and in container.json". */
    public String where();

    /**
     * What a new group's config needs besides its {@code agent_groups} row: the file era writes NanoClaw's default
     * container.json unless one exists (an orphan folder adopted as it is); the DB era inserts the group's row as the
     * host's back-fill would (from an adopted folder's file, else NanoClaw's defaults) and writes container.json from it.
     */
    public Changes newGroup(AgentGroup group, String provider);

    /** What renaming a group changes in its config: the file's identity fields, as the host would write them. */
    public Changes rename(AgentGroup renamed);

    /** Deletes what the group's config keeps besides its folder, in the caller's transaction (the DB era: its row). */
    public void deleteWithGroup(org.springframework.jdbc.core.JdbcTemplate jdbc, String groupId);

    /** The group's provider in force, as stored (the file era: the DB column; the DB era: the row's). */
    public String provider(AgentGroup group);

    /** When a change takes effect in NanoClaw, for the answer's next steps. */
    public List<String> whenItTakesEffect();

    /** What a change writes: rows inserted, columns changed, files written. */
    public record Changes(List<DbInsert> inserts, List<DbChange> db, List<FileChange> files) {

        public static Changes of(List<DbChange> db, List<FileChange> files) {
            return new Changes(List.of(), db, files);
        }

        /** These changes and {@code more} DB changes (a session's override cleared in the same unit). */
        public Changes and(List<DbChange> more) {
            return new Changes(inserts, java.util.stream.Stream.concat(db.stream(), more.stream()).toList(), files);
        }
    }
}
