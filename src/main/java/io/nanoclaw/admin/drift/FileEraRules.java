package io.nanoclaw.admin.drift;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.ContainerConfigValidator;
import io.nanoclaw.admin.containerconfig.KnownField;
import io.nanoclaw.admin.providers.KnownProviders;
import io.nanoclaw.admin.providers.ProviderChain;

/**
 * The file era's rules ({@code reference/drift-kinds.md}, first half) for one group: pure, no I/O. container.json is
 * the source; the host reads the DB columns first.
 */
public final class FileEraRules implements DriftRules {

    private final KnownProviders providers;
    private final MountAllowlist mounts;

    public FileEraRules(KnownProviders providers, MountAllowlist mounts) {
        this.providers = providers;
        this.mounts = mounts;
    }

    @Override
    public GroupResult judge(GroupInput group) {
        Judgement judgement = new Judgement(group);
        judgement.folder();
        judgement.file();
        judgement.groupProviders();
        for (SessionOverride session : group.overrides()) {
            judgement.session(session);
        }
        return judgement.result();
    }

    private final class Judgement extends GroupJudgement {

        private final ContainerConfigDocument document;

        Judgement(GroupInput group, String fileProvider) {
            super(group, fileProvider, ProviderChain.host(null, group.agentProvider(), fileProvider),
                    ProviderChain.runner(fileProvider));
            this.document = group.file().effectiveDocument();
        }

        Judgement(GroupInput group) {
            this(group, DriftRules.fileProvider(group.file().effectiveDocument()));
        }

        @Override
        String dbValue() {
            return group.agentProvider();
        }

        void folder() {
            folder("without its CLAUDE.md or skills");
        }

        void file() {
            ContainerConfigFile file = group.file();
            switch (file.state()) {
                case MISSING -> add(FindingKind.CONFIG_FILE_MISSING, Severity.INFO, null,
                        "There is no container.json: both sides read {} and the host writes one at the next spawn.",
                        List.of(Fix.CREATE_CONFIG_FILE));
                case MALFORMED, NOT_AN_OBJECT -> add(FindingKind.CONFIG_FILE_MALFORMED, Severity.ERROR, null,
                        "container.json cannot be used (" + file.errorMessage() + "): it reads as {}, and the next"
                                + " spawn overwrites it with defaults, losing MCP servers, packages, mounts and skills.",
                        List.of(Fix.RESTORE_CONFIG_VERSION, Fix.RESET_CONFIG_FILE));
                case UNREADABLE -> add(FindingKind.CONFIG_FILE_UNREADABLE, Severity.ERROR, null,
                        "container.json cannot be read (" + file.errorMessage() + "): both sides read {}.", List.of());
                case OK -> document();
                default -> {
                }
            }
        }

        private void document() {
            for (ContainerConfigValidator.Problem problem : ContainerConfigValidator.check(document)) {
                String value = document.field(problem.field()).map(ContainerConfigFormat::compact).orElse(null);
                add(FindingKind.CONFIG_FIELD_INVALID, Severity.ERROR, value,
                        "container.json " + problem.message() + ": NanoClaw's behaviour is undefined.", List.of());
            }
            identity();
            mounts();
        }

        private void identity() {
            List<String> stale = new ArrayList<>();
            List<String> absent = new ArrayList<>();
            compareIdentity(KnownField.AGENT_GROUP_ID, group.id(), stale, absent);
            compareIdentity(KnownField.GROUP_NAME, group.name(), stale, absent);
            compareIdentity(KnownField.ASSISTANT_NAME, group.name(), stale, absent);
            if (!stale.isEmpty()) {
                add(FindingKind.IDENTITY_STALE, Severity.WARNING, null,
                        "container.json " + String.join(", ", stale) + ": the host rewrites the file at the next spawn.",
                        List.of(Fix.REFRESH_IDENTITY));
            }
            List<String> unknown = document.unknownKeys();
            if (!unknown.isEmpty() && (!stale.isEmpty() || !absent.isEmpty())) {
                add(FindingKind.UNKNOWN_KEYS_AT_RISK, Severity.WARNING, String.join(", ", unknown),
                        "The next spawn rewrites container.json and drops the keys the host does not know: "
                                + String.join(", ", unknown) + ".",
                        List.of(Fix.REFRESH_IDENTITY));
            }
        }

        private void compareIdentity(KnownField field, String expected, List<String> stale, List<String> absent) {
            JsonNode value = document.field(field).orElse(null);
            if (value == null) {
                absent.add(field.key());
            } else if (!value.isString() || !value.stringValue().equals(expected)) {
                stale.add(field.key() + " is " + ContainerConfigFormat.compact(value) + ", the DB says \"" + expected + "\"");
            }
        }

