package io.nanoclaw.admin.drift;

import java.util.List;
import java.util.Locale;

import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.KnownField;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.install.GroupFolder;
import io.nanoclaw.admin.install.InstallEra;
import io.nanoclaw.admin.providers.KnownProviders;
import io.nanoclaw.admin.providers.ProviderChain;

/**
 * The catalogue's rules ({@code reference/drift-kinds.md}) for one group, as one era has them: pure, no I/O. The
 * scanner feeds them the group row, its {@code container_configs} row (DB-config era), the sessions that carry an
 * override, and what the store read of container.json. {@link FileEraRules} and {@link DbEraRules} are the two eras.
 */
public interface DriftRules {

    /**
     * A group row and what belongs to it.
     *
     * @param configRow the group's {@code container_configs} row (DB-config era); null when it has none, and always in
     *        the file era
     */
    record GroupInput(String id, String name, String folder, String agentProvider, ContainerConfigFile file,
            List<SessionOverride> overrides, ContainerConfigRow configRow) {

        /** A group of the file era, which has no config row. */
        public GroupInput(String id, String name, String folder, String agentProvider, ContainerConfigFile file,
                List<SessionOverride> overrides) {
            this(id, name, folder, agentProvider, file, overrides, null);
        }
    }

    /** A session whose {@code agent_provider} is not NULL ('' included). */
    record SessionOverride(String id, String agentGroupId, String agentProvider, String status) {

        boolean active() {
            return "active".equals(status);
        }
    }

    /** A group's status and its findings. */
    record GroupResult(GroupDrift drift, List<Finding> findings) {
    }

    GroupResult judge(GroupInput group);

    static DriftRules of(InstallEra era, KnownProviders providers, MountAllowlist mounts) {
        return era == InstallEra.DB_CONFIG ? new DbEraRules(providers, mounts) : new FileEraRules(providers, mounts);
    }

    /** A folder under groups/ with no group row (the reserved {@code global} and hidden folders excepted). */
    static boolean isOrphanCandidate(String folderName) {
        return !folderName.startsWith(".") && !folderName.toLowerCase(Locale.ROOT).equals(GroupFolder.RESERVED_GLOBAL);
    }

    static Finding orphanFolder(String folder, String fileProvider) {
        return new Finding(FindingKind.ORPHAN_FOLDER, Severity.WARNING, null, folder, null, null, fileProvider, null, null,
                "groups/" + folder + " belongs to no group row: nothing uses it.", List.of());
    }

    static Finding sessionGroupMissing(SessionOverride session) {
        return new Finding(FindingKind.SESSION_GROUP_MISSING, Severity.ERROR, session.agentGroupId(), null, session.id(),
                session.agentProvider(), null, null, null,
                "Session " + session.id() + " belongs to group " + session.agentGroupId()
                        + ", which has no row: the session cannot spawn.",
                List.of());
    }

    static Finding configRowOrphaned(ContainerConfigRow row) {
        return new Finding(FindingKind.CONFIG_ROW_ORPHANED, Severity.INFO, row.agentGroupId(), null, null,
                row.provider(), null, null, null,
                "container_configs holds a row for " + row.agentGroupId() + ", which has no group (left by a delete"
                        + " without foreign keys): nothing uses it.",
                List.of());
    }

    /** The provider value as the runner and the host see it. */
    static String fileProvider(ContainerConfigDocument document) {
        return ProviderChain.fromFile(document.field(KnownField.PROVIDER).orElse(null));
    }
}
