package io.nanoclaw.admin.upgrade;

import java.util.ArrayList;
import java.util.List;

import io.nanoclaw.admin.dbconfig.ContainerConfigRow;

/**
 * One column of a back-filled row, its value written as SQL would show it: {@code NULL}, {@code 'text'} (quotes
 * doubled), a bare number for INTEGER and REAL values.
 */
public record BackfillColumn(String column, String value) {

    /** Every column of the row, in the table's order ({@code agent_group_id} left out: it is the group). */
    public static List<BackfillColumn> of(ContainerConfigRow row) {
        List<BackfillColumn> columns = new ArrayList<>();
        columns.add(text("provider", row.provider()));
        columns.add(text("model", row.model()));
        columns.add(text("effort", row.effort()));
        columns.add(text("image_tag", row.imageTag()));
        columns.add(text("assistant_name", row.assistantName()));
        Object maxMessages = row.maxMessagesPerPrompt();
        columns.add(maxMessages instanceof String textValue ? text("max_messages_per_prompt", textValue)
                : new BackfillColumn("max_messages_per_prompt", maxMessages == null ? "NULL" : maxMessages.toString()));
        columns.add(text("skills", row.skills()));
        columns.add(text("mcp_servers", row.mcpServers()));
        columns.add(text("packages_apt", row.packagesApt()));
        columns.add(text("packages_npm", row.packagesNpm()));
        columns.add(text("additional_mounts", row.additionalMounts()));
        columns.add(text("updated_at", row.updatedAt()));
        columns.add(text("cli_scope", row.cliScope()));
        return columns;
    }

    public boolean isNull() {
        return value.equals("NULL");
    }

    private static BackfillColumn text(String column, String value) {
        return new BackfillColumn(column, value == null ? "NULL" : "'" + value.replace("'", "''") + "'");
    }
}
