package io.nanoclaw.admin.edits;

import java.util.List;

import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.RowPlans;
import io.nanoclaw.admin.dbconfig.RowPlans.RowPlan;
import io.nanoclaw.admin.groups.AgentGroup;

/**
 * The DB-config era: the provider is {@code container_configs.provider}; a change writes the row (and
 * {@code updated_at}) and container.json exactly as the host would write it from the new row, in one unit.
 * {@code agent_groups.agent_provider} is left alone (CLEAR_LEGACY_PROVIDER clears it on request).
 */
class DbEraConfigPlace implements ConfigPlace {

    static final List<String> WHEN = List.of(
            "The next spawn of any session of this group runs the new configuration: NanoClaw reads the row at every"
                    + " spawn, and container.json already says what that spawn will write.",
            "Running containers keep the configuration they started with until they stop (restart the group's"
                    + " containers to apply it now).");

    private final RowPlans rows;

    DbEraConfigPlace(RowPlans rows) {
        this.rows = rows;
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

    static RowPlans.Group target(AgentGroup group) {
        return new RowPlans.Group(group.id(), group.name(), group.folder());
    }

    static Changes changes(RowPlan plan) {
        return new Changes(plan.inserts(), plan.changes(), plan.files());
    }
}
