package io.nanoclaw.admin.drift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.drift.DriftRules.GroupInput;
import io.nanoclaw.admin.drift.DriftRules.GroupResult;
import io.nanoclaw.admin.drift.DriftRules.SessionOverride;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.ContainerConfigRows;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.EraDetection;
import io.nanoclaw.admin.install.GroupsDirectory;
import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.install.InstallMode;
import io.nanoclaw.admin.providers.KnownProviders;
import io.nanoclaw.admin.providers.ProvidersProperties;

/**
 * Reads every group row, in the DB-config era every {@code container_configs} row, the sessions that can produce a
 * finding (those with an override, and those whose group is gone: the others resolve like a new session of their
 * group), every group folder and every container.json, and judges them with the era's {@link DriftRules}. Reads only.
 */
public class DriftScanner {

    static final String GROUPS_SQL = "SELECT id, name, folder, agent_provider FROM agent_groups";
    static final String SESSION_COLUMNS = "SELECT s.id, s.agent_group_id, s.agent_provider, s.status FROM sessions s";
    static final String OVERRIDES_SQL = SESSION_COLUMNS + " WHERE s.agent_provider IS NOT NULL";
    /** Answered from idx_sessions_agent_group alone; the few ids without a group row are then fetched. */
    static final String SESSION_GROUP_IDS_SQL = "SELECT DISTINCT agent_group_id FROM sessions";

    private final JdbcTemplate jdbc;
    private final InstallLayout install;
    private final ContainerConfigStore configs;
    private final ProvidersProperties providers;
    private final DriftProperties properties;
    private final Clock clock;
    private final DetectedEra era;
    private final ContainerConfigRows configRows;

    /** A scanner that detects the era itself, from the template's DataSource (for contexts without a DetectedEra bean). */
    public DriftScanner(JdbcTemplate jdbc, InstallLayout install, ContainerConfigStore configs,
            ProvidersProperties providers, DriftProperties properties, Clock clock) {
        this(jdbc, install, detect(jdbc), configs, providers, properties, clock);
    }

