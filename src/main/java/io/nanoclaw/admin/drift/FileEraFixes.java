package io.nanoclaw.admin.drift;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.nanoclaw.admin.change.ChangePlan;
import io.nanoclaw.admin.change.DbChange;
import io.nanoclaw.admin.change.DbChange.Table;
import io.nanoclaw.admin.change.FileChange;
import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ConfigVersion;
import io.nanoclaw.admin.containerconfig.ConfigVersionRepository;
import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.KnownField;
import io.nanoclaw.admin.drift.FixService.FixRequest;
import io.nanoclaw.admin.drift.FixService.Source;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.install.StoreSeal;
import io.nanoclaw.admin.providers.ProviderChain;
import io.nanoclaw.admin.sessions.Session;
import io.nanoclaw.admin.change.EditRefusedException;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.web.InvalidInputException;
import io.nanoclaw.admin.change.NanoclawDefaults;
import io.nanoclaw.admin.groups.ProviderEditService;

/** The file era's fixes: the DB column and container.json are the two sides. */
public class FileEraFixes implements Fixes {

    private final EditTargets targets;
    private final ConfigVersionRepository versions;
    private final StoreSeal seal;

    public FileEraFixes(EditTargets targets, ConfigVersionRepository versions, StoreSeal seal) {
        this.seal = seal;
        this.targets = targets;
        this.versions = versions;
    }

    @Override
    public Set<FindingKind> defaultAlignKinds() {
        return Set.of(FindingKind.GROUP_PROVIDER_MISMATCH);
    }

    @Override
    public Fix alignFix(Source source) {
        return source == Source.DB ? Fix.ALIGN_FROM_DB : Fix.ALIGN_FROM_FILE;
    }

    @Override
    public ChangePlan plan(AgentGroup group, FixRequest request) {
        ContainerConfigFile file = targets.file(group);
        String action = "FIX:" + request.fix();
        return switch (request.fix()) {
            case ALIGN_FROM_DB -> {
                if (!ProviderChain.isSet(group.agentProvider())) {
                    throw new EditRefusedException(group.folder() + " has no provider in the DB to write to the file;"
                            + " use ALIGN_FROM_FILE, or set the group's provider.");
                }
                String provider = group.agentProvider().toLowerCase(Locale.ROOT);
                yield plan(action, group, null, "Write the DB's provider " + provider + " into container.json",
                        List.of(), List.of(targets.withProvider(group, file, provider)));
            }
            case ALIGN_FROM_FILE -> {
                String fileProvider = file.state() == ConfigFileState.OK
                        ? ProviderChain.fromFile(file.document().field(KnownField.PROVIDER).orElse(null)) : null;
                if (file.state() != ConfigFileState.OK && file.state() != ConfigFileState.MISSING) {
                    throw new EditRefusedException("container.json of " + group.folder() + " is " + file.state()
                            + ": there is no provider to take from it.");
                }
                yield plan(action, group, null, fileProvider == null
                                ? "Clear the DB's provider: container.json names none (the runner runs claude)"
                                : "Set the DB's provider to container.json's " + fileProvider,
                        List.of(new DbChange(Table.AGENT_GROUPS, group.id(), "agent_provider", group.agentProvider(),
                                fileProvider)), List.of());
            }
            case CLEAR_SESSION_OVERRIDE -> {
                Session session = sessionOf(group, request);
                yield plan(action, group, session.id(), "Clear the provider override of session " + session.id(),
                        List.of(new DbChange(Table.SESSIONS, session.id(), "agent_provider", session.agentProvider(), null)),
                        List.of());
            }
            case PROMOTE_SESSION_OVERRIDE -> {
                Session session = sessionOf(group, request);
                if (!ProviderChain.isSet(session.agentProvider())) {
                    throw new EditRefusedException("Session " + session.id() + " has no override to promote.");
                }
                String provider = targets.provider("sessionId", session.agentProvider());
                yield plan(action, group, session.id(), "Make " + provider + " the provider of " + group.folder()
                                + " (DB and file) and clear the override of session " + session.id(),
                        List.of(new DbChange(Table.AGENT_GROUPS, group.id(), "agent_provider", group.agentProvider(), provider),
                                new DbChange(Table.SESSIONS, session.id(), "agent_provider", session.agentProvider(), null)),
                        List.of(targets.withProvider(group, file, provider)));
            }
            case NORMALIZE_PROVIDER -> normalize(action, group, file, request);
            case CREATE_CONFIG_FILE -> {
                if (file.state() != ConfigFileState.MISSING) {
                    throw new EditRefusedException("groups/" + group.folder() + " is " + file.state()
                            + ": CREATE_CONFIG_FILE only applies to a folder without container.json.");
                }
                yield plan(action, group, null, "Create container.json with NanoClaw's defaults and the group's identity",
                        List.of(), List.of(targets.change(group, file, NanoclawDefaults.newConfig(group))));
            }
            case REFRESH_IDENTITY -> plan(action, group, null,
                    "Write agentGroupId, groupName and assistantName from the DB row, keeping every other key",
                    List.of(), List.of(targets.change(group, file,
                            NanoclawDefaults.withIdentity(targets.editable(group, file), group))));
            case RESTORE_CONFIG_VERSION -> restore(action, group, file, request);
            case RECREATE_GROUP_FOLDER -> {
                if (file.state() != ConfigFileState.FOLDER_MISSING) {
                    throw new EditRefusedException("groups/" + group.folder() + " exists: nothing to recreate.");
                }
                yield plan(action, group, null, "Create groups/" + group.folder() + " with NanoClaw's default"
                                + " container.json", List.of(),
                        List.of(targets.change(group, file, withDbProvider(NanoclawDefaults.newConfig(group), group))));
            }
            case RESET_CONFIG_FILE -> {
                boolean oversized = file.state() == ConfigFileState.UNREADABLE && !file.version().isAbsent();
                if (file.state() != ConfigFileState.MALFORMED && file.state() != ConfigFileState.NOT_AN_OBJECT
                        && !oversized) {
                    throw new EditRefusedException("container.json of " + group.folder() + " is " + file.state()
                            + ": RESET_CONFIG_FILE only replaces a file NanoClaw cannot read.");
                }
                yield plan(action, group, null, "Replace the unusable container.json with NanoClaw's defaults, the"
                                + " identity and the DB's provider; the old bytes stay in the history", List.of(),
                        List.of(targets.change(group, file, withDbProvider(NanoclawDefaults.newConfig(group), group))));
            }
            case MATERIALIZE_FROM_DB, IMPORT_FILE_INTO_DB, CLEAR_LEGACY_PROVIDER, CREATE_CONFIG_ROW,
                    NORMALIZE_ASSISTANT_NAME -> throw new EditRefusedException(request.fix() + " is a fix of the"
                            + " DB-config era; this install is in the file era, where container.json is the source.");
        };
    }

