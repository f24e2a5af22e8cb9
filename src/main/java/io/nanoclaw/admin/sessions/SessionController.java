package io.nanoclaw.admin.sessions;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.DriftService;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.drift.GroupDrift;
import io.nanoclaw.admin.drift.GroupStatus;
import io.nanoclaw.admin.groups.GroupListItem;
import io.nanoclaw.admin.groups.GroupService;
import io.nanoclaw.admin.providers.EraChains;
import io.nanoclaw.admin.listing.ListLinks;
import io.nanoclaw.admin.listing.Listing;

@Controller
@RequestMapping("/sessions")
class SessionController {

    private final SessionService sessions;
    private final GroupService groups;
    private final DriftService drift;

    SessionController(SessionService sessions, GroupService groups, DriftService drift) {
        this.sessions = sessions;
        this.groups = groups;
        this.drift = drift;
    }

    /**
     * A session with its group's provider in force (the row's in the DB-config era) and what the host and the runner
     * make of the session's override.
     */
    record SessionLine(Session session, String groupProvider, boolean groupKnown, String host, String runner) {

        static SessionLine of(Session session, GroupListItem group) {
            if (group == null) {
                return new SessionLine(session, null, false, null, null);
            }
            EraChains chains = EraChains.of(group.era());
            return new SessionLine(session, group.era().isDbConfig() ? group.sources().configRow() : group.dbProvider(),
                    true,
                    chains.host(session.agentProvider(), group.sources()), chains.runner(group.sources()));
        }

        public boolean disagrees() {
            return host != null && !host.equals(runner);
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String groupId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean hasOverride,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String groupStatus,
            @RequestParam(required = false) String groupProvider,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            Model model) {
        FindingKind wantedKind = Listing.enumParameter(FindingKind.class, "kind", kind);
        GroupStatus wantedGroupStatus = Listing.enumParameter(GroupStatus.class, "groupStatus", groupStatus);
        DriftReport report = drift.latest();
        Map<String, List<FindingKind>> kindsBySession = report.findings().stream()
                .filter(Finding::concernsSession)
                .collect(Collectors.groupingBy(Finding::sessionId,
                        Collectors.mapping(Finding::kind, Collectors.toList())));
        SessionFilter filter = new SessionFilter(groupId, status, hasOverride,
                wantedKind == null ? null : report.findings().stream()
                        .filter(f -> f.kind() == wantedKind && f.concernsSession())
                        .map(Finding::sessionId).collect(Collectors.toSet()),
                groupIds(wantedGroupStatus, groupProvider));
        Pageable pageable = Listing.pageable(page, size, sort, SessionService.SORTABLE, SessionService.DEFAULT_SORT);
        Page<Session> found = sessions.list(filter, pageable);
        Map<String, GroupListItem> groupsOnPage = groups.itemsOf(found.stream().map(Session::agentGroupId)
                .collect(Collectors.toSet()));
        Map<String, String> folders = groupsOnPage.values().stream()
                .collect(Collectors.toMap(GroupListItem::id, GroupListItem::folder));
        model.addAttribute("sessions", found);
        model.addAttribute("lines", found.map(s -> SessionLine.of(s, groupsOnPage.get(s.agentGroupId()))).getContent());
        model.addAttribute("groupProvider", groupProvider == null || groupProvider.isBlank() ? null : groupProvider);
        model.addAttribute("folders", folders);
        model.addAttribute("filter", filter);
        model.addAttribute("kind", wantedKind);
        model.addAttribute("groupStatus", wantedGroupStatus);
        model.addAttribute("kindsBySession", kindsBySession);
        model.addAttribute("statuses", report.groups().stream()
                .collect(Collectors.toMap(GroupDrift::id, GroupDrift::status, (a, b) -> a)));
        model.addAttribute("allKinds", FindingKind.ofEra(drift.latest().era()));
        model.addAttribute("allStatuses", GroupStatus.values());
        model.addAttribute("sort", Listing.sortParameter(pageable));
        model.addAttribute("links", ListLinks.ofCurrentRequest(pageable));
        return "sessions/list";
    }

    private java.util.Set<String> groupIds(GroupStatus status, String groupProvider) {
        java.util.Set<String> ids = status == null ? null : drift.groupsWithStatus(status);
        if (groupProvider != null && !groupProvider.isBlank()) {
            java.util.Set<String> withProvider = groups.idsWithProvider(groupProvider);
            ids = ids == null ? withProvider
                    : ids.stream().filter(withProvider::contains).collect(Collectors.toSet());
        }
        return ids;
    }
}
