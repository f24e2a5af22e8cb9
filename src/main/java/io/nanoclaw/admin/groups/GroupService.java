package io.nanoclaw.admin.groups;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.containerconfig.KnownField;
import io.nanoclaw.admin.providers.ProviderChain;

/** Agent groups, their DB row and their container.json side by side. Reads only. */
@Service
@Transactional(readOnly = true)
public class GroupService {

    public static final Set<String> SORTABLE = GroupRowQueriesImpl.SORT_COLUMNS.keySet();
    public static final Sort DEFAULT_SORT = Sort.by("name");

    private final AgentGroupRepository groups;
    private final ContainerConfigStore configs;

    public GroupService(AgentGroupRepository groups, ContainerConfigStore configs) {
        this.groups = groups;
        this.configs = configs;
    }

    /** A page of groups; container.json is read for the groups on the page only. */
    public Page<GroupListItem> list(GroupFilter filter, Pageable pageable) {
        return groups.findRows(filter, pageable).map(this::toListItem);
    }

    public GroupListItem get(String id) {
        GroupRow row = groups.findRow(id);
        if (row == null) {
            throw new GroupNotFoundException(id);
        }
        return toListItem(row);
    }

    public GroupConfigView containerConfig(String id, boolean revealSecrets) {
        AgentGroup group = groups.findById(id).orElseThrow(() -> new GroupNotFoundException(id));
        return GroupConfigView.of(configs.read(group.folder()), revealSecrets);
    }

    /** The folder of each group id that exists, for lists that show groups by folder. */
    public Map<String, String> foldersOf(Collection<String> ids) {
        Map<String, String> folders = new HashMap<>();
        groups.findAllById(ids).forEach(group -> folders.put(group.id(), group.folder()));
        return folders;
    }

    private GroupListItem toListItem(GroupRow row) {
        ContainerConfigFile file = configs.read(row.folder());
        var providerField = file.documentIfOk().flatMap(document -> document.field(KnownField.PROVIDER));
        String fileProvider = providerField.map(GroupConfigView::display).orElse(null);
        return new GroupListItem(row.id(), row.name(), row.folder(), row.agentProvider(), fileProvider, file.state(),
                row.sessionCount(), row.overrideCount(), row.createdAt(),
                ProviderChain.fromFile(providerField.orElse(null)));
    }
}
