package io.nanoclaw.admin.dbconfig;

/**
 * A row of NanoClaw's {@code container_configs} (DB-config era) exactly as stored: the JSON columns as text, never
 * parsed or validated here, so that a row someone broke by SQL can still be shown.
 *
 * @param maxMessagesPerPrompt the raw SQLite value: null, a {@link Long}, or text/real when SQL stored one
 * @param cliScope {@code group} where the column does not exist (pre-release builds)
 */
public record ContainerConfigRow(
        String agentGroupId,
        String provider,
        String model,
        String effort,
        String imageTag,
        String assistantName,
        Object maxMessagesPerPrompt,
        String skills,
        String mcpServers,
        String packagesApt,
        String packagesNpm,
        String additionalMounts,
        String updatedAt,
        String cliScope) {

    /** The row NanoClaw inserts for a new group ({@code INSERT OR IGNORE} of the column defaults). */
    public static ContainerConfigRow defaults(String agentGroupId, String updatedAt) {
        return new ContainerConfigRow(agentGroupId, null, null, null, null, null, null, "\"all\"", "{}", "[]", "[]",
                "[]", updatedAt, "group");
    }
}
