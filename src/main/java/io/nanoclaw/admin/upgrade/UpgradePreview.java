package io.nanoclaw.admin.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.dbconfig.Backfill;
import io.nanoclaw.admin.dbconfig.BackfillResult;
import io.nanoclaw.admin.providers.ProviderChain;

/**
 * Judges one group of a file-era install: what the first start of a DB-era NanoClaw does to it
 * ({@code drift-kinds.md}, "Upgrade preview"; {@code nanoclaw-db-era.md}, "The upgrade from the file era"). Pure: the
 * caller reads the group row and the file.
 */
public final class UpgradePreview {

    private UpgradePreview() {
    }

    /**
     * @param file the group's container.json as read now; null when there is nothing to read
     * @param now the {@code updated_at} the back-filled row would get
     */
    public static UpgradeGroup judge(UpgradeGroupInput group, ContainerConfigFile file, String now) {
        BackfillResult backfill = Backfill.of(group.groupId(), group.legacyProvider(), file, now);
        String fileProvider = fileProvider(file);
        String runnerNow = ProviderChain.runner(fileProvider);
        String runnerAfter = runnerAfter(group, fileProvider, backfill);

        List<UpgradeItem> items = new ArrayList<>();
        if (backfill.fails()) {
            items.add(UpgradeItem.of(UpgradeCode.UPGRADE_BLOCKS_HOST_START, group, runnerNow, runnerAfter, List.of(),
                    "The upgraded host will not start: " + backfill.failure()));
        }
        if (backfill.fileContentLost()) {
            items.add(UpgradeItem.of(UpgradeCode.UPGRADE_LOSES_FILE_CONTENT, group, runnerNow, runnerAfter, List.of(),
                    "container.json cannot be used (" + file.errorMessage() + "): the back-fill gives the row"
                            + " defaults (skills \"all\", no MCP servers, packages or mounts"
                            + (ProviderChain.isSet(group.legacyProvider()) ? ", provider from agent_groups" : "")
                            + "), and the group's first spawn overwrites the file: what it holds is lost for good."));
        }
        if (!runnerNow.equals(runnerAfter)) {
            items.add(UpgradeItem.of(UpgradeCode.UPGRADE_SWITCHES_RUNNER, group, runnerNow, runnerAfter, List.of(),
                    "Today the container runs " + runnerNow + " (" + nowSource(file, fileProvider)
                            + "); after the upgrade it runs " + runnerAfter + ", " + afterSource(group, fileProvider)
                            + "."));
        }
        if (!backfill.droppedKeys().isEmpty()) {
            items.add(UpgradeItem.of(UpgradeCode.UPGRADE_DROPS_KEYS, group, runnerNow, runnerAfter,
                    backfill.droppedKeys(), "The back-fill does not copy " + String.join(", ", backfill.droppedKeys())
                            + ": the group's first spawn rewrites container.json from the row without "
                            + (backfill.droppedKeys().size() == 1 ? "it" : "them") + ", and nothing brings "
                            + (backfill.droppedKeys().size() == 1 ? "it" : "them") + " back."));
        }
        String pinned = pinnedName(file, backfill);
        if (pinned != null) {
            items.add(UpgradeItem.of(UpgradeCode.UPGRADE_PINS_ASSISTANT_NAME, group, runnerNow, runnerAfter,
                    List.of(), pinMessage(pinned, group.name())));
        }
        return new UpgradeGroup(group.groupId(), group.folder(), group.name(), runnerNow, runnerAfter,
                backfill.provider(), file == null ? null : file.state(), backfill, items);
    }

    /**
     * A group of a DB-era install that has no row yet: only what the next host start's back-fill inserts, or the
     * failure that stops that start. No items: the drift scan reports these groups ({@code CONFIG_ROW_MISSING},
     * {@code BACKFILL_WILL_FAIL}); there is no runner today, since no container of the group can start.
     */
    public static UpgradeGroup nextBackfill(UpgradeGroupInput group, ContainerConfigFile file, String now) {
        BackfillResult backfill = Backfill.of(group.groupId(), group.legacyProvider(), file, now);
        return new UpgradeGroup(group.groupId(), group.folder(), group.name(), null,
                runnerAfter(group, fileProvider(file), backfill), backfill.provider(),
                file == null ? null : file.state(), backfill, List.of());
    }

    /** The runner's provider today: the usable file's {@code provider}, read as the runner reads it. */
    private static String fileProvider(ContainerConfigFile file) {
        return file == null ? null : ProviderChain.fromFile(file.effectiveDocument().field("provider").orElse(null));
    }

    /**
     * The runner's provider once the row exists: the row's (the legacy column, else the file's), else claude. Where
     * the back-fill fails there is no row; this is then what a fixed file would give.
     */
    private static String runnerAfter(UpgradeGroupInput group, String fileProvider, BackfillResult backfill) {
        if (backfill.fails()) {
            return ProviderChain.runner(ProviderChain.isSet(group.legacyProvider()) ? group.legacyProvider()
                    : fileProvider);
        }
        return ProviderChain.runner(backfill.provider());
    }

    /**
     * The name the row would pin: the file's {@code assistantName} when the back-fill stores it (a string or a
     * number; null and absent leave the column NULL, which follows the group's name).
     */
    private static String pinnedName(ContainerConfigFile file, BackfillResult backfill) {
        if (file == null || file.state() != ConfigFileState.OK) {
            return null;
        }
        JsonNode value = file.document().field("assistantName").orElse(null);
        if (value == null || !(value.isString() || value.isNumber())) {
            return null;
        }
        return backfill.row() != null ? backfill.row().assistantName() : value.asString();
    }

    private static String pinMessage(String pinned, String groupName) {
        String message = "The upgraded host keeps the assistant's name \"" + pinned + "\" from container.json:"
                + " renaming the group later no longer renames the assistant.";
        if (pinned.isEmpty()) {
            return message + " \"\" means no name at all, not the group's name.";
        }
        if (!pinned.equals(groupName)) {
            return message + " The group is called \"" + groupName + "\": the assistant stays \"" + pinned + "\".";
        }
        return message;
    }

    private static String nowSource(ContainerConfigFile file, String fileProvider) {
        if (file != null && file.state() == ConfigFileState.OK) {
            return ProviderChain.isSet(fileProvider) ? "container.json's provider \"" + fileProvider + "\""
                    : "container.json has no provider";
        }
        return file != null && (file.exists() || file.state() == ConfigFileState.UNREADABLE)
                ? "container.json cannot be used" : "there is no container.json";
    }

    private static String afterSource(UpgradeGroupInput group, String fileProvider) {
        if (ProviderChain.isSet(group.legacyProvider())) {
            String legacy = group.legacyProvider();
            boolean asIs = legacy.toLowerCase(Locale.ROOT).equals(legacy);
            return "from agent_groups.agent_provider " + (asIs ? "" : "\"" + legacy + "\" ")
                    + "(the DB column wins over the file)";
        }
        return ProviderChain.isSet(fileProvider) ? "from container.json's provider" : "the default";
    }
}
