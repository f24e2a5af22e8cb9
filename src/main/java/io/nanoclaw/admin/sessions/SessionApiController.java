package io.nanoclaw.admin.sessions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nanoclaw.admin.listing.Listing;

@RestController
@RequestMapping("/api/sessions")
@Tag(name = "Sessions", description = "Sessions and their provider overrides")
class SessionApiController {

    private final SessionService sessions;

    SessionApiController(SessionService sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    @Operation(summary = "List sessions", description = "Filter by groupId, status (active|closed) and hasOverride;"
            + " sort by createdAt, lastActive, status, containerStatus, agentProvider, agentGroupId or id.")
    PagedModel<Session> list(@RequestParam(required = false) String groupId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean hasOverride,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return new PagedModel<>(sessions.list(new SessionFilter(groupId, status, hasOverride),
                Listing.pageable(page, size, sort, SessionService.SORTABLE, SessionService.DEFAULT_SORT)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One session")
    Session get(@PathVariable String id) {
        return sessions.get(id);
    }
}
