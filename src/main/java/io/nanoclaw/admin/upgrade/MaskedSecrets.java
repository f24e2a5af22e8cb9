package io.nanoclaw.admin.upgrade;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.dbconfig.BackfillResult;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;

/** A back-filled row as readers who may not see secrets see it: MCP server {@code env} values masked. */
final class MaskedSecrets {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private MaskedSecrets() {
    }

    static UpgradeGroup of(UpgradeGroup group) {
        BackfillResult backfill = group.backfill();
        if (backfill.row() == null) {
            return group;
        }
        ContainerConfigRow row = backfill.row();
        ContainerConfigRow masked = new ContainerConfigRow(row.agentGroupId(), row.provider(), row.model(),
                row.effort(), row.imageTag(), row.assistantName(), row.maxMessagesPerPrompt(), row.skills(),
                mcpServers(row.mcpServers()), row.packagesApt(), row.packagesNpm(), row.additionalMounts(),
                row.updatedAt(), row.cliScope());
        return new UpgradeGroup(group.groupId(), group.folder(), group.name(), group.runnerNow(), group.runnerAfter(),
                group.backfillProvider(), group.fileState(),
                new BackfillResult(masked, backfill.failure(), backfill.fileContentLost(), backfill.droppedKeys()),
                group.items());
    }

    private static String mcpServers(String json) {
        JsonNode servers;
        try {
            servers = JSON.readTree(json);
        } catch (JacksonException e) {
            return json;
        }
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        holder.set("mcpServers", servers);
        return ContainerConfigDocument.of(holder).withSecretsMasked().field("mcpServers")
                .map(ContainerConfigFormat::compact).orElse(json);
    }
}
