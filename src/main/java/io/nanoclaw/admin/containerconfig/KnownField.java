package io.nanoclaw.admin.containerconfig;

/** The container.json fields NanoClaw's host knows; any other key is dropped when the host rewrites the file. */
public enum KnownField {
    PROVIDER("provider", "string", "\"claude\"", "the provider the runner starts"),
    MCP_SERVERS("mcpServers", "object", "{}", "MCP servers started in the container"),
    PACKAGES("packages", "{apt, npm}", "empty lists", "packages installed in the group's image"),
    IMAGE_TAG("imageTag", "string", "none", "image to run"),
    ADDITIONAL_MOUNTS("additionalMounts", "array", "[]", "host folders mounted under /workspace/extra/"),
    SKILLS("skills", "\"all\" or string[]", "\"all\"", "which skills are linked"),
    GROUP_NAME("groupName", "string", "none", "written by the host from the group's name"),
    ASSISTANT_NAME("assistantName", "string", "none", "written by the host from the group's name"),
    AGENT_GROUP_ID("agentGroupId", "string", "none", "written by the host from the group's id"),
    MAX_MESSAGES_PER_PROMPT("maxMessagesPerPrompt", "number", "10", "messages per prompt");

    private final String key;
    private final String type;
    private final String defaultValue;
    private final String meaning;

    KnownField(String key, String type, String defaultValue, String meaning) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    public String key() {
        return key;
    }

    public String type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }

    public static boolean isKnown(String key) {
        for (KnownField field : values()) {
            if (field.key.equals(key)) {
                return true;
            }
        }
        return false;
    }
}
