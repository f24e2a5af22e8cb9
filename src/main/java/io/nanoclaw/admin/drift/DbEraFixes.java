package io.nanoclaw.admin.drift;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nanoclaw.admin.change.ChangePlan;
import io.nanoclaw.admin.change.DbChange;
import io.nanoclaw.admin.change.DbChange.Table;
import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.dbconfig.Backfill;
import io.nanoclaw.admin.dbconfig.BackfillResult;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.ContainerConfigRowValidator;
import io.nanoclaw.admin.dbconfig.DocumentToRow;
import io.nanoclaw.admin.dbconfig.NanoclawTime;
import io.nanoclaw.admin.dbconfig.RowPlans;
import io.nanoclaw.admin.dbconfig.RowPlans.RowPlan;
import io.nanoclaw.admin.drift.FixService.FixRequest;
import io.nanoclaw.admin.drift.FixService.Source;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.providers.ProviderChain;
import io.nanoclaw.admin.sessions.Session;
import io.nanoclaw.admin.change.ConfigPlace;
import io.nanoclaw.admin.change.DbEraConfigPlace;
import io.nanoclaw.admin.change.FileEraConfigPlace;
import io.nanoclaw.admin.change.EditRefusedException;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.web.InvalidInputException;

/**
 * The DB-config era's fixes ({@code drift-kinds.md}, "Fix codes of the DB era"): every one writes the
 * {@code container_configs} row (or {@code agent_groups} / {@code sessions}) and container.json as the host would
 * write it from the row, in one unit; the file era's fixes are refused.
 */
public class DbEraFixes implements Fixes {

    private final EditTargets targets;
    private final RowPlans rows;
    private final ConfigPlace place;
    private final java.time.Clock clock;

    public DbEraFixes(EditTargets targets, RowPlans rows, ConfigPlace place, java.time.Clock clock) {
        this.targets = targets;
        this.rows = rows;
        this.place = place;
        this.clock = clock;
    }

    @Override
    public Set<FindingKind> defaultAlignKinds() {
        return Set.of(FindingKind.CONFIG_FILE_DIVERGES_FROM_DB);
    }

    @Override
    public Fix alignFix(Source source) {
        return source == Source.DB ? Fix.MATERIALIZE_FROM_DB : Fix.IMPORT_FILE_INTO_DB;
    }

    @Override
    public ChangePlan plan(AgentGroup group, FixRequest request) {
        String action = "FIX:" + request.fix();
        RowPlans.Group target = DbEraConfigPlace.target(group);
        return switch (request.fix()) {
            case MATERIALIZE_FROM_DB, RECREATE_GROUP_FOLDER -> plan(action, group, null,
                    "Write container.json exactly as the host writes it from the row (the replaced bytes stay in"
                            + " the history)", List.of(), new RowPlan(List.of(), List.of(),
                            rows.materialize(target, rows.current(target)), null));
            case IMPORT_FILE_INTO_DB -> importFile(action, group, target);
            case CLEAR_LEGACY_PROVIDER -> plan(action, group, null,
                    "Clear agent_groups.agent_provider, which nothing reads in this era", List.of(
                            new DbChange(Table.AGENT_GROUPS, group.id(), "agent_provider", group.agentProvider(), null)),
                    null);
            case CREATE_CONFIG_ROW -> createRow(action, group, target);
            case NORMALIZE_ASSISTANT_NAME -> {
                ContainerConfigRow row = rows.current(target);
                if (!"".equals(row.assistantName())) {
                    throw new EditRefusedException("assistant_name of " + group.folder() + " is not '': nothing to"
                            + " normalise.");
                }
                yield plan(action, group, null, "Store NULL for the empty assistant_name, so the assistant is called "
                        + group.name(), List.of(), rows.change(target, row, column("assistant_name", null)));
            }
            case NORMALIZE_PROVIDER -> request.sessionId() != null ? normalizeOverride(action, group, request)
                    : plan(action, group, null, "Lower-case the row's provider of " + group.folder()
                            + " ('' becomes NULL)", place.normalizeProvider(group));
            case CLEAR_SESSION_OVERRIDE -> {
                Session session = sessionOf(group, request);
                yield plan(action, group, session.id(), "Clear the provider override of session " + session.id(),
                        List.of(new DbChange(Table.SESSIONS, session.id(), "agent_provider", session.agentProvider(),
                                null)), null);
            }
            case PROMOTE_SESSION_OVERRIDE -> {
                Session session = sessionOf(group, request);
                if (!ProviderChain.isSet(session.agentProvider())) {
                    throw new EditRefusedException("Session " + session.id() + " has no override to promote.");
                }
                String provider = targets.provider("sessionId", session.agentProvider());
                yield plan(action, group, session.id(), "Make " + provider + " the provider of " + group.folder()
                                + "'s row (container.json written from it) and clear the override of session "
                                + session.id(),
                        place.provider(group, provider).and(List.of(new DbChange(Table.SESSIONS, session.id(),
                                "agent_provider", session.agentProvider(), null))));
            }
            case ALIGN_FROM_DB, ALIGN_FROM_FILE, CREATE_CONFIG_FILE, REFRESH_IDENTITY, RESTORE_CONFIG_VERSION,
                    RESET_CONFIG_FILE -> throw new EditRefusedException(request.fix() + " is a fix of the file era;"
                            + " on this DB-config era install the container_configs row is the source and the host"
                            + " rewrites container.json from it. Use MATERIALIZE_FROM_DB or IMPORT_FILE_INTO_DB.");
        };
    }

