package io.nanoclaw.admin.sessions;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import io.nanoclaw.admin.change.ChangePlan;
import io.nanoclaw.admin.change.DbChange;
import io.nanoclaw.admin.change.DbChange.Table;
import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.change.EditRunner;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.groups.AgentGroup;

/**
 * Sessions' provider overrides ({@code sessions.agent_provider}). In both eras the host reads them and the runner
 * never does, so an override is a DB change only.
 */
@Service
public class SessionOverrideService {

    private final EditTargets targets;
    private final EditRunner runner;
    private final SessionService sessions;

    SessionOverrideService(EditTargets targets, EditRunner runner, SessionService sessions) {
        this.targets = targets;
        this.runner = runner;
        this.sessions = sessions;
    }

    /** One session's override; null or blank clears it. */
    public EditResult setSessionOverride(String sessionId, String requested, boolean dryRun, String reason) {
        Session session = targets.session(sessionId);
        String provider = targets.provider("agentProvider", requested);
        AgentGroup group = targets.group(session.agentGroupId());
        ChangePlan plan = new ChangePlan(provider == null ? "CLEAR_SESSION_OVERRIDE" : "SET_SESSION_OVERRIDE",
                group.id(), group.folder(), session.id(),
                provider == null ? "Clear the provider override of session " + session.id()
                        : "Override the provider of session " + session.id() + " with " + provider,
                List.of(new DbChange(Table.SESSIONS, session.id(), "agent_provider", session.agentProvider(), provider)),
                List.of(),
                List.of("The host reads the override at the session's next spawn; the runner never reads it: it runs"
                        + " what container.json says."));
        return runner.run(plan, dryRun, reason);
    }

    /** Clears every override of a group's sessions. */
    public EditResult clearOverrides(String groupId, boolean dryRun, String reason) {
        AgentGroup group = targets.group(groupId);
        List<DbChange> changes = new ArrayList<>();
        int page = 0;
        while (true) {
            var overriding = sessions.list(SessionFilter.ofGroupWithOverrides(groupId), PageRequest.of(page++, 200));
            overriding.forEach(s -> changes.add(new DbChange(Table.SESSIONS, s.id(), "agent_provider", s.agentProvider(), null)));
            if (!overriding.hasNext()) {
                break;
            }
        }
        ChangePlan plan = new ChangePlan("CLEAR_GROUP_OVERRIDES", group.id(), group.folder(), null,
                "Clear the provider overrides of " + changes.size() + " session(s) of " + group.folder(), changes,
                List.of(), List.of("Each session resolves like a new session of the group at its next spawn."));
        return runner.run(plan, dryRun, reason);
    }
}
