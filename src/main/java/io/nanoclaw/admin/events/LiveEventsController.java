package io.nanoclaw.admin.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live event stream: {@code /api/events} for scripts (bearer token), {@code /events} for the pages (their
 * session). Both need a VIEWER.
 */
@RestController
@Tag(name = "Events", description = "Server-sent events when what the service shows changes")
class LiveEventsController {

    private final LiveEvents events;

    LiveEventsController(LiveEvents events) {
        this.events = events;
    }

    @GetMapping(path = {"/api/events", "/events"}, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Subscribe to changes", description = "text/event-stream. 'hello' when subscribed; 'group'"
            + " for each group a scan or re-check changed: {id, folder, status, previousStatus, summary, findings, at}"
            + " (status null when the group is gone); 'install' when install-level findings (orphan folders, sessions"
            + " of no group) changed; 'scan' after each full scan: {groups, aligned, drifted, broken, findings, at}."
            + " A comment every 15 s keeps the stream open; 503 with Retry-After past 200 open streams.")
    ResponseEntity<SseEmitter> subscribe() {
        // Past the limit, 503 with Retry-After: an EventSource tries again by itself.
        return events.subscribe().map(ResponseEntity::ok).orElseGet(() -> ResponseEntity
                .status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").build());
    }
}
