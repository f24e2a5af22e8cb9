package io.nanoclaw.admin.history;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nanoclaw.admin.groups.GroupNotFoundException;
import io.nanoclaw.admin.groups.AgentGroupRepository;
import io.nanoclaw.admin.web.InvalidInputException;

@RestController
@Tag(name = "Drift history", description = "Drift over time: points, standing findings and a group's timeline")
class DriftHistoryApiController {

    private static final Duration DEFAULT_SPAN = Duration.ofDays(1);

    private final DriftHistory history;
    private final AgentGroupRepository groups;

    DriftHistoryApiController(DriftHistory history, AgentGroupRepository groups) {
        this.history = history;
        this.groups = groups;
    }

    @GetMapping("/api/drift/history")
    @Operation(summary = "Drift over time", description = "{points: [{at, groups: {ALIGNED, DRIFTED, BROKEN},"
            + " findings: {ERROR, WARNING, INFO}}]}, oldest first: one point per full scan and per re-check that"
            + " changed the counts. from/to are ISO-8601 instants (default: the last 24 hours); at most 10,000 points,"
            + " the newest.")
    Map<String, List<DriftPoint>> points(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Instant end = instant("to", to, Instant.now());
        Instant start = instant("from", from, end.minus(DEFAULT_SPAN));
        if (start.isAfter(end)) {
            throw InvalidInputException.parameter("from", "from (" + start + ") is after to (" + end + ")");
        }
        return Map.of("points", history.points(start, end));
    }

    @GetMapping("/api/drift/standing")
    @Operation(summary = "Standing findings since when", description = "Every finding that stands now, with the time"
            + " it was first seen (kept across restarts), oldest first.")
    List<FindingSpan> standing() {
        return history.standingFindings();
    }

    @GetMapping("/api/groups/{id}/timeline")
    @Operation(summary = "A group's timeline", description = "Its findings as they appeared and were resolved, the"
            + " changes made through this service (CHANGED_HERE, with who) and those the watcher saw from outside"
            + " (CHANGED_OUTSIDE), newest first; at most 200.")
    List<TimelineEntry> timeline(@PathVariable String id) {
        if (!groups.existsById(id)) {
            throw new GroupNotFoundException(id);
        }
        return history.timeline(id, 200);
    }

    private static Instant instant(String name, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.parameter(name, name + " is '" + value + "', not an ISO-8601 instant such as"
                    + " 2026-12-01T00:00:00Z");
        }
    }
}
