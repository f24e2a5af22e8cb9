package io.nanoclaw.admin.drift;

/** A group's status after a scan, with the providers of its default pair (a new session, no override). */
public record GroupDrift(String id, String folder, GroupStatus status, String hostProvider, String runnerProvider) {
}
