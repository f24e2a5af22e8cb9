package io.nanoclaw.admin.drift;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.JsonValues;
import io.nanoclaw.admin.containerconfig.KnownField;
import io.nanoclaw.admin.dbconfig.Backfill;
import io.nanoclaw.admin.dbconfig.BackfillResult;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.ContainerConfigRowValidator;
import io.nanoclaw.admin.dbconfig.Materialized;
import io.nanoclaw.admin.dbconfig.Materializer;
import io.nanoclaw.admin.dbconfig.RowProblem;
import io.nanoclaw.admin.providers.EraChains;
import io.nanoclaw.admin.providers.KnownProviders;
import io.nanoclaw.admin.providers.ProviderChain;
import io.nanoclaw.admin.providers.ProviderSources;

/**
 * The DB-config era's rules ({@code reference/drift-kinds.md}, second half) for one group: pure, no I/O. The
 * {@code container_configs} row is the source; container.json is what the last spawn got plus hand edits, and is judged
 * against the exact document the host would write from the row. A group without a row is judged with the row the
 * host's back-fill would create.
 */
public final class DbEraRules implements DriftRules {

    static final Set<String> CLI_SCOPES = Set.of("disabled", "group", "global");

    private final KnownProviders providers;
    private final MountAllowlist mounts;

    public DbEraRules(KnownProviders providers, MountAllowlist mounts) {
        this.providers = providers;
        this.mounts = mounts;
    }

    @Override
    public GroupResult judge(GroupInput group) {
        BackfillResult backfill = group.configRow() == null ? backfill(group) : null;
        Judgement judgement = new Judgement(group, backfill, sources(group, backfill));
        judgement.folder();
        judgement.row();
        judgement.file();
        judgement.rowProvider();
        for (SessionOverride session : group.overrides()) {
            judgement.session(session);
        }
        return judgement.result();
    }

    /**
     * Where a DB-era group's provider comes from: its row, or the row the back-fill would create. The pages draw the
     * chains from the same sources the rules judge.
     */
    public static ProviderSources sources(GroupInput group) {
        return sources(group, group.configRow() == null ? backfill(group) : null);
    }

    private static ProviderSources sources(GroupInput group, BackfillResult backfill) {
        String fileProvider = DriftRules.fileProvider(group.file().effectiveDocument());
        if (group.configRow() != null) {
            return new ProviderSources(group.agentProvider(), group.configRow().provider(), true, fileProvider);
        }
        String provider = backfill.row() != null ? backfill.row().provider()
                : ProviderChain.isSet(group.agentProvider()) ? group.agentProvider() : null;
        return new ProviderSources(group.agentProvider(), provider, false, fileProvider);
    }

    private static BackfillResult backfill(GroupInput group) {
        return Backfill.of(group.id(), group.agentProvider(), group.file(), "(at the next host start)");
    }

    /** The file's runner provider as the catalogue reads it: its {@code provider} if a non-empty string, else claude. */
    static String fileRunner(ContainerConfigFile file) {
        if (file.state() != ConfigFileState.OK) {
            return ProviderChain.DEFAULT_PROVIDER;
        }
        return ProviderChain.runner(file.document().provider().orElse(null));
    }

    private final class Judgement extends GroupJudgement {

        private final ContainerConfigRow row;
        private final BackfillResult backfill;
        private final ProviderSources sources;
        private Materialized materialized;

        Judgement(GroupInput group, BackfillResult backfill, ProviderSources sources) {
            super(group, sources.fileProvider(), EraChains.DB_CONFIG.host(null, sources),
                    EraChains.DB_CONFIG.runner(sources));
            this.row = group.configRow();
            this.backfill = backfill;
            this.sources = sources;
        }

        /** The row's provider, or the back-fill's for a group without a row. */
        @Override
        String dbValue() {
            return sources.configRow();
        }

        void folder() {
            folder("so CLAUDE.md and the group's memory are gone");
        }

