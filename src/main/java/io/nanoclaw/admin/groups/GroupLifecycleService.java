package io.nanoclaw.admin.groups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.change.ChangeExecutor;
import io.nanoclaw.admin.change.ChangeJournal;
import io.nanoclaw.admin.change.JournalSteps;
import io.nanoclaw.admin.change.ChangePlan;
import io.nanoclaw.admin.change.DbInsert;
import io.nanoclaw.admin.change.DbChange;
import io.nanoclaw.admin.change.DbChange.Table;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.install.GroupFolder;
import io.nanoclaw.admin.install.GroupsDirectory;
import io.nanoclaw.admin.install.InstallProperties;
import io.nanoclaw.admin.change.ConfigPlace;
import io.nanoclaw.admin.change.EditRunner;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.web.InvalidInputException;
import io.nanoclaw.admin.change.EditRefusedException;
import io.nanoclaw.admin.change.EditResult;

/**
 * Creating, renaming and deleting groups, row and folder together. Deleting never removes a folder: it is moved to
 * {@code <data-dir>/archive/}.
 */
@Service
public class GroupLifecycleService {

    private static final DateTimeFormatter NANOCLAW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgentGroupRepository groups;
    private final EditTargets targets;
    private final EditRunner runner;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ContainerConfigStore configs;
    private final GroupsDirectory folders;
    private final AuditService audit;
    private final Path archive;
    private final Clock clock = Clock.systemUTC();

    private final ConfigPlace place;
    private final ChangeExecutor executor;
    private final ChangeJournal journal;

    public GroupLifecycleService(AgentGroupRepository groups, EditTargets targets, EditRunner runner, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, ContainerConfigStore configs, GroupsDirectory folders,
            AuditService audit, InstallProperties install, ConfigPlace place, ChangeExecutor executor,
            ChangeJournal journal) {
        this.journal = journal;
        this.place = place;
        this.executor = executor;
        this.groups = groups;
        this.targets = targets;
        this.runner = runner;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.configs = configs;
        this.folders = folders;
        this.audit = audit;
        this.archive = install.dataDir().toAbsolutePath().normalize().resolve("archive");
    }

    /** What a create or delete did; {@code created} false when the folder's group already existed. */
    public record LifecycleResult(String groupId, String folder, boolean created, String summary) {
    }

    /**
     * Creates the row, the folder (unless it exists, e.g. an orphan being adopted) and container.json (unless one
     * exists). Idempotent on the folder: asking again for an existing group's folder returns that group.
     */
    public LifecycleResult create(String name, String folderName, String requestedProvider, String reason) {
        checkName(name);
        AuditService.checkReason(reason);
        GroupFolder folder = folder(folderName);
        String provider = targets.provider("agentProvider", requestedProvider);
        Optional<AgentGroup> existing = groups.findByFolder(folder.name());
        if (existing.isPresent()) {
            return new LifecycleResult(existing.get().id(), folder.name(), false,
                    "groups/" + folder.name() + " already belongs to group " + existing.get().id());
        }
        Instant now = clock.instant();
        AgentGroup group = new AgentGroup("ag-" + now.toEpochMilli() + "-" + randomSuffix(), name.strip(), folder.name(),
                provider, NANOCLAW_TIME.format(now));
        Path path = folders.folder(folder);
        boolean folderExisted = Files.isDirectory(path);
        String summary = "Create group " + group.name() + " (" + group.id() + ") in groups/" + folder.name()
                + (folderExisted ? ", adopting the existing folder" : "");
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("name", group.name());
        columns.put("folder", group.folder());
        columns.put("agent_provider", group.agentProvider());
        columns.put("created_at", group.createdAt());
        ConfigPlace.Changes config = place.newGroup(group, provider);
        List<DbInsert> inserts = new ArrayList<>();
        inserts.add(new DbInsert(Table.AGENT_GROUPS, group.id(), columns));
        inserts.addAll(config.inserts());
        // One unit: the rows, then the folder and container.json (created if missing, removed again if the commit fails).
        executor.apply(new ChangePlan("CREATE_GROUP", group.id(), folder.name(), null, summary, inserts, config.db(),
                config.files(), place.whenItTakesEffect()), reason);
        if (!Files.isDirectory(path)) {
            try {
                Files.createDirectories(path);
            } catch (IOException e) {
                throw new UncheckedIOException("The group was created, but its folder " + path + " could not be", e);
            }
        }
        runner.recheck(group.id());
        return new LifecycleResult(group.id(), folder.name(), true, summary);
    }

