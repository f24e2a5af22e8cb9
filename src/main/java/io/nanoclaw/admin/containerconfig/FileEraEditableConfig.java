package io.nanoclaw.admin.containerconfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.change.ChangePlan;
import io.nanoclaw.admin.change.FileChange;
import io.nanoclaw.admin.change.UnifiedDiff;
import io.nanoclaw.admin.drift.Fix;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.install.StoreSeal;
import io.nanoclaw.admin.containerconfig.ConfigEditService.HistoryContent;
import io.nanoclaw.admin.containerconfig.ConfigEditService.HistoryEntry;
import io.nanoclaw.admin.change.EditRefusedException;
import io.nanoclaw.admin.change.EditResult;
import io.nanoclaw.admin.change.EditRunner;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.change.InvalidConfigException;
import io.nanoclaw.admin.web.InvalidInputException;
import io.nanoclaw.admin.drift.FixService;
import io.nanoclaw.admin.groups.ProviderEditService;
import io.nanoclaw.admin.change.StaleEditException;

/**
 * The file era: container.json is the config. A new document (PUT, the raw editor) or a merge patch is validated and
 * written as NanoClaw writes the file; the replaced bytes are the history, restored by RESTORE_CONFIG_VERSION.
 */
class FileEraEditableConfig implements EditableConfig {

    private final EditTargets targets;
    private final EditRunner runner;
    private final ConfigVersionRepository versions;
    private final StoreSeal seal;
    private final FixService fixes;

    FileEraEditableConfig(EditTargets targets, EditRunner runner, ConfigVersionRepository versions, StoreSeal seal,
            FixService fixes) {
        this.seal = seal;
        this.targets = targets;
        this.runner = runner;
        this.versions = versions;
        this.fixes = fixes;
    }

    @Override
    public EditResult replace(AgentGroup group, String text, FileVersion basedOn, boolean dryRun, String reason) {
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(text.getBytes(StandardCharsets.UTF_8));
        if (parsed.state() != ConfigFileState.OK) {
            throw new InvalidConfigException("The document is not a JSON object NanoClaw can read: " + parsed.error(),
                    List.of(String.valueOf(parsed.error())));
        }
        return write(group, parsed.document(), basedOn, dryRun, reason, "EDIT_CONTAINER_CONFIG");
    }

    @Override
    public EditResult patch(AgentGroup group, JsonNode patch, FileVersion basedOn, boolean dryRun, String reason) {
        ContainerConfigFile file = targets.file(group);
        ContainerConfigDocument current = targets.editable(group, file);
        JsonNode merged = JsonMergePatch.apply(current.toJson(), patch);
        if (!(merged instanceof ObjectNode object)) {
            throw new InvalidConfigException("The patch would make container.json a non-object.", List.of());
        }
        return write(group, ContainerConfigDocument.of(object), basedOn, dryRun, reason, "PATCH_CONTAINER_CONFIG");
    }

    @Override
    public List<HistoryEntry> history(AgentGroup group) {
        return versions.findByFolderOrderByReplacedAtDesc(group.folder()).stream()
                .map(v -> new HistoryEntry(v.id(), v.version(), v.replacedAt(), v.replacedBy(), v.hadFile(), v.size()))
                .toList();
    }

    @Override
    public HistoryContent historyEntry(AgentGroup group, long id) {
        ConfigVersion version = versions.findById(id).filter(v -> v.folder().equals(group.folder()))
                .orElseThrow(() -> InvalidInputException.field("version", "groups/" + group.folder()
                        + " has no history entry " + id));
        String content = version.text(seal);
        ContainerConfigFile file = targets.file(group);
        return new HistoryContent(new HistoryEntry(version.id(), version.version(), version.replacedAt(),
                version.replacedBy(), version.hadFile(), version.size()), content,
                UnifiedDiff.of("groups/" + group.folder() + "/container.json", content, file.rawText()));
    }

    /** The file era's restore is its fix RESTORE_CONFIG_VERSION. */
    @Override
    public EditResult restore(AgentGroup group, long id, boolean dryRun, String reason) {
        return fixes.fix(group.id(), new FixService.FixRequest(Fix.RESTORE_CONFIG_VERSION, null, id, dryRun, reason));
    }

    @Override
    public Optional<String> etagAfter(AgentGroup group, EditResult result) {
        return result.plan().fileChanges().isEmpty() || !result.applied() ? Optional.empty()
                : Optional.of(FileVersion.of(result.plan().fileChanges().get(0).afterBytes()).etag());
    }

    /** The list names versions only; a version's content ({@link #historyEntry}) is for operators. */
    @Override
    public boolean historyListHoldsSecrets() {
        return false;
    }

    private EditResult write(AgentGroup group, ContainerConfigDocument document, FileVersion basedOn, boolean dryRun,
            String reason, String action) {
        ContainerConfigFile file = targets.file(group);
        if (file.state() == ConfigFileState.FOLDER_MISSING || file.state() == ConfigFileState.FOLDER_INVALID) {
            throw new EditRefusedException("groups/" + group.folder() + " cannot hold a container.json: " + file.state());
        }
        String rendered = ContainerConfigFormat.render(document);
        if (!file.version().equals(basedOn)) {
            throw stale(group, basedOn, file, rendered);
        }
        validate(document);
        FileChange change = FileChange.of(group.folder(), file.version(), file.rawText(), rendered);
        ChangePlan plan = new ChangePlan(action, group.id(), group.folder(), null,
                "Write a new container.json for " + group.folder(), List.of(), List.of(change),
                List.of(ProviderEditService.NEXT_SPAWN));
        try {
            return runner.run(plan, dryRun, reason);
        } catch (StaleVersionException raced) {
            // Another writer saved between our check and the write: the store refused under its lock.
            throw stale(group, basedOn, raced.current(), rendered);
        }
    }

    private StaleEditException stale(AgentGroup group, FileVersion basedOn, ContainerConfigFile file, String yours) {
        String path = "groups/" + group.folder() + "/container.json";
        String base = basedOn.isAbsent() ? null : versions.findByFolderOrderByReplacedAtDesc(group.folder()).stream()
                .filter(v -> v.version().equals(basedOn.value()) && v.hadFile())
                .map(v -> v.text(seal))
                .findFirst().orElse(null);
        String otherChange = base != null || basedOn.isAbsent() ? UnifiedDiff.of(path, base, file.rawText()) : null;
        return new StaleEditException(file.version(), file.rawText(), otherChange,
                UnifiedDiff.of(path, file.rawText(), yours));
    }

    private void validate(ContainerConfigDocument document) {
        List<String> violations = new ArrayList<>();
        ContainerConfigValidator.check(document).forEach(problem -> violations.add(problem.message()));
        ContainerConfigValidator.editProblems(document).forEach(problem -> violations.add(problem.message()));
        document.field(KnownField.PROVIDER).filter(JsonNode::isString).map(JsonNode::stringValue)
                .filter(provider -> !provider.isEmpty())
                .ifPresent(provider -> {
                    try {
                        String known = targets.provider("provider", provider);
                        if (!known.equals(provider)) {
                            // The file is written as given, and NanoClaw's runner looks the name up exactly.
                            violations.add("provider '" + provider + "' is not the name NanoClaw looks up: write '"
                                    + known + "'");
                        }
                    } catch (InvalidInputException e) {
                        violations.add("provider " + e.getMessage());
                    }
                });
        if (!violations.isEmpty()) {
            throw new InvalidConfigException("container.json was not written: " + String.join("; ", violations),
                    violations);
        }
    }
}
