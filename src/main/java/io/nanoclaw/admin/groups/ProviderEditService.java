package io.nanoclaw.admin.groups;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import io.nanoclaw.admin.change.ChangePlan;
import io.nanoclaw.admin.sessions.SessionFilter;
import io.nanoclaw.admin.sessions.SessionService;
import io.nanoclaw.admin.change.ConfigPlace;
import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.change.EditRunner;
import io.nanoclaw.admin.change.EditTargets;

/** Sets a group's provider everywhere the install's era keeps it, in one unit. */
@Service
public class ProviderEditService {

    public static final String NEXT_SPAWN = "NanoClaw applies it at the group's next container spawn; running containers keep"
            + " their provider until then.";

    private final EditTargets targets;
    private final EditRunner runner;
    private final SessionService sessions;
    private final ConfigPlace place;

    public ProviderEditService(EditTargets targets, EditRunner runner, SessionService sessions, ConfigPlace place) {
        this.targets = targets;
        this.runner = runner;
        this.sessions = sessions;
        this.place = place;
    }

    /** The group's provider in the DB and in container.json; null or blank clears both (the runner then runs claude). */
    public EditResult setGroupProvider(String groupId, String requested, boolean dryRun, String reason) {
        AgentGroup group = targets.group(groupId);
        String provider = targets.provider("agentProvider", requested);
        ConfigPlace.Changes changes = place.provider(group, provider);
        ChangePlan plan = new ChangePlan("SET_GROUP_PROVIDER", group.id(), group.folder(), null,
                provider == null ? "Clear the provider of " + group.folder() + " " + place.where()
                        : "Set the provider of " + group.folder() + " to " + provider + " " + place.where(),
                changes.inserts(), changes.db(), changes.files(), nextSteps(groupId));
        return runner.run(plan, dryRun, reason);
    }

    private List<String> nextSteps(String groupId) {
        List<String> steps = new ArrayList<>(place.whenItTakesEffect());
        long overrides = sessions.list(SessionFilter.ofGroupWithOverrides(groupId), PageRequest.of(0, 1)).getTotalElements();
        if (overrides > 0) {
            steps.add(overrides + " session(s) of this group carry their own override, which the host prefers; see the"
                    + " findings for those that now disagree with the runner.");
        }
        return steps;
    }
}