        void row() {
            if (row == null) {
                add(FindingKind.CONFIG_ROW_MISSING, Severity.ERROR, null,
                        "The group has no container_configs row: every spawn fails (\"Container config not found\") and"
                                + " messages wait until a host start back-fills one"
                                + (backfill.fails() ? "; the next start fails instead (see BACKFILL_WILL_FAIL)."
                                        : sources.configRow() == null ? " (with provider NULL)."
                                        : " (with provider " + sources.configRow() + ")."),
                        List.of(Fix.CREATE_CONFIG_ROW));
                if (backfill.failure() != null) {
                    add(FindingKind.BACKFILL_WILL_FAIL, Severity.ERROR, null,
                            "The next host start fails (\"Startup failed\") and the whole install stays down: "
                                    + backfill.failure(),
                            List.of(Fix.CREATE_CONFIG_ROW));
                }
                return;
            }
            List<RowProblem> problems = ContainerConfigRowValidator.check(row);
            for (RowProblem problem : problems) {
                add(FindingKind.CONFIG_ROW_INVALID, Severity.ERROR, null,
                        "container_configs " + problem.message() + ": NanoClaw cannot build the group's container from"
                                + " it, so its spawns (or its image build, or its skill links) fail. Repair the row.",
                        List.of());
            }
            if (problems.isEmpty()) {
                materialized = Materializer.materialize(group.id(), group.name(), row);
                if (materialized.ok()) {
                    mounts();
                }
            }
            if ("".equals(row.assistantName())) {
                add(FindingKind.ASSISTANT_NAME_EMPTY, Severity.WARNING, null,
                        "assistant_name is '': the assistant gets no name at all (NULL would give it the group's name, "
                                + group.name() + ").",
                        List.of(Fix.NORMALIZE_ASSISTANT_NAME));
            }
            if (row.cliScope() == null || !CLI_SCOPES.contains(row.cliScope())) {
                add(FindingKind.CLI_SCOPE_INVALID, Severity.ERROR, null,
                        "cli_scope is " + quoted(row.cliScope()) + ", not disabled, group or global: NanoClaw treats it"
                                + " as unrestricted, so the group's agents get global ncl access.",
                        List.of());
            }
            String legacy = group.agentProvider();
            if (ProviderChain.isSet(legacy) && !lower(legacy).equals(runner)) {
                add(new Finding(FindingKind.LEGACY_GROUP_PROVIDER_IGNORED, Severity.INFO, group.id(),
                        group.folder(), null, legacy, fileProvider, host, runner,
                        "agent_groups.agent_provider says " + legacy + ", but nothing reads it any more: the row says "
                                + runner + ". Dashboards and older skill texts still show it, so it misleads.",
                        List.of(Fix.CLEAR_LEGACY_PROVIDER)));
            }
            if ((ProviderChain.isSet(row.model()) || ProviderChain.isSet(row.effort()))
                    && !ProviderChain.DEFAULT_PROVIDER.equals(runner)) {
                add(FindingKind.MODEL_NOT_USED, Severity.INFO, null,
                        "model " + quoted(row.model()) + " / effort " + quoted(row.effort()) + " are written into the"
                                + " file and ignored: " + runner + " takes its model from the host's environment.",
                        List.of());
            }
        }

        private void mounts() {
            JsonNode list = materialized.document().field(KnownField.ADDITIONAL_MOUNTS).orElse(null);
            for (MountCheck mount : MountCheck.rejected(list, mounts)) {
                add(FindingKind.MOUNT_NOT_ALLOWED, Severity.ERROR, null,
                        "The row's mount of " + mount.hostPath() + " is rejected at spawn: " + mount.rejection() + ".",
                        List.of());
            }
        }

        void file() {
            ContainerConfigFile file = group.file();
            if (file.state() == ConfigFileState.MISSING) {
                add(FindingKind.CONFIG_FILE_MISSING, Severity.INFO, null,
                        "There is no container.json yet: the host writes it from the row at the next spawn.",
                        materialized != null && materialized.ok() ? List.of(Fix.MATERIALIZE_FROM_DB) : List.of());
                return;
            }
            boolean unreadable = file.state() == ConfigFileState.UNREADABLE;
            if (materialized == null || !materialized.ok() || !file.exists() && !unreadable) {
                return; // no row, an invalid row, or no folder: there is no document to compare with
            }
            boolean usable = file.state() == ConfigFileState.OK;
            if (usable && JsonValues.sameValue(file.document().toJson(), materialized.document().toJson())) {
                return;
            }
            String fileRunner = fileRunner(file);
            boolean switchesRunner = !fileRunner.equals(runner);
            String what = usable ? differences(file.document(), materialized.document())
                    : "the file cannot be used (" + file.errorMessage() + ")";
            add(FindingKind.CONFIG_FILE_DIVERGES_FROM_DB, switchesRunner ? Severity.ERROR : Severity.WARNING, null,
                    "container.json differs from what the next spawn writes from the row (" + what + "). The next"
                            + " spawn overwrites it: the hand edit is lost"
                            + (switchesRunner ? ", and the runner runs " + runner + ", not " + fileRunner + "." : "."),
                    usable ? List.of(Fix.MATERIALIZE_FROM_DB, Fix.IMPORT_FILE_INTO_DB) : List.of(Fix.MATERIALIZE_FROM_DB));
        }