    public DriftScanner(JdbcTemplate jdbc, InstallLayout install, DetectedEra era, ContainerConfigStore configs,
            ProvidersProperties providers, DriftProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.era = era;
        this.configRows = new ContainerConfigRows(jdbc, era);
        this.install = install;
        this.configs = configs;
        this.providers = providers;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one read transaction saw; {@code configRows} is empty in the file era. */
    private record Rows(List<GroupRow> groups, List<SessionOverride> sessions, Map<String, ContainerConfigRow> configRows) {
    }

    private record GroupRow(String id, String name, String folder, String agentProvider) {
    }

    public DriftReport scan() {
        List<String> warnings = new ArrayList<>();
        Judge judge = judge();
        Rows rows = readRows(null);
        Map<String, List<SessionOverride>> overridesByGroup = new HashMap<>();
        Set<String> groupIds = new HashSet<>();
        for (GroupRow group : rows.groups()) {
            groupIds.add(group.id());
        }
        List<Finding> findings = new ArrayList<>();
        for (SessionOverride session : rows.sessions()) {
            if (groupIds.contains(session.agentGroupId())) {
                overridesByGroup.computeIfAbsent(session.agentGroupId(), id -> new ArrayList<>()).add(session);
            } else {
                findings.add(DriftRules.sessionGroupMissing(session));
            }
        }
        List<GroupDrift> groups = new ArrayList<>(rows.groups().size());
        Set<String> usedFolders = new HashSet<>();
        for (GroupRow group : rows.groups()) {
            usedFolders.add(group.folder());
            GroupResult result = judge.rules().judge(
                    input(group, overridesByGroup.getOrDefault(group.id(), List.of()), rows.configRows()));
            groups.add(result.drift());
            findings.addAll(result.findings());
        }
        findings.addAll(orphanFolders(usedFolders, warnings));
        for (ContainerConfigRow row : rows.configRows().values()) {
            if (!groupIds.contains(row.agentGroupId())) {
                findings.add(DriftRules.configRowOrphaned(row));
            }
        }
        return DriftReport.of(era.era(), clock.instant(), groups, findings, judge.inputs(warnings));
    }

    /** A fresh judgement of one group (its row, its overriding sessions, its file); empty when the row is gone. */
    public Optional<DriftReport> scanGroup(String groupId) {
        Judge judge = judge();
        Rows rows = readRows(groupId);
        if (rows.groups().isEmpty()) {
            return Optional.empty();
        }
        GroupResult result = judge.rules().judge(input(rows.groups().get(0), rows.sessions(), rows.configRows()));
        return Optional.of(DriftReport.of(era.era(), clock.instant(), List.of(result.drift()), result.findings(),
                judge.inputs(List.of())));
    }

    /** Fresh judgements of some groups, each read now; a group whose row is gone maps to an empty result. */
    Map<String, Optional<GroupResult>> judgeGroups(java.util.Collection<String> groupIds) {
        Judge judge = judge();
        Map<String, Optional<GroupResult>> results = new LinkedHashMap<>();
        for (String groupId : groupIds) {
            Rows rows = readRows(groupId);
            results.put(groupId, rows.groups().isEmpty() ? Optional.empty()
                    : Optional.of(judge.rules().judge(input(rows.groups().get(0), rows.sessions(), rows.configRows()))));
        }
        return results;
    }

    /** The folders under groups/ that no group uses, judged now. */
    List<Finding> orphanFolders(Set<String> usedFolders) {
        return orphanFolders(usedFolders, new ArrayList<>());
    }

    private static DetectedEra detect(JdbcTemplate jdbc) {
        try {
            return EraDetection.detect(jdbc.getDataSource());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the install's era from its DB: " + e.getMessage(), e);
        }
    }

    /** The era the scanner judges by. */
    public DetectedEra era() {
        return era;
    }

    /**
     * What the rules judge for one group, read now: its row, its config row (DB-config era), its overriding sessions and
     * its file; empty when the group row is gone. The group page draws the chains from it.
     */
    public Optional<GroupInput> readGroup(String groupId) {
        Rows rows = readRows(groupId);
        return rows.groups().isEmpty() ? Optional.empty()
                : Optional.of(input(rows.groups().get(0), rows.sessions(), rows.configRows()));
    }

    private GroupInput input(GroupRow group, List<SessionOverride> overrides, Map<String, ContainerConfigRow> configRows) {
        ContainerConfigFile file = configs.read(group.folder());
        return new GroupInput(group.id(), group.name(), group.folder(), group.agentProvider(), file, overrides,
                configRows.get(group.id()));
    }

    private List<Finding> orphanFolders(Set<String> usedFolders, List<String> warnings) {
        GroupsDirectory groups = install.groups();
        List<Finding> orphans = new ArrayList<>();
        List<String> names;
        try {
            names = groups.entryNames();
        } catch (RuntimeException e) {
            warnings.add("Could not list " + groups.root() + ": " + e.getMessage());
            return orphans;
        }
        if (names.isEmpty() && !java.nio.file.Files.isDirectory(groups.root())) {
            warnings.add("There is no groups folder at " + groups.root() + ".");
        }
        for (String name : names) {
            if (!usedFolders.contains(name) && DriftRules.isOrphanCandidate(name) && groups.isFolder(name)) {
                ContainerConfigFile file = configs.read(name);
                String provider = file.state() == ConfigFileState.OK ? DriftRules.fileProvider(file.document()) : null;
                orphans.add(DriftRules.orphanFolder(name, provider));
            }
        }
        return orphans;
    }

    /** The rules with what they judge against, loaded afresh for every scan (the files may have changed). */
    private record Judge(DriftRules rules, KnownProviders known, MountAllowlist allowlist) {

        ScanInputs inputs(List<String> warnings) {
            return new ScanInputs(known.runner(), known.runnerSource(), known.host(), known.hostSource(),
                    String.valueOf(allowlist.file()), allowlist.describe(), List.copyOf(warnings));
        }
    }

    private Judge judge() {
        KnownProviders known = KnownProviders.of(install.mode() == InstallMode.ATTACHED ? install.root() : null,
                providers.known());
        MountAllowlist allowlist = MountAllowlist.load(properties.mountAllowlistOrDefault());
        return new Judge(DriftRules.of(era.era(), known, allowlist), known, allowlist);
    }

    /** Both queries in one read transaction, so groups and sessions come from the same moment. */
    private Rows readRows(String groupId) {
        return jdbc.execute((ConnectionCallback<Rows>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Rows rows = groupId == null
                        ? allRows(connection)
                        : new Rows(groups(connection, GROUPS_SQL + " WHERE id = ?", groupId),
                                sessions(connection, "SELECT s.id, s.agent_group_id, s.agent_provider, s.status"
                                        + " FROM sessions s WHERE s.agent_group_id = ? AND s.agent_provider IS NOT NULL",
                                        groupId),
                                byGroup(era.era().isDbConfig()
                                        ? configRows.findByGroupId(connection, groupId).stream().toList() : List.of()));
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    private static Map<String, ContainerConfigRow> byGroup(List<ContainerConfigRow> rows) {
        Map<String, ContainerConfigRow> byGroup = new LinkedHashMap<>();
        rows.forEach(row -> byGroup.put(row.agentGroupId(), row));
        return byGroup;
    }

    /** Every group, its config row, the sessions with an override, and the sessions whose group has no row. */
    private Rows allRows(Connection connection) throws SQLException {
        List<GroupRow> groups = groups(connection, GROUPS_SQL);
        List<SessionOverride> sessions = sessions(connection, OVERRIDES_SQL);
        Set<String> groupIds = new HashSet<>();
        groups.forEach(group -> groupIds.add(group.id()));
        List<String> missing = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SESSION_GROUP_IDS_SQL);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (!groupIds.contains(rs.getString(1))) {
                    missing.add(rs.getString(1));
                }
            }
        }
        for (String id : missing) {
            for (SessionOverride session : sessions(connection,
                    SESSION_COLUMNS + " WHERE s.agent_group_id = ? AND s.agent_provider IS NULL", id)) {
                sessions.add(session);
            }
        }
        return new Rows(groups, sessions,
                byGroup(era.era().isDbConfig() ? configRows.findAll(connection) : List.of()));
    }

    private static List<GroupRow> groups(Connection connection, String sql, String... parameters) throws SQLException {
        List<GroupRow> groups = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                groups.add(new GroupRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return groups;
    }

    private static List<SessionOverride> sessions(Connection connection, String sql, String... parameters)
            throws SQLException {
        List<SessionOverride> sessions = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                sessions.add(new SessionOverride(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return sessions;
    }

    private static PreparedStatement prepare(Connection connection, String sql, String... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }
}
