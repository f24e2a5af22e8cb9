package io.nanoclaw.admin.restart;

/**
 * What NanoClaw's host did on "Restart now".
 *
 * @param restarted containers the host stopped: those of the group's active sessions that this host process started
 *        and still tracks (0 when none ran)
 * @param rebuilt whether the host rebuilt the group's image first (never asked for here, so false)
 * @param messageSent whether a message for the new agent went with the request; the host queues it only for the
 *        sessions whose container it stopped, so with {@code restarted} 0 nobody gets it
 * @param sentence what happened, for a person
 */
public record RestartResult(String groupId, String folder, int restarted, boolean rebuilt, boolean messageSent,
        String sentence) {

    static RestartResult of(String groupId, String folder, int restarted, boolean rebuilt, boolean messageSent) {
        return new RestartResult(groupId, folder, restarted, rebuilt, messageSent,
                sentence(folder, restarted, messageSent));
    }

    private static String sentence(String folder, int restarted, boolean messageSent) {
        if (restarted == 0) {
            return "No container of " + folder + " was running: nothing was stopped"
                    + (messageSent ? " and your message was not delivered" : "")
                    + ". The next inbound message starts one with the current config.";
        }
        String stopped = "Stopped " + restarted + " container(s) of " + folder + ".";
        return messageSent
                ? stopped + " They come back at once and the new agent reads your message first."
                : stopped + " With no message they come back at the next inbound message.";
    }
}
