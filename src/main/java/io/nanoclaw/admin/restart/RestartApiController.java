package io.nanoclaw.admin.restart;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.web.InvalidInputException;

/** "Restart now" over the API: through NanoClaw's own {@code data/ncl.sock}, never by stopping anything ourselves. */
@RestController
@Tag(name = "Restart", description = "Restart a group's running containers through NanoClaw's host (data/ncl.sock)")
class RestartApiController {

    private final RestartService restarts;

    RestartApiController(RestartService restarts) {
        this.restarts = restarts;
    }

    /** The body, for the API's documentation; read as JSON so that a non-string is refused, not coerced. */
    @Schema(description = "Both optional")
    record RestartRequest(
            @Schema(description = "For the new agent, at most 2,000 characters; with it the containers come back at"
                    + " once and the agent reads it first as a chat message from \"system\"") String message,
            @Schema(description = "Why, for the audit trail; at most 1,000 characters") String reason) {
    }

    @PostMapping("/api/groups/{id}/restart")
    @Operation(summary = "Restart the group's running containers now",
            description = "Asks NanoClaw's host (groups-restart over data/ncl.sock) to stop the container of each active"
                    + " session of the group that it started. Without a message they come back at the next inbound"
                    + " message, with the group's current config; with one, at once, and the new agent reads it first."
                    + " restarted is the number of containers stopped (0 when none ran). Recorded as RESTART_GROUP.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                    content = @Content(schema = @Schema(implementation = RestartRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The host stopped the containers it had"),
                    @ApiResponse(responseCode = "400", description = "A message or reason that is not a string, too"
                            + " long or holds NUL", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "404", description = "No such group",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "409", description = "urn:nanoclaw-admin:problem:host-not-running (no"
                            + " host listens on data/ncl.sock: nothing was sent; changes take effect at the next spawn)"
                            + " or urn:nanoclaw-admin:problem:host-refused (the host answered ok:false; its code and"
                            + " message are members)", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "502", description = "urn:nanoclaw-admin:problem:host-no-answer: no"
                            + " usable answer in time; requestSent says whether the host may have acted",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class)))})
    RestartResult restart(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        if (body != null && !body.isNull() && !body.isMissingNode() && !body.isObject()) {
            throw InvalidInputException.field("body", "The body must be a JSON object: {\"message\"?: string,"
                    + " \"reason\"?: string}.");
        }
        return restarts.restart(id, text(body, "message"), text(body, "reason"));
    }

    private static String text(JsonNode body, String field) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw InvalidInputException.field(field, field + " must be a string.");
        }
        return value.stringValue();
    }
}
