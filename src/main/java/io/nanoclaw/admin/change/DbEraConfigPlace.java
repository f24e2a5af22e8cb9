package io.nanoclaw.admin.change;

import java.time.Clock;
import java.util.List;

import io.nanoclaw.admin.dbconfig.Backfill;
import io.nanoclaw.admin.dbconfig.BackfillResult;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.NanoclawTime;
import io.nanoclaw.admin.dbconfig.RowPlans;
import io.nanoclaw.admin.dbconfig.RowPlans.RowPlan;
import io.nanoclaw.admin.groups.AgentGroup;

/**
 * The DB-config era: the provider is {@code container_configs.provider}; a change writes the row (and
 * {@code updated_at}) and container.json exactly as the host would write it from the new row, in one unit.
 * {@code agent_groups.agent_provider} is left alone (CLEAR_LEGACY_PROVIDER clears it on request).
 */
public class DbEraConfigPlace implements ConfigPlace {

    public static final List<String> WHEN = List.of(
            "The next spawn of any session of this group runs the new configuration: NanoClaw reads the row at every"
                    + " spawn, and container.json already says what that spawn will write.",
            "Running containers keep the configuration they started with until they stop (restart the group's"
                    + " containers to apply it now).");

    private final RowPlans rows;
    private final EditTargets targets;
    private final Clock clock;

    public DbEraConfigPlace(RowPlans rows, EditTargets targets, Clock clock) {
        this.rows = rows;
        this.targets = targets;
        this.clock = clock;
    }

    @Override
    public Changes newGroup(AgentGroup group, String provider) {
        // What the host's back-fill would store for this folder (its file, if an orphan is adopted), with the provider
        // asked for: the same row a host start would create, so nothing changes when the host next starts.
        BackfillResult backfill = Backfill.of(group.id(), provider, targets.file(group), NanoclawTime.now(clock));
        if (backfill.fails()) {
            throw new EditRefusedException("groups/" + group.folder() + "/container.json cannot become the new group's"
                    + " row: " + backfill.failure() + " Fix the file first; nothing was changed.");
        }
        return changes(rows.insert(target(group), backfill.row()));
    }

    @Override
    public Changes rename(AgentGroup renamed) {
        // The row is unchanged; the file's groupName (and assistantName, when the row leaves it NULL) follow the group.
        RowPlans.Group target = target(renamed);
        var state = targets.file(renamed).state();
        if (!rows.exists(renamed.id()) || state == io.nanoclaw.admin.containerconfig.ConfigFileState.FOLDER_MISSING
                || state == io.nanoclaw.admin.containerconfig.ConfigFileState.FOLDER_INVALID) {
            return Changes.of(List.of(), List.of());
        }
        return Changes.of(List.of(), rows.materialize(target, rows.current(target)));
    }

    @Override
    public Changes provider(AgentGroup group, String provider) {
        RowPlans.Group target = target(group);
        return changes(rows.change(target, rows.current(target), java.util.Collections.singletonMap("provider", provider)));
    }

    @Override
    public Changes normalizeProvider(AgentGroup group) {
        RowPlans.Group target = target(group);
        ContainerConfigRow row = rows.current(target);
        return changes(rows.change(target, row,
                java.util.Collections.singletonMap("provider", FileEraConfigPlace.normalized(row.provider()))));
    }

    /** Explicitly, not by the cascade: that acts only on connections with foreign keys on. */
    @Override
    public void deleteWithGroup(org.springframework.jdbc.core.JdbcTemplate jdbc, String groupId) {
        jdbc.update("DELETE FROM container_configs WHERE agent_group_id = ?", groupId);
    }

    @Override
    public String where() {
        return "in its container_configs row (container.json written from it as the host would)";
    }

    @Override
    public String provider(AgentGroup group) {
        return rows.current(target(group)).provider();
    }

    @Override
    public List<String> whenItTakesEffect() {
        return WHEN;
    }

    public static RowPlans.Group target(AgentGroup group) {
        return new RowPlans.Group(group.id(), group.name(), group.folder());
    }

    public static Changes changes(RowPlan plan) {
        return new Changes(plan.inserts(), plan.changes(), plan.files());
    }
}
