package io.nanoclaw.admin.groups;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.DriftService;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.drift.GroupStatus;
import io.nanoclaw.admin.listing.ListLinks;
import io.nanoclaw.admin.listing.Listing;
import io.nanoclaw.admin.providers.EraChains;
import io.nanoclaw.admin.providers.ProviderResolution;
import io.nanoclaw.admin.security.Roles;
import io.nanoclaw.admin.sessions.Session;
import io.nanoclaw.admin.sessions.SessionFilter;
import io.nanoclaw.admin.sessions.SessionService;

@Controller
@RequestMapping("/groups")
class GroupController {

    private static final int SESSIONS_ON_DETAIL = 20;
    private static final int CHAINS_ON_DETAIL = 50;

    private final GroupService groups;
    private final SessionService sessions;
    private final DriftService drift;

    GroupController(GroupService groups, SessionService sessions, DriftService drift) {
        this.groups = groups;
        this.sessions = sessions;
        this.drift = drift;
    }

    /** A session with an override, and how the host resolves its provider. */
    record SessionChain(Session session, ProviderResolution resolution) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String q,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            Model model) {
        GroupStatus wantedStatus = Listing.enumParameter(GroupStatus.class, "status", status);
        FindingKind wantedKind = Listing.enumParameter(FindingKind.class, "kind", kind);
        GroupFilter filter = new GroupFilter(q, provider, drift.groupsMatching(wantedStatus, wantedKind));
        Pageable pageable = Listing.pageable(page, size, sort, GroupService.SORTABLE, GroupService.DEFAULT_SORT);
        model.addAttribute("groups", groups.list(filter, pageable));
        model.addAttribute("filter", filter);
        model.addAttribute("status", wantedStatus);
        model.addAttribute("kind", wantedKind);
        model.addAttribute("allStatuses", GroupStatus.values());
        model.addAttribute("allKinds", FindingKind.ofEra(groups.era()));
        model.addAttribute("sort", Listing.sortParameter(pageable));
        model.addAttribute("links", ListLinks.ofCurrentRequest(pageable));
        return "groups/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, Authentication caller, Model model) {
        GroupListItem group = groups.get(id);
        model.addAttribute("group", group);
        model.addAttribute("config", groups.containerConfig(id, Roles.canSeeSecrets(caller)));
        Page<Session> groupSessions = sessions.list(SessionFilter.ofGroup(id),
                Listing.pageable(0, SESSIONS_ON_DETAIL, null, SessionService.SORTABLE, SessionService.DEFAULT_SORT));
        model.addAttribute("sessions", groupSessions);
        EraChains era = EraChains.of(group.era());
        model.addAttribute("newSession", era.resolve(null, false, group.sources()));
        model.addAttribute("chains", chains(group, era));
        model.addAttribute("configRow", groups.configRow(id, Roles.canSeeSecrets(caller)).orElse(null));
        DriftReport check = drift.checkGroup(id).orElseThrow(() -> new GroupNotFoundException(id));
        model.addAttribute("drift", check.groups().get(0));
        model.addAttribute("findings", check.findings());
        return "groups/detail";
    }

    private List<SessionChain> chains(GroupListItem group, EraChains era) {
        Page<Session> overriding = sessions.list(SessionFilter.ofGroupWithOverrides(group.id()),
                Listing.pageable(0, CHAINS_ON_DETAIL, null, SessionService.SORTABLE, SessionService.DEFAULT_SORT));
        List<SessionChain> chains = new ArrayList<>();
        for (Session session : overriding) {
            chains.add(new SessionChain(session, era.resolve(session.agentProvider(), true, group.sources())));
        }
        return chains;
    }
}
