package io.nanoclaw.admin.change;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.groups.AgentGroup;

/** The container.json NanoClaw writes for a new group, with the identity fields its host writes at spawn. */
public final class NanoclawDefaults {

    private NanoclawDefaults() {
    }

    public static ContainerConfigDocument newConfig(AgentGroup group) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode packages = json.objectNode();
        packages.set("apt", json.arrayNode());
        packages.set("npm", json.arrayNode());
        return ContainerConfigDocument.empty()
                .with("mcpServers", json.objectNode())
                .with("packages", packages)
                .with("additionalMounts", json.arrayNode())
                .with("skills", "all")
                .with("groupName", group.name())
                .with("assistantName", group.name())
                .with("agentGroupId", group.id());
    }

    /** The document with the identity fields the host would write, every other key kept in place. */
    public static ContainerConfigDocument withIdentity(ContainerConfigDocument document, AgentGroup group) {
        return document.with("groupName", group.name()).with("assistantName", group.name())
                .with("agentGroupId", group.id());
    }
}
