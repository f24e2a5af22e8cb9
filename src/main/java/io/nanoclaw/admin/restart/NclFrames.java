package io.nanoclaw.admin.restart;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The wire format of NanoClaw's {@code data/ncl.sock} ({@code src/cli/frame.ts}): one JSON object per line each way. */
final class NclFrames {

    // ASCII only: the host decodes every chunk it reads on its own, so a character split across two reads would be
    // mangled; as a \\u escape no character spans two bytes.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build();

    /** The id the host puts on an answer to a frame it could not read. */
    static final String UNKNOWN_ID = "unknown";

    private NclFrames() {
    }

    /** {@code {"id":…,"command":…,"args":{…}}} and a newline, as bytes; args in the order given. */
    static byte[] request(String id, String command, Map<String, String> args) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("id", id);
        frame.put("command", command);
        ObjectNode argsNode = frame.putObject("args");
        args.forEach(argsNode::put);
        return (JSON.writeValueAsString(frame) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one answer line to the request {@code requestId}; anything else is a {@link HostNoAnswerException}. */
    static HostAnswer answer(String line, String requestId) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw notAnAnswer(line);
        }
        if (node == null || !node.isObject() || !node.path("ok").isBoolean()) {
            throw notAnAnswer(line);
        }
        String id = text(node.path("id"));
        if (!requestId.equals(id) && !UNKNOWN_ID.equals(id)) {
            throw new HostNoAnswerException("NanoClaw's host answered another request (id " + snippet(id)
                    + "); it may or may not have acted on this one.", true);
        }
        if (node.get("ok").booleanValue()) {
            return new HostAnswer(id, true, node.path("data"), null, null, line);
        }
        JsonNode error = node.path("error");
        String code = text(error.path("code"));
        String message = text(error.path("message"));
        return new HostAnswer(id, false, node.path("data"), code == null ? "unknown" : code,
                message == null ? "(no message)" : message, line);
    }

    /** The first 200 characters, on one line, for a message to a person. */
    static String snippet(String text) {
        if (text == null) {
            return "null";
        }
        String flat = text.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }

    private static HostNoAnswerException notAnAnswer(String line) {
        return new HostNoAnswerException("NanoClaw's host answered with something that is not an ncl response ("
                + snippet(line) + "); it may or may not have acted on the request.", true);
    }
}
