package io.nanoclaw.admin.groups;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.containerconfig.KnownField;
import io.nanoclaw.admin.dbconfig.Backfill;
import io.nanoclaw.admin.dbconfig.BackfillResult;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.ContainerConfigRows;
import io.nanoclaw.admin.drift.DriftService;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.InstallEra;
import io.nanoclaw.admin.providers.ProviderChain;

/** Agent groups, their DB row and their container.json side by side. Reads only. */
@Service
@Transactional(readOnly = true)
public class GroupService {

    public static final Set<String> SORTABLE = GroupModel.SORT_KEYS;
    public static final Sort DEFAULT_SORT = Sort.by("name");

    private final AgentGroupRepository groups;
    private final ContainerConfigStore configs;
    private final InstallEra era;
    private final ContainerConfigRows configRows;
    private final GroupModel model;
    private final ListedFiles listedFiles;
    private final DriftService drift;

    GroupService(AgentGroupRepository groups, ContainerConfigStore configs, DetectedEra era,
            ContainerConfigRows configRows, GroupModel model, ListedFiles listedFiles, DriftService drift) {
        this.drift = drift;
        this.groups = groups;
        this.model = model;
        this.listedFiles = listedFiles;
        this.configs = configs;
        this.era = era.era();
        this.configRows = configRows;
    }

    public InstallEra era() {
        return era;
    }

    /**
     * A DB-era group's {@code container_configs} row, what the next spawn writes from it and its diff to the file on
     * disk; for a group without a row, what the back-fill will do. Empty in the file era.
     */
    public Optional<ConfigRowView> configRow(String id, boolean revealSecrets) {
        if (!era.isDbConfig()) {
            return Optional.empty();
        }
        AgentGroup group = groups.findById(id).orElseThrow(() -> new GroupNotFoundException(id));
        ContainerConfigFile file = configs.read(group.folder());
        ContainerConfigRow row = configRows.findByGroupId(id).orElse(null);
        BackfillResult backfill = row == null ? Backfill.of(id, group.agentProvider(), file, "(next host start)") : null;
        return Optional.of(ConfigRowView.of(group.id(), group.name(), group.folder(), row, file, backfill, revealSecrets));
    }

    /** A page of groups, from the in-memory model; container.json is read for the groups on the page only. */
    public Page<GroupListItem> list(GroupFilter filter, Pageable pageable) {
        return model.find(filter, pageable).map(this::toListItem);
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

    /** The groups whose provider in force is {@code provider} ({@code (unset)} for none), for the sessions list. */
    public Set<String> idsWithProvider(String provider) {
        return model.idsWithProvider(provider);
    }

    /** These groups as the list shows them (their files read), by id; for the sessions on one page. */
    public Map<String, GroupListItem> itemsOf(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, GroupListItem> items = new HashMap<>();
        list(new GroupFilter(null, null, Set.copyOf(ids)), org.springframework.data.domain.PageRequest.of(0, ids.size()))
                .forEach(item -> items.put(item.id(), item));
        return items;
    }

    /** The folder of each group id that exists, for lists that show groups by folder. */
    public Map<String, String> foldersOf(Collection<String> ids) {
        Map<String, String> folders = new HashMap<>();
        groups.findAllById(ids).forEach(group -> folders.put(group.id(), group.folder()));
        return folders;
    }

    private GroupListItem toListItem(GroupRow row) {
        ContainerConfigFile file = listedFiles.read(row.folder());
        var providerField = file.documentIfOk().flatMap(document -> document.field(KnownField.PROVIDER));
        String fileProvider = providerField.map(GroupConfigView::display).orElse(null);
        String backfillProvider = era.isDbConfig() && !row.hasConfigRow()
                ? Backfill.of(row.id(), row.agentProvider(), file, "").provider() : null;
        return new GroupListItem(row.id(), row.name(), row.folder(), era, row.agentProvider(), row.configProvider(),
                row.hasConfigRow(), backfillProvider, fileProvider, file.state(), row.sessionCount(),
                row.overrideCount(), row.createdAt(), drift.statusOf(row.id()),
                ProviderChain.fromFile(providerField.orElse(null)));
    }
}