        void rowProvider() {
            if (row != null && "".equals(row.provider())) {
                add(FindingKind.PROVIDER_EMPTY_STRING, Severity.INFO, null,
                        "container_configs.provider holds '' (treated as unset, so claude); NULL says the same plainly.",
                        List.of(Fix.NORMALIZE_PROVIDER));
            }
            if (!providers.runnerKnows(runner)) {
                runnerIsUnknown();
                add(FindingKind.PROVIDER_UNKNOWN, Severity.ERROR, null,
                        "The runner would start '" + runner + "' (from the " + rowName() + "), which it has no provider"
                                + " for: each container exits at once with 'Unknown provider' (known: "
                                + String.join(", ", providers.runner()) + ").",
                        List.of());
            }
            if (row != null && row.provider() != null && !row.provider().equals(lower(row.provider()))) {
                add(FindingKind.PROVIDER_NOT_NORMALIZED, Severity.INFO, null,
                        "container_configs.provider '" + row.provider() + "' has upper-case letters; it works because"
                                + " both sides lower-case it.",
                        List.of(Fix.NORMALIZE_PROVIDER));
            }
        }

        void session(SessionOverride session) {
            if (emptyOverride(session)) {
                return;
            }
            String override = session.agentProvider();
            String sessionHost = EraChains.DB_CONFIG.host(override, sources);
            if (!sessionHost.equals(runner)) {
                addSession(session, FindingKind.SESSION_PROVIDER_MISMATCH,
                        session.active() ? Severity.ERROR : Severity.INFO, sessionHost,
                        "Session " + session.id() + " (" + session.status() + ") overrides the provider with " + override
                                + ": the host prepares " + sessionHost + ", but the override never reaches the"
                                + " container, whose runner runs the row's " + runner + ".",
                        List.of(Fix.CLEAR_SESSION_OVERRIDE, Fix.PROMOTE_SESSION_OVERRIDE));
            } else {
                addSession(session, FindingKind.SESSION_OVERRIDE_REDUNDANT, Severity.INFO, sessionHost,
                        "Session " + session.id() + " overrides the provider with " + override + ", which it would get"
                                + " anyway; the override pins its host side against later changes of the row.",
                        List.of(Fix.CLEAR_SESSION_OVERRIDE));
            }
            overrideHygiene(session, sessionHost, providers);
        }

        private String rowName() {
            return row != null ? "container_configs row" : "row the back-fill would create";
        }

    }

    /** The top-level keys where the file and the host's document differ, for a person. */
    static String differences(ContainerConfigDocument file, ContainerConfigDocument expected) {
        Set<String> keys = new LinkedHashSet<>(expected.keys());
        keys.addAll(file.keys());
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            JsonNode mine = file.field(key).orElse(null);
            JsonNode theirs = expected.field(key).orElse(null);
            if (mine == null) {
                parts.add(key + ": only the row has " + ContainerConfigFormat.compact(theirs));
            } else if (theirs == null) {
                parts.add(key + ": only in the file, " + ContainerConfigFormat.compact(mine));
            } else if (!JsonValues.sameValue(mine, theirs)) {
                parts.add(key + ": the file has " + ContainerConfigFormat.compact(mine) + ", the row "
                        + ContainerConfigFormat.compact(theirs));
            }
        }
        String joined = String.join("; ", parts);
        return joined.length() > 400 ? joined.substring(0, 400) + "…" : joined;
    }

    private static String quoted(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

}