        private void mounts() {
            for (MountCheck mount : MountCheck.rejected(document.field(KnownField.ADDITIONAL_MOUNTS).orElse(null), mounts)) {
                add(FindingKind.MOUNT_NOT_ALLOWED, Severity.ERROR, mount.mount(),
                        "The mount of " + mount.hostPath() + " is rejected at spawn: " + mount.rejection() + ".", List.of());
            }
        }

        void groupProviders() {
            String dbProvider = group.agentProvider();
            if ("".equals(dbProvider)) {
                add(FindingKind.PROVIDER_EMPTY_STRING, Severity.INFO, null,
                        "agent_groups.agent_provider holds '' (treated as unset); NULL says the same plainly.",
                        List.of(Fix.NORMALIZE_PROVIDER));
            }
            if (ProviderChain.isSet(dbProvider) && !lower(dbProvider).equals(runner)) {
                add(FindingKind.GROUP_PROVIDER_MISMATCH, Severity.ERROR, null,
                        "The DB says " + dbProvider + " but container.json "
                                + (fileProvider == null ? "names no provider" : "says " + fileProvider)
                                + ": the host prepares " + host + ", the runner runs " + runner + ".",
                        List.of(Fix.ALIGN_FROM_DB, Fix.ALIGN_FROM_FILE));
            }
            if (!providers.runnerKnows(runner)) {
                runnerIsUnknown();
                add(FindingKind.PROVIDER_UNKNOWN, Severity.ERROR, null,
                        "The runner would start '" + runner + "', which it has no provider for: the container exits"
                                + " with 'Unknown provider' (known: " + String.join(", ", providers.runner()) + ").",
                        ProviderChain.isSet(dbProvider) && providers.runnerKnows(lower(dbProvider))
                                ? List.of(Fix.ALIGN_FROM_DB) : List.of());
            }
            if (ProviderChain.isSet(dbProvider) && !providers.hostKnows(lower(dbProvider))
                    && !(lower(dbProvider).equals(runner) && !providers.runnerKnows(runner))) {
                add(FindingKind.PROVIDER_UNKNOWN, Severity.ERROR, null,
                        "The DB names '" + dbProvider + "', a provider the host does not know: it adds no mounts or"
                                + " environment for it.",
                        fileProvider != null && providers.hostKnows(lower(fileProvider))
                                ? List.of(Fix.ALIGN_FROM_FILE) : List.of());
            }
            if (dbProvider != null && !dbProvider.equals(lower(dbProvider))) {
                add(FindingKind.PROVIDER_NOT_NORMALIZED, Severity.INFO, null,
                        "agent_groups.agent_provider '" + dbProvider + "' has upper-case letters; it works because both"
                                + " sides lower-case it.",
                        List.of(Fix.NORMALIZE_PROVIDER));
            }
            if (document.provider().filter(p -> !p.equals(lower(p))).isPresent()) {
                add(FindingKind.PROVIDER_NOT_NORMALIZED, Severity.INFO, null,
                        "container.json provider '" + fileProvider + "' has upper-case letters; it works because both"
                                + " sides lower-case it.",
                        List.of(Fix.NORMALIZE_PROVIDER));
            }
        }

        void session(SessionOverride session) {
            if (emptyOverride(session)) {
                return;
            }
            String override = session.agentProvider();
            String sessionHost = ProviderChain.host(override, group.agentProvider(), fileProvider);
            if (!sessionHost.equals(runner)) {
                addSession(session, FindingKind.SESSION_PROVIDER_MISMATCH, session.active() ? Severity.ERROR : Severity.INFO,
                        sessionHost,
                        "Session " + session.id() + " (" + session.status() + ") overrides the provider with " + override
                                + ": the host prepares " + sessionHost + ", but the runner reads only container.json and"
                                + " runs " + runner + ".",
                        List.of(Fix.CLEAR_SESSION_OVERRIDE, Fix.PROMOTE_SESSION_OVERRIDE));
            } else if (lower(override).equals(host)) {
                addSession(session, FindingKind.SESSION_OVERRIDE_REDUNDANT, Severity.INFO, sessionHost,
                        "Session " + session.id() + " overrides the provider with " + override + ", which it would get"
                                + " anyway; the override pins it against later group changes.",
                        List.of(Fix.CLEAR_SESSION_OVERRIDE));
            }
            overrideHygiene(session, sessionHost, providers);
        }
    }
}
