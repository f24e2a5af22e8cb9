package io.nanoclaw.admin.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.nanoclaw.admin.drift.DriftRules.GroupInput;
import io.nanoclaw.admin.drift.DriftRules.GroupResult;
import io.nanoclaw.admin.drift.DriftRules.SessionOverride;
import io.nanoclaw.admin.providers.KnownProviders;

/**
 * One group being judged, in either era: the findings so far, the providers of its default pair, and the checks both
 * eras make the same way (the folder, a session override's hygiene, the group's status).
 */
abstract class GroupJudgement {

    protected final GroupInput group;
    protected final String fileProvider;
    protected final String host;
    protected final String runner;
    private final List<Finding> findings = new ArrayList<>();
    private boolean runnerUnknown;

    GroupJudgement(GroupInput group, String fileProvider, String host, String runner) {
        this.group = group;
        this.fileProvider = fileProvider;
        this.host = host;
        this.runner = runner;
    }

    /** The DB value a group-level finding carries: the era's source column. */
    abstract String dbValue();

    void folder(String whatTheSpawnLoses) {
        FolderCheck.of(group.folder(), group.file(), whatTheSpawnLoses)
                .ifPresent(check -> add(check.kind(), Severity.ERROR, null, check.message(), check.fixes()));
    }

    /** {@code ''} as an override is only that finding; true when the session needs no further judging. */
    boolean emptyOverride(SessionOverride session) {
        if (!"".equals(session.agentProvider())) {
            return false;
        }
        addSession(session, FindingKind.PROVIDER_EMPTY_STRING, Severity.INFO, host,
                "sessions.agent_provider of " + session.id() + " holds '' (treated as unset).",
                List.of(Fix.NORMALIZE_PROVIDER));
        return true;
    }

    /** An active session's override the host does not know, and an override with upper-case letters. */
    void overrideHygiene(SessionOverride session, String sessionHost, KnownProviders providers) {
        String override = session.agentProvider();
        if (session.active() && !providers.hostKnows(lower(override))) {
            addSession(session, FindingKind.PROVIDER_UNKNOWN, Severity.ERROR, sessionHost,
                    "Active session " + session.id() + " overrides the provider with '" + override
                            + "', which the host does not know.",
                    List.of(Fix.CLEAR_SESSION_OVERRIDE));
        }
        if (!override.equals(lower(override))) {
            addSession(session, FindingKind.PROVIDER_NOT_NORMALIZED, Severity.INFO, sessionHost,
                    "Session " + session.id() + " override '" + override + "' has upper-case letters; it works"
                            + " because the host lower-cases it.",
                    List.of(Fix.NORMALIZE_PROVIDER));
        }
    }

    /** The runner's provider is one it has no provider for: the group is BROKEN whatever the kind. */
    void runnerIsUnknown() {
        runnerUnknown = true;
    }

    GroupResult result() {
        boolean brokenByKind = findings.stream().anyMatch(f -> f.kind().breaksGroup());
        boolean problems = findings.stream().anyMatch(f -> f.severity() != Severity.INFO);
        GroupStatus status = runnerUnknown || brokenByKind ? GroupStatus.BROKEN
                : problems ? GroupStatus.DRIFTED : GroupStatus.ALIGNED;
        return new GroupResult(new GroupDrift(group.id(), group.folder(), status, host, runner), List.copyOf(findings));
    }

    /** A group-level finding: the era's DB value, and the file's provider unless another file value is given. */
    void add(FindingKind kind, Severity severity, String fileValue, String message, List<Fix> fixes) {
        add(new Finding(kind, severity, group.id(), group.folder(), null, dbValue(),
                fileValue != null ? fileValue : fileProvider, host, runner, message, fixes));
    }

    void add(Finding finding) {
        findings.add(finding);
    }

    void addSession(SessionOverride session, FindingKind kind, Severity severity, String sessionHost, String message,
            List<Fix> fixes) {
        findings.add(new Finding(kind, severity, group.id(), group.folder(), session.id(), session.agentProvider(),
                fileProvider, sessionHost, runner, message, fixes));
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