    private ChangePlan importFile(String action, AgentGroup group, RowPlans.Group target) {
        ContainerConfigFile file = targets.file(group);
        if (file.state() != ConfigFileState.OK) {
            throw new EditRefusedException("container.json of " + group.folder() + " is " + file.state()
                    + ": there is nothing to import from it. MATERIALIZE_FROM_DB writes it from the row.");
        }
        DocumentToRow.Result imported = DocumentToRow.of(file.document(), group.name());
        if (!imported.problems().isEmpty()) {
            throw new EditRefusedException("container.json of " + group.folder() + " cannot be stored in the row: "
                    + String.join("; ", imported.problems()) + ". Nothing was changed.");
        }
        ContainerConfigRow current = rows.current(target);
        requireValid(current.with(imported.columns()), group, "the file's values");
        String lost = imported.unheld().isEmpty() ? ""
                : "; not imported (the row cannot hold them, so the file loses them): " + String.join(", ", imported.unheld());
        return plan(action, group, null, "Make the row say what container.json says, then write the file from the row"
                + lost, List.of(), rows.change(target, current, imported.columns()));
    }

    private ChangePlan createRow(String action, AgentGroup group, RowPlans.Group target) {
        if (rows.exists(group.id())) {
            throw new EditRefusedException(group.folder() + " already has a container_configs row.");
        }
        BackfillResult backfill = Backfill.of(group.id(), group.agentProvider(), targets.file(group),
                NanoclawTime.now(clock));
        if (backfill.fails()) {
            throw new EditRefusedException("The back-fill could not store this group's row: " + backfill.failure()
                    + " Fix container.json first; nothing was changed.");
        }
        requireValid(backfill.row(), group, "the back-fill's values");
        return plan(action, group, null, "Insert the row the host's back-fill would insert"
                + (backfill.droppedKeys().isEmpty() ? "" : " (not kept: " + String.join(", ", backfill.droppedKeys()) + ")")
                + ", then write container.json from it", List.of(), rows.insert(target, backfill.row()));
    }

    private ChangePlan normalizeOverride(String action, AgentGroup group, FixRequest request) {
        Session session = sessionOf(group, request);
        return plan(action, group, session.id(), "Normalise the override of session " + session.id(),
                List.of(new DbChange(Table.SESSIONS, session.id(), "agent_provider", session.agentProvider(),
                        FileEraConfigPlace.normalized(session.agentProvider()))), null);
    }

    private static void requireValid(ContainerConfigRow row, AgentGroup group, String what) {
        var problems = ContainerConfigRowValidator.check(row);
        if (!problems.isEmpty()) {
            throw new EditRefusedException("The row of " + group.folder() + " would be invalid with " + what + ": "
                    + String.join("; ", problems.stream().map(p -> p.message()).toList()) + ". Nothing was changed.");
        }
    }

    private Session sessionOf(AgentGroup group, FixRequest request) {
        if (request.sessionId() == null) {
            throw InvalidInputException.field("sessionId", request.fix() + " needs a sessionId");
        }
        Session session = targets.session(request.sessionId());
        if (!session.agentGroupId().equals(group.id())) {
            throw InvalidInputException.field("sessionId", "session " + session.id() + " belongs to another group");
        }
        return session;
    }

    private static Map<String, Object> column(String name, Object value) {
        return Collections.singletonMap(name, value);
    }

    private ChangePlan plan(String action, AgentGroup group, String sessionId, String summary, List<DbChange> db,
            RowPlan row) {
        List<DbChange> changes = row == null ? db : java.util.stream.Stream.concat(db.stream(), row.changes().stream()).toList();
        return new ChangePlan(action, group.id(), group.folder(), sessionId, summary,
                row == null ? List.of() : row.inserts(), changes, row == null ? List.of() : row.files(),
                place.whenItTakesEffect());
    }

    private ChangePlan plan(String action, AgentGroup group, String sessionId, String summary,
            ConfigPlace.Changes changes) {
        return new ChangePlan(action, group.id(), group.folder(), sessionId, summary, changes.inserts(), changes.db(),
                changes.files(), place.whenItTakesEffect());
    }
}