    /** Renames the group: the DB name and the file's groupName and assistantName together; other keys untouched. */
    public EditResult rename(String groupId, String newName, boolean dryRun, String reason) {
        checkName(newName);
        AgentGroup group = targets.group(groupId);
        AgentGroup renamed = new AgentGroup(group.id(), newName.strip(), group.folder(), group.agentProvider(),
                group.createdAt());
        ConfigPlace.Changes config = place.rename(renamed);
        ChangePlan plan = new ChangePlan("RENAME_GROUP", group.id(), group.folder(), null,
                "Rename " + group.folder() + " from '" + group.name() + "' to '" + renamed.name() + "'",
                List.of(new DbChange(Table.AGENT_GROUPS, group.id(), "name", group.name(), renamed.name())),
                config.files(), place.whenItTakesEffect());
        return runner.run(plan, dryRun, reason);
    }

    /**
     * Deletes the row, its sessions and chat routes, and moves the folder to the archive. Refused while a session is
     * active, unless forced.
     */
    public LifecycleResult delete(String groupId, boolean force, String reason) {
        AgentGroup group = targets.group(groupId);
        int active = jdbc.queryForObject("SELECT COUNT(*) FROM sessions WHERE agent_group_id = ? AND status = 'active'",
                Integer.class, groupId);
        if (active > 0 && !force) {
            throw new EditRefusedException(group.folder() + " has " + active + " active session(s); NanoClaw may be"
                    + " using it. Close them first, or delete with force=true.");
        }
        Path folder = GroupFolder.isValid(group.folder()) ? folders.folder(new GroupFolder(group.folder())) : null;
        Path archived = archive.resolve(group.folder() + "-" + clock.instant().toEpochMilli());
        boolean moved = folder != null && Files.isDirectory(folder);
        int[] counts = new int[2];
        String planned = "Delete group " + group.name() + " (" + group.id() + ")"
                + (moved ? "; move groups/" + group.folder() + " to " + archived : "; it has no folder");
        long entry = journal.begin(AuditService.Entry.of("DELETE_GROUP", group.id(), group.folder(), null, reason,
                planned, null, null), new JournalSteps(List.of(new JournalSteps.Probe(JournalSteps.ProbeKind.DELETED,
                        Table.AGENT_GROUPS.sql(), Table.AGENT_GROUPS.key(), group.id(), null, null, null)), List.of(),
                moved ? List.of(new JournalSteps.MoveStep(folder.toString(), archived.toString())) : List.of()));
        try {
            transactions.executeWithoutResult(status -> {
                counts[0] = jdbc.update("DELETE FROM sessions WHERE agent_group_id = ?", groupId);
                counts[1] = deleteRoutes(groupId);
                place.deleteWithGroup(jdbc, groupId);
                jdbc.update("DELETE FROM agent_groups WHERE id = ?", groupId);
                if (moved) {
                    move(folder, archived);
                }
            });
        } catch (RuntimeException e) {
            if (moved && Files.isDirectory(archived) && !Files.exists(folder)) {
                move(archived, folder);
            }
            journal.abandon(entry);
            throw e;
        }
        String summary = "Delete group " + group.name() + " (" + group.id() + "), its " + counts[0] + " session(s)"
                + (moved ? "; groups/" + group.folder() + " moved to " + archived : "; it had no folder");
        journal.complete(entry, AuditService.Entry.of("DELETE_GROUP", group.id(), group.folder(), null, reason, summary,
                "agent_groups[" + group.id() + "]: deleted, with " + counts[0] + " session(s) and " + counts[1]
                        + " chat route(s)", null));
        runner.recheck(group.id());
        return new LifecycleResult(group.id(), group.folder(), false, summary);
    }

    /** The longest group name kept; NanoClaw sets none, but a name must fit the audit trail and every page. */
    static final int MAX_NAME_CHARS = 200;

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.field("name", "a group needs a name");
        }
        if (name.strip().length() > MAX_NAME_CHARS) {
            throw InvalidInputException.field("name", "the name has " + name.strip().length() + " characters; at most "
                    + MAX_NAME_CHARS + " are allowed");
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw InvalidInputException.field("name", "the name must not contain control characters (tabs, line"
                    + " breaks, NUL)");
        }
    }

    private int deleteRoutes(String groupId) {
        try {
            return jdbc.update("DELETE FROM messaging_group_agents WHERE agent_group_id = ?", groupId);
        } catch (org.springframework.jdbc.BadSqlGrammarException noSuchTable) {
            return 0; // an install without chat routing
        }
    }

    private GroupFolder folder(String name) {
        String problem = GroupFolder.problemWith(name);
        if (problem != null) {
            throw InvalidInputException.field("folder", "'" + name + "' cannot be a group folder: " + problem);
        }
        return new GroupFolder(name);
    }

    private static void move(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.move(from, to);
            } catch (IOException again) {
                throw new UncheckedIOException("Could not move " + from + " to " + to, again);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the folder was created by this request
        }
    }

    private static String randomSuffix() {
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return suffix.toString();
    }
}
