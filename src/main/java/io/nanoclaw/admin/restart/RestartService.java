package io.nanoclaw.admin.restart;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.web.InvalidInputException;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.groups.AgentGroupRepository;
import io.nanoclaw.admin.groups.GroupNotFoundException;

/**
 * "Restart now": asks NanoClaw's host, over its own {@code data/ncl.sock}, to stop the group's running containers
 * ({@code groups-restart}), optionally with a message the new agent reads first; then records what the host answered.
 * Never stops a process or a container itself, and changes neither NanoClaw's DB nor a file.
 */
@Service
public class RestartService {

    public static final int MAX_MESSAGE_CHARS = 2000;
    /** The audit trail's reason column holds this many. */
    public static final int MAX_REASON_CHARS = AuditService.MAX_REASON_CHARS;
    static final String COMMAND = "groups-restart";
    static final String ACTION = "RESTART_GROUP";
    static final String ACTION_NO_ANSWER = ACTION + ":NO_ANSWER";

    private final AgentGroupRepository groups;
    private final HostSocket host;
    private final AuditService audit;

    public RestartService(AgentGroupRepository groups, HostSocket host, AuditService audit) {
        this.groups = groups;
        this.host = host;
        this.audit = audit;
    }

    /**
     * Restarts the group's running containers. Without a message (null or blank) they come back at the group's next
     * inbound message; with one, at once, and the new agent reads it first.
     *
     * @throws GroupNotFoundException for an unknown group
     * @throws InvalidInputException for a message or reason that cannot be sent or recorded
     * @throws HostNotRunningException when no host listens (nothing sent, nothing recorded)
     * @throws HostRefusedException when the host answers {@code ok:false} (nothing done, nothing recorded)
     * @throws HostNoAnswerException when the host gives no usable answer; recorded as {@code RESTART_GROUP:NO_ANSWER}
     *         if the request went out, since the host may have acted on it
     */
    public RestartResult restart(String groupId, String message, String reason) {
        AgentGroup group = groups.findById(groupId).orElseThrow(() -> new GroupNotFoundException(groupId));
        String wake = checkedMessage(message);
        checkReason(reason);
        Map<String, String> args = new LinkedHashMap<>();
        args.put("id", group.id());
        if (wake != null) {
            args.put("message", wake);
        }
        HostAnswer answer;
        try {
            answer = host.send(COMMAND, args);
        } catch (HostNoAnswerException e) {
            if (e.requestSent()) {
                record(ACTION_NO_ANSWER, group, reason, asked(group, wake) + " and got no usable answer: " + e.getMessage());
            }
            throw e;
        }
        if (!answer.ok()) {
            throw new HostRefusedException(COMMAND, answer.errorCode(), answer.errorMessage());
        }
        JsonNode restarted = answer.data().path("restarted");
        if (!restarted.isIntegralNumber() || !restarted.canConvertToInt() || restarted.intValue() < 0) {
            HostNoAnswerException unusable = new HostNoAnswerException("NanoClaw's host answered ok but without a"
                    + " container count (" + shorten(answer.line(), 200) + ").", true);
            record(ACTION_NO_ANSWER, group, reason, asked(group, wake) + " and got no usable answer: "
                    + unusable.getMessage());
            throw unusable;
        }
        RestartResult result = RestartResult.of(group.id(), group.folder(), restarted.intValue(),
                answer.data().path("rebuilt").asBoolean(false), wake != null);
        record(ACTION, group, reason, asked(group, wake) + ": " + result.sentence() + " The host answered "
                + shorten(answer.line(), 500));
        return result;
    }

    /** The message as it will be sent, or null for none; the host treats an empty one as none too. */
    static String checkedMessage(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        if (message.indexOf('\0') >= 0) {
            throw InvalidInputException.field("message", "The message must not contain NUL characters.");
        }
        int length = message.codePointCount(0, message.length());
        if (length > MAX_MESSAGE_CHARS) {
            throw InvalidInputException.field("message", "The message has " + length + " characters; at most "
                    + MAX_MESSAGE_CHARS + " are sent.");
        }
        return message;
    }

    static void checkReason(String reason) {
        AuditService.checkReason(reason);
    }

    private void record(String action, AgentGroup group, String reason, String summary) {
        audit.record(new AuditService.Entry(action, group.id(), group.folder(), null, reason, shorten(summary, 2000),
                null, null));
    }

    private static String asked(AgentGroup group, String wake) {
        return "Asked NanoClaw's host to restart the containers of " + group.folder() + (wake == null
                ? " without a message"
                : " with a message for the new agent (" + wake.codePointCount(0, wake.length()) + " characters: \""
                        + shorten(wake, 300) + "\")");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
