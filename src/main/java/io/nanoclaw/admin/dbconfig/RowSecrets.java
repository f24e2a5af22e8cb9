package io.nanoclaw.admin.dbconfig;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;

/**
 * A row as readers who may not see secrets see it: every MCP server {@code env} value masked, as in container.json.
 * An {@code mcp_servers} that does not parse is hidden whole, since it may hold a secret that cannot be told apart.
 */
public final class RowSecrets {

    public static final String HIDDEN = "(hidden: not valid JSON, and it may hold MCP secrets)";

    private RowSecrets() {
    }

    public static ContainerConfigRow masked(ContainerConfigRow row) {
        return row == null ? null : row.with("mcp_servers", maskedMcpServers(row.mcpServers()));
    }

    public static String maskedMcpServers(String mcpServers) {
        ColumnJson.Parsed parsed = ColumnJson.parse(mcpServers);
        if (!parsed.ok()) {
            return HIDDEN;
        }
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        holder.set("mcpServers", parsed.value());
        ContainerConfigDocument document = ContainerConfigDocument.of(holder);
        ContainerConfigDocument masked = document.withSecretsMasked();
        return masked.equals(document) ? mcpServers
                : masked.field("mcpServers").map(ContainerConfigFormat::compact).orElse(mcpServers);
    }
}
