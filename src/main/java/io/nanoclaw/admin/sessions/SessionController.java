package io.nanoclaw.admin.sessions;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.nanoclaw.admin.groups.GroupService;
import io.nanoclaw.admin.listing.ListLinks;
import io.nanoclaw.admin.listing.Listing;

@Controller
@RequestMapping("/sessions")
class SessionController {

    private final SessionService sessions;
    private final GroupService groups;

    SessionController(SessionService sessions, GroupService groups) {
        this.sessions = sessions;
        this.groups = groups;
    }

    @GetMapping
    String list(@RequestParam(required = false) String groupId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean hasOverride,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            Model model) {
        SessionFilter filter = new SessionFilter(groupId, status, hasOverride);
        Pageable pageable = Listing.pageable(page, size, sort, SessionService.SORTABLE, SessionService.DEFAULT_SORT);
        Page<Session> found = sessions.list(filter, pageable);
        Map<String, String> folders = groups.foldersOf(found.stream().map(Session::agentGroupId)
                .collect(Collectors.toSet()));
        model.addAttribute("sessions", found);
        model.addAttribute("folders", folders);
        model.addAttribute("filter", filter);
        model.addAttribute("sort", Listing.sortParameter(pageable));
        model.addAttribute("links", ListLinks.ofCurrentRequest(pageable));
        return "sessions/list";
    }
}
