package io.nanoclaw.admin.groups;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.nanoclaw.admin.listing.ListLinks;
import io.nanoclaw.admin.listing.Listing;
import io.nanoclaw.admin.security.Roles;
import io.nanoclaw.admin.sessions.Session;
import io.nanoclaw.admin.sessions.SessionFilter;
import io.nanoclaw.admin.sessions.SessionService;

@Controller
@RequestMapping("/groups")
class GroupController {

    private static final int SESSIONS_ON_DETAIL = 20;

    private final GroupService groups;
    private final SessionService sessions;

    GroupController(GroupService groups, SessionService sessions) {
        this.groups = groups;
        this.sessions = sessions;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            Model model) {
        GroupFilter filter = new GroupFilter(q, provider);
        Pageable pageable = Listing.pageable(page, size, sort, GroupService.SORTABLE, GroupService.DEFAULT_SORT);
        model.addAttribute("groups", groups.list(filter, pageable));
        model.addAttribute("filter", filter);
        model.addAttribute("sort", Listing.sortParameter(pageable));
        model.addAttribute("links", ListLinks.ofCurrentRequest(pageable));
        return "groups/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, Authentication caller, Model model) {
        model.addAttribute("group", groups.get(id));
        model.addAttribute("config", groups.containerConfig(id, Roles.canSeeSecrets(caller)));
        Page<Session> groupSessions = sessions.list(SessionFilter.ofGroup(id),
                Listing.pageable(0, SESSIONS_ON_DETAIL, null, SessionService.SORTABLE, SessionService.DEFAULT_SORT));
        model.addAttribute("sessions", groupSessions);
        return "groups/detail";
    }
}
