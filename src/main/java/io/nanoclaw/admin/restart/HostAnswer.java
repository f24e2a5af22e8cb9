package io.nanoclaw.admin.restart;

import tools.jackson.databind.JsonNode;

/**
 * One answer of NanoClaw's host on {@code data/ncl.sock}: {@code {"id":…,"ok":true,"data":…}} or
 * {@code {"id":…,"ok":false,"error":{"code":…,"message":…}}}.
 *
 * @param data the command's result when ok (a missing node otherwise)
 * @param errorCode the host's error code when not ok, e.g. {@code handler-error}
 * @param errorMessage the host's error message when not ok
 * @param line the answer as received, without its newline, for the record
 */
public record HostAnswer(String id, boolean ok, JsonNode data, String errorCode, String errorMessage, String line) {
}