    private ChangePlan normalize(String action, AgentGroup group, ContainerConfigFile file, FixRequest request) {
        if (request.sessionId() != null) {
            Session session = sessionOf(group, request);
            return plan(action, group, session.id(), "Normalise the override of session " + session.id(),
                    List.of(new DbChange(Table.SESSIONS, session.id(), "agent_provider", session.agentProvider(),
                            normalized(session.agentProvider()))), List.of());
        }
        List<FileChange> files = new ArrayList<>();
        if (file.state() == ConfigFileState.OK && file.document().provider().isPresent()) {
            String provider = file.document().provider().get();
            files.add(targets.withProvider(group, file, normalized(provider)));
        }
        return plan(action, group, null, "Lower-case the provider of " + group.folder() + " ('' becomes NULL)",
                List.of(new DbChange(Table.AGENT_GROUPS, group.id(), "agent_provider", group.agentProvider(),
                        normalized(group.agentProvider()))), files);
    }

    private ChangePlan restore(String action, AgentGroup group, ContainerConfigFile file, FixRequest request) {
        if (request.version() == null) {
            throw InvalidInputException.field("version", "name the history entry to restore (see"
                    + " GET /api/groups/{id}/container-config/history)");
        }
        ConfigVersion version = versions.findById(request.version())
                .filter(v -> v.folder().equals(group.folder()))
                .orElseThrow(() -> InvalidInputException.field("version", "groups/" + group.folder()
                        + " has no history entry " + request.version()));
        if (!version.hadFile()) {
            throw new EditRefusedException("History entry " + version.id() + " records that there was no file;"
                    + " restoring an absence is not offered.");
        }
        String text = version.text(seal);
        return plan(action, group, null, "Put back the container.json replaced at " + version.replacedAt() + " by "
                        + version.replacedBy(), List.of(),
                List.of(FileChange.of(group.folder(), file.version(), file.rawText(), text)));
    }

    private Session sessionOf(AgentGroup group, FixRequest request) {
        if (request.sessionId() == null) {
            throw InvalidInputException.field("sessionId", request.fix() + " needs a sessionId");
        }
        Session session = targets.session(request.sessionId());
        if (!session.agentGroupId().equals(group.id())) {
            throw InvalidInputException.field("sessionId", "session " + session.id() + " belongs to another group");
        }
        return session;
    }

    private static ContainerConfigDocument withDbProvider(ContainerConfigDocument document, AgentGroup group) {
        return ProviderChain.isSet(group.agentProvider())
                ? document.with(KnownField.PROVIDER.key(), group.agentProvider().toLowerCase(Locale.ROOT)) : document;
    }

    private static String normalized(String provider) {
        return provider == null || provider.isEmpty() ? null : provider.toLowerCase(Locale.ROOT);
    }

    private static ChangePlan plan(String action, AgentGroup group, String sessionId, String summary,
            List<DbChange> db, List<FileChange> files) {
        return new ChangePlan(action, group.id(), group.folder(), sessionId, summary, db, files,
                List.of(ProviderEditService.NEXT_SPAWN));
    }
}
