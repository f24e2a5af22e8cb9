package io.nanoclaw.admin.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.nanoclaw.admin.change.ChangePlan;
import io.nanoclaw.admin.change.EditPages;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.containerconfig.ConfigVersionRepository;
import io.nanoclaw.admin.groups.AgentGroup;

/**
 * The buttons a finding offers an operator: each fix as a plain verb leading to its preview, and only the fixes that
 * would change something now (each is planned, never applied, to know). An orphan folder offers its adoption.
 */
@Component
public class FixActions {

    private final EditTargets targets;
    private final Fixes fixes;
    private final ConfigVersionRepository versions;

    FixActions(EditTargets targets, Fixes fixes, ConfigVersionRepository versions) {
        this.targets = targets;
        this.fixes = fixes;
        this.versions = versions;
    }

    /**
     * One button.
     *
     * @param fix the catalogue's code, shown as secondary text; null for an action beyond the catalogue (adoption)
     * @param danger the action replaces what an operator may want to keep
     */
    public record FixAction(Fix fix, String label, String href, boolean danger) {
    }

    public List<FixAction> of(Finding finding) {
        if (finding.kind() == FindingKind.ORPHAN_FOLDER && finding.folder() != null) {
            return List.of(new FixAction(null, "Adopt as a group…",
                    EditPages.url("/groups/new", EditPages.params("folder", finding.folder())), false));
        }
        if (finding.groupId() == null || finding.folder() == null || finding.fixes().isEmpty()) {
            return List.of();
        }
        AgentGroup group;
        try {
            group = targets.group(finding.groupId());
        } catch (RuntimeException gone) {
            return List.of();
        }
        List<FixAction> actions = new ArrayList<>();
        for (Fix fix : finding.fixes()) {
            if (fix == Fix.RESTORE_CONFIG_VERSION) {
                if (!versions.findByFolderOrderByReplacedAtDesc(group.folder()).isEmpty()) {
                    actions.add(new FixAction(fix, "Restore a kept version…",
                            EditPages.url("/groups/{id}/container-config/history", Map.of(), group.id()), false));
                }
            } else if (applies(group, fix, finding.sessionId())) {
                actions.add(new FixAction(fix, label(fix, finding),
                        EditPages.url("/groups/{id}/fixes/{fix}", EditPages.params("sessionId", finding.sessionId()),
                                group.id(), fix.name()),
                        fix == Fix.RESET_CONFIG_FILE));
            }
        }
        return actions;
    }

    private boolean applies(AgentGroup group, Fix fix, String sessionId) {
        try {
            ChangePlan plan = fixes.plan(group, new FixService.FixRequest(fix, sessionId, null, true, null));
            return !plan.isEmpty();
        } catch (RuntimeException refused) {
            return false;
        }
    }

    static String label(Fix fix, Finding finding) {
        String db = lower(finding.dbValue());
        String file = lower(finding.fileValue());
        return switch (fix) {
            case ALIGN_FROM_DB -> db == null ? "Write the DB's provider into container.json"
                    : "Write " + db + " into container.json";
            case ALIGN_FROM_FILE -> file == null ? "Clear the DB's provider (container.json names none)" : "Set the DB's provider to " + file;
            case CLEAR_SESSION_OVERRIDE -> "Clear the override of " + finding.sessionId();
            case PROMOTE_SESSION_OVERRIDE -> db == null ? "Make the override the group's provider"
                    : "Make " + db + " the group's provider";
            case NORMALIZE_PROVIDER -> "Lower-case the provider";
            case CREATE_CONFIG_FILE -> "Create container.json";
            case REFRESH_IDENTITY -> "Write the group's identity into container.json";
            case RESTORE_CONFIG_VERSION -> "Restore a kept version…";
            case RECREATE_GROUP_FOLDER -> "Recreate the group's folder";
            case RESET_CONFIG_FILE -> "Replace container.json with NanoClaw's defaults";
            case MATERIALIZE_FROM_DB -> "Rewrite container.json from the row";
            case IMPORT_FILE_INTO_DB -> "Copy container.json into the row";
            case CLEAR_LEGACY_PROVIDER -> "Clear the legacy agent_provider";
            case CREATE_CONFIG_ROW -> "Create the container_configs row";
            case NORMALIZE_ASSISTANT_NAME -> "Store NULL as the assistant name";
        };
    }

    private static String lower(String value) {
        return value == null || value.isEmpty() ? null : value.toLowerCase(Locale.ROOT);
    }
}
