package io.nanoclaw.admin.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.nanoclaw.admin.change.DbChange.Table;
import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.groups.ProviderEditService;

/** The file era: the provider is {@code agent_groups.agent_provider} and container.json's {@code provider}, together. */
public class FileEraConfigPlace implements ConfigPlace {

    private final EditTargets targets;

    public FileEraConfigPlace(EditTargets targets) {
        this.targets = targets;
    }

    @Override
    public Changes provider(AgentGroup group, String provider) {
        ContainerConfigFile file = targets.file(group);
        return Changes.of(
                List.of(new DbChange(Table.AGENT_GROUPS, group.id(), "agent_provider", group.agentProvider(), provider)),
                List.of(targets.withProvider(group, file, provider)));
    }

    @Override
    public Changes normalizeProvider(AgentGroup group) {
        ContainerConfigFile file = targets.file(group);
        List<FileChange> files = new ArrayList<>();
        if (file.state() == ConfigFileState.OK && file.document().provider().isPresent()) {
            files.add(targets.withProvider(group, file, normalized(file.document().provider().get())));
        }
        return Changes.of(List.of(new DbChange(Table.AGENT_GROUPS, group.id(), "agent_provider", group.agentProvider(),
                normalized(group.agentProvider()))), files);
    }

    @Override
    public Changes newGroup(AgentGroup group, String provider) {
        ContainerConfigFile file = targets.file(group);
        if (file.state() != ConfigFileState.MISSING && file.state() != ConfigFileState.FOLDER_MISSING) {
            return Changes.of(List.of(), List.of()); // an adopted folder keeps its file as it is
        }
        ContainerConfigDocument document = NanoclawDefaults.newConfig(group);
        return Changes.of(List.of(), List.of(targets.change(group, file,
                provider == null ? document : document.with("provider", provider))));
    }

    @Override
    public Changes rename(AgentGroup renamed) {
        ContainerConfigFile file = targets.file(renamed);
        return Changes.of(List.of(), file.state() == ConfigFileState.OK
                ? List.of(targets.change(renamed, file, file.document().with("groupName", renamed.name())
                        .with("assistantName", renamed.name())))
                : List.of());
    }

    @Override
    public void deleteWithGroup(org.springframework.jdbc.core.JdbcTemplate jdbc, String groupId) {
        // container.json lives in the folder, which the delete archives
    }

    @Override
    public String where() {
        return "in the DB and in container.json";
    }

    @Override
    public String provider(AgentGroup group) {
        return group.agentProvider();
    }

    @Override
    public List<String> whenItTakesEffect() {
        return List.of(ProviderEditService.NEXT_SPAWN);
    }

    public static String normalized(String provider) {
        return provider == null || provider.isEmpty() ? null : provider.toLowerCase(Locale.ROOT);
    }
}
